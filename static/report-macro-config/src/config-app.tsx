/**
 * The macro's custom configuration (Forge `config.resource`): opened by the editor when the macro is
 * inserted or edited. The current config comes from the context (`extension.config`), upgraded by the
 * server if an older version wrote it; Save hands the new one to Confluence with `view.submit({config})`.
 */
import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import { DEFAULT_REPORT, type ReportQueryDefinition } from '@contracts/custom-reports';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { isDefinition } from '../../shared/api/custom-report-guards';
import { Button } from '../../shared/components/button';
import { SectionMessage } from '../../shared/components/section-message';
import { LoadingState } from '../../shared/components/states';
import { DefinitionForm, definitionProblems } from '../../shared/custom-reports/definition-form';
import type { SpaceChoice } from '../../shared/custom-reports/spaces-field';
import type { SearchPage } from '../../shared/components/picker/search-state';
import type { Envelope } from '@contracts/envelope';

// Module-level (stable): the picker's search hook re-runs when its search function changes.
async function searchReportSpaces(query: string): Promise<Envelope<SearchPage<SpaceChoice>>> {
  const answer = await invokeResolver('searchReportSpaces', { query });
  return answer.ok ? { ok: true, data: { items: answer.data.spaces, nextCursor: null } } : answer;
}

interface Loaded {
  config: ReportQueryDefinition;
  pageId: string;
  inserting: boolean;
}

async function loadConfig(): Promise<Loaded> {
  const context = await view.getContext();
  const extension: Record<string, unknown> = typeof context.extension === 'object' && context.extension !== null ? { ...context.extension } : {};
  const content = extension.content;
  const pageId = typeof content === 'object' && content !== null && 'id' in content && typeof content.id === 'string' ? content.id : '';
  const macro = extension.macro;
  const inserting = typeof macro === 'object' && macro !== null && 'isInserting' in macro && macro.isInserting === true;
  if (isDefinition(extension.config)) return { config: extension.config, pageId, inserting };
  // Not this version's shape (an older macro, or none yet): the server upgrades it as it would render it.
  const answer = extension.config === undefined ? null : await invokeResolver('getReportMacro', {});
  return { config: answer?.ok ? answer.data.config : DEFAULT_REPORT, pageId, inserting };
}

export function ConfigApp() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<ReportQueryDefinition>(DEFAULT_REPORT);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadConfig().then((result) => {
      setLoaded(result);
      setDraft(result.config);
    }).catch(() => setLoaded({ config: DEFAULT_REPORT, pageId: '', inserting: true }));
  }, []);
  if (loaded === null) return <LoadingState label="Loading the report settings" />;
  const problems = Object.values(definitionProblems(draft));
  const save = async () => {
    try {
      await view.submit({ config: draft });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Confluence did not accept the configuration.');
    }
  };
  return (
    <form className="vt-config" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <h1 className="vt-report__title">{loaded.inserting ? 'Insert a Viewtracker report' : 'Edit the Viewtracker report'}</h1>
      <p className="vt-report__meta">Readers see the report with their own rights: content they may not read is never shown or counted.</p>
      <DefinitionForm value={draft} onChange={setDraft} pageId={loaded.pageId} searchSpaces={searchReportSpaces} />
      {error ? <SectionMessage appearance="error" role="alert">{error}</SectionMessage> : null}
      <div className="vt-inline vt-config__actions">
        <Button type="submit" appearance="primary" disabled={problems.length > 0}>Save</Button>
        <Button appearance="subtle" onClick={() => void view.close().catch(() => undefined)}>Cancel</Button>
      </div>
    </form>
  );
}
