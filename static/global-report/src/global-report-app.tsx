/** The global report: the whole site over any range, with filters, tables and CSV export (shared report UI), and the Search tab. */
import { useState, type ReactNode } from 'react';
import { ReportApp } from '../../shared/report/report-app';
import { TabsBar, type TabItem } from '../../shared/components/tabs';
import { SearchReport } from '../../shared/search/search-report';

type Tab = 'views' | 'search';
const TABS: ReadonlyArray<TabItem<Tab>> = [{ key: 'views', label: 'Views' }, { key: 'search', label: 'Search' }];

const SEARCH_DESCRIPTION = "What people search for in Confluence, what they do not find, and whether a page view follows. Days are the site's days (UTC).";

export function GlobalReportApp() {
  const [tab, setTab] = useState<Tab>('views');
  const frame = (body: ReactNode) => <TabsBar id="report" label="Report" tabs={TABS} selected={tab} onChange={setTab}>{body}</TabsBar>;
  // One report instance for both tabs: the Views tab keeps its range, filters and table meanwhile.
  return tab === 'views' ? <ReportApp scope="global" frame={frame} /> : <ReportApp scope="global" frame={frame} body={<SearchReport />} description={SEARCH_DESCRIPTION} />;
}
