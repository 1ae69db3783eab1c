/**
 * The global report. Today: the site's most viewed content of all time, with a bar per row so the
 * ranking reads at a glance. Date ranges, filters and export arrive with the reports release.
 */
import type { ContentRanking } from '@contracts/resolvers';
import { useResolver } from '../../shared/api/use-resolver';
import { Page, PageHeader, PageSection } from '../../shared/components/page';
import { LifecycleNote } from '../../shared/components/lifecycle-note';
import { ErrorState, LoadingState } from '../../shared/components/states';
import { ContentRankingTable } from '../../shared/components/content-ranking-table';

export function GlobalReportApp() {
  const { answer: report, reload } = useResolver('getGlobalReport', {});

  return (
    <Page width="wide">
      <PageHeader breadcrumb="Viewtracker" title="Viewtracker report" description="The most viewed pages and blog posts of the whole site, all time." />
      <LifecycleNote />
      {report === null && <LoadingState label="Loading the report" />}
      {report !== null && !report.ok && <ErrorState error={report.error} {...(report.error.code === 'forbidden' ? {} : { onRetry: reload })} />}
      {report?.ok && <TopContent rows={report.data.topContent} />}
    </Page>
  );
}

function TopContent({ rows }: { rows: ContentRanking[] }) {
  return (
    <PageSection id="top-content" title="Most viewed content">
      <ContentRankingTable rows={rows} caption="Most viewed content, all time" />
    </PageSection>
  );
}
