/** The Viewtracker settings page (General configuration → Viewtracker): load, edit, save, audit. */
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Page, PageHeader } from '../../shared/components/page';
import { ErrorState } from '../../shared/components/states';
import { Lozenge } from '../../shared/components/lozenge';
import { currentAccountId, flag } from '../../shared/host';
import { FIELD_KEYS, routeFieldErrors, type FieldKey } from './field-errors';
import { fieldElementId } from './field-ids';
import { fieldLabel } from './labels';
import { AuditSection } from './audit-section';
import { AutoTrackingSection } from './auto-tracking-section';
import { ExclusionsSection } from './exclusions-section';
import { GeneralSection } from './general-section';
import { ContentSection } from './content-section';
import { ForbiddenPage, PAGE_DESCRIPTION, PAGE_TITLE, SettingsSkeleton } from './page-states';
import { PrivacySection } from './privacy-section';
import { SearchSection } from './search-section';
import { SaveBar } from './save-bar';
import { StoredSettingsProblem } from './stored-settings-problem';
import { ViewApiSection } from './view-api-section';
import { SavedReportsAdminSection } from './saved-reports-admin-section';
import { SelfCheckSection } from './self-check-section';
import { AccessCheckSection } from './access-check-section';
import { initialPageState, pageReducer, unsavedPaths, type EditorState, type PageAction } from './settings-editor';
import { validateDraft } from './validate-draft';

export function SettingsApp() {
  const [state, dispatch] = useReducer(pageReducer, initialPageState);
  const [accountId, setAccountId] = useState<string | null>(null);

  const load = useCallback(async () => {
    dispatch({ type: 'load-started' });
    const answer = await invokeResolver('getSettings', {});
    dispatch(answer.ok ? { type: 'loaded', view: answer.data } : { type: 'load-failed', error: answer.error });
  }, []);

  useEffect(() => {
    void load();
    void currentAccountId().then(setAccountId);
  }, [load]);

  switch (state.phase) {
    case 'loading':
      return <SettingsSkeleton />;
    case 'forbidden':
      return <ForbiddenPage />;
    case 'failed':
      return (
        <Page>
          <PageHeader title={PAGE_TITLE} description={PAGE_DESCRIPTION} />
          <ErrorState error={state.error} title="The settings could not be loaded" onRetry={() => void load()} />
        </Page>
      );
    default:
      return <SettingsForm editor={state.editor} dispatch={dispatch} onReload={() => void load()} accountId={accountId} />;
  }
}

function SettingsForm({ editor, dispatch, onReload, accountId }: {
  editor: EditorState;
  dispatch: (action: PageAction) => void;
  onReload: () => void;
  accountId: string | null;
}) {
  const { draft, saved, saving } = editor;
  const unsaved = useMemo(() => unsavedPaths(editor), [editor]);
  const clientErrors = useMemo(() => validateDraft(draft, saved.unavailableChannels), [draft, saved.unavailableChannels]);
  const routed = useMemo(
    () => routeFieldErrors({ ...editor.serverErrors, ...clientErrors }, draft),
    [editor.serverErrors, clientErrors, draft],
  );
  const errorsFor = (field: FieldKey) => routed.byField[field] ?? [];
  const sectionProps = { draft, onChange: (next: typeof draft) => dispatch({ type: 'edited', draft: next }), errorsFor, disabled: saving };

  const refreshChannels = async () => {
    const answer = await invokeResolver('getSettings', {});
    if (answer.ok) dispatch({ type: 'channels-updated', unavailableChannels: answer.data.unavailableChannels });
  };

  const save = async () => {
    dispatch({ type: 'save-started' });
    const answer = await invokeResolver('saveSettings', { settings: draft, expectedVersion: saved.version });
    if (answer.ok) {
      dispatch({ type: 'saved', view: answer.data, at: Date.now() });
      flag('success', 'Viewtracker settings saved', `Version ${answer.data.version} is now in effect.`);
    } else {
      dispatch({ type: 'save-failed', error: answer.error });
      if (answer.error.code !== 'conflict' && answer.error.code !== 'invalid-input') {
        flag('error', 'Viewtracker settings were not saved', answer.error.message);
      }
    }
  };

  return (
    <Page>
      <PageHeader
        title={PAGE_TITLE}
        description={PAGE_DESCRIPTION}
        actions={unsaved.length > 0 ? <Lozenge appearance="moved">Unsaved changes</Lozenge> : null}
      />
      <StoredSettingsProblem problem={saved.problem} />
      <form
        className="vt-settings-form"
        aria-label="Viewtracker settings"
        onSubmit={(event) => {
          event.preventDefault();
          if (unsaved.length > 0 && Object.keys(clientErrors).length === 0 && !saving) void save();
        }}
      >
        <AutoTrackingSection {...sectionProps} unavailable={saved.unavailableChannels} />
        <ExclusionsSection {...sectionProps} />
        <GeneralSection {...sectionProps} />
        <ContentSection {...sectionProps} />
        <SearchSection {...sectionProps} />
        <PrivacySection {...sectionProps} savedMode={saved.settings.privacy.mode} />
        <SaveBar
          unsavedCount={unsaved.length}
          saving={saving}
          invalidFields={Object.keys(clientErrors).map(fieldLabel)}
          problem={editor.problem}
          unroutedErrors={routed.unrouted}
          fieldsWithErrors={FIELD_KEYS.filter((field) => routed.byField[field] !== undefined).map((field) => ({
            label: fieldLabel(field),
            elementId: fieldElementId(field, draft),
          }))}
          savedRecently={editor.savedAt !== null}
          onReset={() => dispatch({ type: 'reset' })}
          onReloadLatest={onReload}
          onDismissProblem={() => dispatch({ type: 'problem-dismissed' })}
        />
      </form>
      <ViewApiSection currentAccountId={accountId} onStatusChange={() => void refreshChannels()} />
      <SavedReportsAdminSection />
      <SelfCheckSection />
      <AccessCheckSection />
      <AuditSection audit={saved.audit} currentAccountId={accountId} now={Date.now()} />
    </Page>
  );
}
