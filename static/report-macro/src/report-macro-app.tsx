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

export function ReportMacroApp() {
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
