/** Save and reset, with what is unsaved, what went wrong and what was saved, right where the admin acts. */
import { Button } from '../../shared/components/button';
import { SuccessIcon } from '../../shared/components/icons';
import { Lozenge } from '../../shared/components/lozenge';
import { SectionMessage } from '../../shared/components/section-message';
import { errorTitle } from '../../shared/components/states';
import { plural } from '../../shared/format/duration';
import type { SaveProblem } from './settings-editor';

export interface SaveBarProps {
  unsavedCount: number;
  saving: boolean;
  /** Client-side problems that block saving, as field labels. */
  invalidFields: string[];
  problem: SaveProblem | null;
  /** Server errors that belong to no field on this page. */
  unroutedErrors: string[];
  /** Fields with errors, to list (and jump to) in the summary. */
  fieldsWithErrors: Array<{ label: string; elementId: string }>;
  savedRecently: boolean;
  onReset: () => void;
  onReloadLatest: () => void;
  onDismissProblem: () => void;
}

export function SaveBar(props: SaveBarProps) {
  const { unsavedCount, saving, invalidFields, savedRecently } = props;
  const dirty = unsavedCount > 0;
  return (
    <div className="vt-save-area">
      <SaveProblemMessage {...props} />
      <div className="vt-save-bar">
        <div className="vt-save-bar__status" role="status" aria-live="polite">
          {saving ? (
            'Saving…'
          ) : dirty ? (
            <>
              <Lozenge appearance="moved">Unsaved</Lozenge> {plural(unsavedCount, 'unsaved change')}
              {invalidFields.length > 0 ? ` · fix ${invalidFields.join(', ')} to save` : ''}
            </>
          ) : savedRecently ? (
            <span className="vt-save-bar__saved"><SuccessIcon size={16} /> All changes saved</span>
          ) : (
            <span className="vt-subtlest">No unsaved changes</span>
          )}
        </div>
        <div className="vt-save-bar__actions">
          <Button appearance="subtle" onClick={props.onReset} disabled={!dirty || saving}>
            Reset to saved
          </Button>
          {/* A submit button: Enter in any text field of the form saves, as in every form. */}
          <Button type="submit" appearance="primary" disabled={!dirty || invalidFields.length > 0} isLoading={saving} testId="settings-save">
            Save
          </Button>
        </div>
      </div>
    </div>
  );
}

function SaveProblemMessage({ problem, unroutedErrors, fieldsWithErrors, unsavedCount, onReloadLatest, onDismissProblem }: SaveBarProps) {
  if (problem === null) return null;
  if (problem.kind === 'conflict') {
    return (
      <SectionMessage
        appearance="warning"
        role="alert"
        title="Another administrator saved these settings while you were editing"
        actions={
          <>
            <Button onClick={onReloadLatest}>Reload the latest settings</Button>
            <Button appearance="subtle" onClick={onDismissProblem}>Keep my changes on screen</Button>
          </>
        }
      >
        <p>
          Nothing was saved, so their changes are not overwritten. Reload to see the latest settings (your{' '}
          {plural(unsavedCount, 'unsaved change')} will be discarded), then make your changes again.
        </p>
      </SectionMessage>
    );
  }
  const { error } = problem;
  return (
    <SectionMessage
      appearance="error"
      role="alert"
      title={error.code === 'invalid-input' ? 'Nothing was saved: some values need your attention' : `Nothing was saved. ${errorTitle(error)}`}
      actions={<Button appearance="subtle" onClick={onDismissProblem}>Dismiss</Button>}
    >
      {error.code === 'invalid-input' ? (
        fieldsWithErrors.length > 0 ? (
          <p>
            The problems are shown next to the fields:{' '}
            {fieldsWithErrors.map((field, index) => (
              <span key={field.elementId}>
                {index > 0 ? ', ' : null}
                <button type="button" className="vt-link-button" onClick={() => document.getElementById(field.elementId)?.focus()}>
                  {field.label}
                </button>
              </span>
            ))}
            .
          </p>
        ) : (
          <p>{error.message}</p>
        )
      ) : (
        <p>{error.message}</p>
      )}
      {unroutedErrors.map((message) => <p key={message}>{message}</p>)}
    </SectionMessage>
  );
}
