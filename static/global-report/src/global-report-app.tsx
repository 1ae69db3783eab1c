/** The global report: the whole site over any range, with filters, tables and CSV export (shared report UI), and the Search tab. */
import { useState } from 'react';
import { ReportApp } from '../../shared/report/report-app';
import { Page, PageHeader } from '../../shared/components/page';
import { SearchReport } from '../../shared/search/search-report';

type Tab = 'views' | 'search';

export function GlobalReportApp() {
  const [tab, setTab] = useState<Tab>('views');
  const tabs = (
    <div role="tablist" aria-label="Report" className="vt-report-tabs">
      <button type="button" role="tab" id="report-tab-views" aria-selected={tab === 'views'} className="vt-report-tab" onClick={() => setTab('views')}>Views</button>
      <button type="button" role="tab" id="report-tab-search" aria-selected={tab === 'search'} className="vt-report-tab" onClick={() => setTab('search')}>Search</button>
    </div>
  );
  if (tab === 'views') return <ReportApp scope="global" before={tabs} />;
  return (
    <Page width="wide">
      <PageHeader breadcrumb="Viewtracker" title="Viewtracker report" description="What people search for in Confluence, what they do not find, and whether a page view follows. Days are the site's days (UTC)." />
      {tabs}
      <SearchReport />
    </Page>
  );
}
