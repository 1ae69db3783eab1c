/**
 * The space report: this space's most viewed content, and the viewed content nobody has opened for
 * longest (candidates for review or archiving). Date ranges and readers arrive with the reports release.
 */
import { useResolver } from '../../shared/api/use-resolver';
import { ContentRankingTable } from '../../shared/components/content-ranking-table';
import { Page, PageHeader, PageSection } from '../../shared/components/page';
import { LifecycleNote } from '../../shared/components/lifecycle-note';
import { ErrorState, LoadingState } from '../../shared/components/states';
import { SavedReportsSection } from './saved-reports-section';

export function SpaceReportApp() {
  const { answer: report, reload } = useResolver('getSpaceReport', {});

  return (
    <Page width="wide">
      <PageHeader breadcrumb="Viewtracker" title="Space report" description={report?.ok ? `Views of the pages and blog posts in ${report.data.spaceKey}, all time.` : 'Views of this space\u2019s pages and blog posts, all time.'} />
      <LifecycleNote />
      {report === null && <LoadingState label="Loading the report" />}
      {report !== null && !report.ok && <ErrorState error={report.error} {...(report.error.code === 'forbidden' ? {} : { onRetry: reload })} />}
      {report?.ok && (
        <>
          <PageSection id="top-content" title="Most viewed content">
            <ContentRankingTable rows={report.data.topContent} caption="Most viewed content of this space" showSpace={false} />
          </PageSection>
          <PageSection id="stale-content" title="Not viewed for the longest time" description="Content of this space that was viewed before, ordered by its last view, oldest first.">
            <ContentRankingTable rows={report.data.staleContent} caption="Content not viewed for the longest time" showSpace={false} />
          </PageSection>
          <SavedReportsSection />
        </>
      )}
    </Page>
  );
}
