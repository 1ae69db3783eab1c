/**
 * Saved reports of this space (Custom Reports), inside the space report: everyone who may open the
 * report sees and opens them, each computed with their own rights; the space's admins (and site
 * admins) save, change and delete them. Hidden while Custom Reports is switched off.
 */
import { useState } from 'react';
import { router } from '@forge/bridge';
import { DEFAULT_REPORT, type ReportQueryDefinition, type SavedReport, type SavedReportsView } from '@contracts/custom-reports';
import type { Envelope } from '@contracts/envelope';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { useResolver } from '../../shared/api/use-resolver';
import { Button } from '../../shared/components/button';
import { Field } from '../../shared/components/field';
import { PageSection } from '../../shared/components/page';
import { SectionMessage } from '../../shared/components/section-message';
import { ErrorState, LoadingState } from '../../shared/components/states';
import { TextField } from '../../shared/components/text-field';
import { DefinitionForm, definitionProblems } from '../../shared/custom-reports/definition-form';
import { ReportView } from '../../shared/custom-reports/report-view';
import '../../shared/styles/custom-report.css';
import '../../shared/styles/chart.css';
import 'react-day-picker/style.css';

type Draft = { id?: string; name: string; definition: ReportQueryDefinition };

export function SavedReportsSection() {
  const { answer } = useResolver('getSpaceSavedReports', {});
  const [view, setView] = useState<SavedReportsView | null>(null);
  const current = view ?? (answer?.ok ? answer.data : null);
  if (answer === null) return <LoadingState label="Loading saved reports" />;
  if (!answer.ok) return null; // The space report itself says why it cannot be opened.
  if (!current || !current.enabled) return null;
  return <SavedReports view={current} onChange={setView} />;
}

function SavedReports({ view, onChange }: { view: SavedReportsView; onChange: (view: SavedReportsView) => void }) {
  const [openId, setOpenId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const canAdd = view.canManage && view.reports.length < view.max;
  return (
    <PageSection id="saved-reports" title="Saved reports" description="Reports the space’s admins saved for this space. Each shows what you may read."
      actions={canAdd && !draft ? <Button onClick={() => setDraft({ name: '', definition: DEFAULT_REPORT })}>New saved report</Button> : undefined}>
      {draft ? <ReportEditor draft={draft} onCancel={() => setDraft(null)} onSaved={(next) => { onChange(next); setDraft(null); }} /> : null}
      {view.reports.length === 0 && !draft ? <p className="vt-report__notice">No saved reports yet.{view.canManage ? ' Save one to give everyone here the same view.' : ''}</p> : null}
      <ul className="vt-saved-reports">
        {view.reports.map((report) => (
          <li key={report.id} className="vt-saved-reports__item">
            <div className="vt-report__bar">
              <Button appearance="link" aria-expanded={openId === report.id} onClick={() => setOpenId(openId === report.id ? null : report.id)}>{report.name}</Button>
              {view.canManage ? (
                <span className="vt-inline">
                  <Button appearance="subtle" spacing="compact" onClick={() => setDraft({ id: report.id, name: report.name, definition: report.definition })}>Edit</Button>
                  <Button appearance="subtle" spacing="compact" onClick={() => void remove(report, onChange)}>Delete</Button>
                </span>
              ) : null}
            </div>
            {openId === report.id ? <SavedReportResult report={report} /> : null}
          </li>
        ))}
      </ul>
    </PageSection>
  );
}

async function remove(report: SavedReport, onChange: (view: SavedReportsView) => void): Promise<void> {
  const answer = await invokeResolver('deleteSpaceReport', { id: report.id });
  if (answer.ok) onChange(answer.data);
}

function SavedReportResult({ report }: { report: SavedReport }) {
  const { answer, reload } = useResolver('runSavedReport', { id: report.id });
  if (answer === null) return <LoadingState label={`Loading ${report.name}`} />;
  if (!answer.ok) return <ErrorState error={answer.error} onRetry={reload} />;
  return <ReportView answer={answer.data} title={report.name} onOpen={(row) => void router.navigate({ target: 'contentView', contentId: row.contentId }).catch(() => undefined)} />;
}

function ReportEditor({ draft, onCancel, onSaved }: { draft: Draft; onCancel: () => void; onSaved: (view: SavedReportsView) => void }) {
  const [value, setValue] = useState(draft);
  const [result, setResult] = useState<Envelope<SavedReportsView> | null>(null);
  const [busy, setBusy] = useState(false);
  const problems = Object.keys(definitionProblems(value.definition)).length > 0 || value.name.trim() === '';
  const save = async () => {
    setBusy(true);
    const answer = await invokeResolver('saveSpaceReport', { ...(value.id ? { id: value.id } : {}), name: value.name.trim(), definition: value.definition });
    setBusy(false);
    setResult(answer);
    if (answer.ok) onSaved(answer.data);
  };
  const errors = result && !result.ok ? result.error : null;
  return (
    <form className="vt-saved-reports__editor" aria-label="Saved report" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <Field id="saved-report-name" label="Name" isRequired errors={errors?.fieldErrors?.name ? [errors.fieldErrors.name] : []}>
        {(control) => <TextField {...control} maxLength={80} value={value.name} onChange={(event) => setValue({ ...value, name: event.target.value })} />}
      </Field>
      <DefinitionForm value={value.definition} onChange={(definition) => setValue({ ...value, definition })} selectionKinds={['this-space', 'label', 'page-tree']} />
      {errors ? <SectionMessage appearance="error" role="alert">{errors.message}</SectionMessage> : null}
      <div className="vt-inline">
        <Button type="submit" appearance="primary" isLoading={busy} disabled={problems}>Save report</Button>
        <Button appearance="subtle" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
