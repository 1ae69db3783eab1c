/**
 * The "Viewtracker report" macro on a page: the configured report, computed on the server with the
 * reader's own rights. In the editor it shows the same report (a preview) and how to configure it.
 */
import { useEffect, useState } from 'react';
import { router, view } from '@forge/bridge';
import type { ReportRow } from '@contracts/custom-reports';
import { useResolver } from '../../shared/api/use-resolver';
import { ReportView } from '../../shared/custom-reports/report-view';
import { WHAT_LABELS } from '../../shared/custom-reports/report-columns';
import { ErrorState, LoadingState } from '../../shared/components/states';
import { ReachMacroView } from './reach-macro-view';

function useIsEditing(): boolean {
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    void view.getContext().then((context) => {
      const extension: unknown = context.extension;
      setEditing(typeof extension === 'object' && extension !== null && 'isEditing' in extension && extension.isEditing === true);
    }).catch(() => undefined);
  }, []);
  return editing;
}

/** Which kind the stored config is: "reach" has a resolver of its own; every other config is a report. */
function useKind(): 'report' | 'reach' | null {
  const [kind, setKind] = useState<'report' | 'reach' | null>(null);
  useEffect(() => {
    void view.getContext().then((context) => {
      const extension: unknown = context.extension;
      const config: unknown = typeof extension === 'object' && extension !== null && 'config' in extension ? extension.config : undefined;
      setKind(typeof config === 'object' && config !== null && 'what' in config && config.what === 'reach' ? 'reach' : 'report');
    }).catch(() => setKind('report'));
  }, []);
  return kind;
}

export function ReportMacroApp() {
  const kind = useKind();
  if (kind === null) return <LoadingState label="Loading the report" />;
  return kind === 'reach' ? <ReachMacroView /> : <ReportMacro />;
}

function ReportMacro() {
  const { answer, reload } = useResolver('getReportMacro', {});
  const editing = useIsEditing();
  const open = (row: ReportRow) => void router.navigate({ target: 'contentView', contentId: row.contentId }).catch(() => undefined);
  const title = answer?.ok ? `Viewtracker: ${WHAT_LABELS[answer.data.config.what]}` : 'Viewtracker report';
  return (
    <section className="vt-report-macro" aria-label={title}>
      <h2 className="vt-report__title">{title}</h2>
      {editing ? <p className="vt-report__meta">Preview. Use the macro’s edit button to choose what it shows.</p> : null}
      {answer === null && <LoadingState label="Loading the report" />}
      {answer !== null && !answer.ok && <ErrorState error={answer.error} {...(answer.error.code === 'unavailable' ? { onRetry: reload } : {})} />}
      {answer?.ok && <ReportView answer={answer.data} title={title} onOpen={open} />}
    </section>
  );
}
