/**
 * Every space's saved reports (Custom Reports), for Confluence administrators: which spaces keep which
 * report definitions, and a way to delete any of them. Space admins manage theirs in the space report.
 */
import { useState } from 'react';
import type { AllSavedReportsView, SavedReport } from '@contracts/custom-reports';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { useResolver } from '../../shared/api/use-resolver';
import { Button } from '../../shared/components/button';
import { PageSection } from '../../shared/components/page';
import { ErrorState, LoadingState } from '../../shared/components/states';
import { Table } from '../../shared/components/table';
import { WHAT_LABELS } from '../../shared/custom-reports/report-columns';
import { formatDate } from '../../shared/format/time';
import '../../shared/styles/custom-report.css';

export function SavedReportsAdminSection() {
  const { answer, reload } = useResolver('getAllSavedReports', {});
  const [view, setView] = useState<AllSavedReportsView | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const reports = view?.reports ?? (answer?.ok ? answer.data.reports : []);
  const remove = async (report: SavedReport) => {
    setDeleting(report.id);
    const result = await invokeResolver('deleteAnySavedReport', { spaceKey: report.spaceKey, id: report.id });
    setDeleting(null);
    if (result.ok) setView(result.data);
  };
  return (
    <PageSection id="saved-reports" title="Saved space reports" description="Report definitions that space admins saved for their spaces (Custom Reports). They are kept while Custom Reports is off, and shown again when it is on.">
      {answer === null && <LoadingState label="Loading saved reports" />}
      {answer !== null && !answer.ok && <ErrorState error={answer.error} onRetry={reload} />}
      {answer?.ok && (
        <Table<SavedReport>
          caption="Saved space reports"
          hideCaption
          rows={reports}
          rowKey={(report) => `${report.spaceKey}:${report.id}`}
          emptyView={<p className="vt-report__notice">No space has saved a report yet.</p>}
          columns={[
            { key: 'space', header: 'Space', cell: (report) => report.spaceKey },
            { key: 'name', header: 'Name', cell: (report) => report.name },
            { key: 'what', header: 'Shows', cell: (report) => WHAT_LABELS[report.definition.what] },
            { key: 'updated', header: 'Changed', cell: (report) => formatDate(report.updatedAt) },
            { key: 'actions', header: 'Actions', cell: (report) => (
              <Button appearance="subtle" spacing="compact" isLoading={deleting === report.id} aria-label={`Delete ${report.name} of ${report.spaceKey}`} onClick={() => void remove(report)}>Delete</Button>
            ) },
          ]}
        />
      )}
    </PageSection>
  );
}
