// The report filters' group picker talks to its resolver through @forge/bridge, which needs a Confluence
// frame to load; these markup tests never call it.
jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: {}, router: {}, events: {} }));
/** One vocabulary in the reports: source labels in the filter, the table and the CSV; account ids only in the CSV. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReportPage } from '@contracts/report-query';
import { ReportTableView } from '../../static/shared/report/report-table-view';
import { ReportFiltersBar } from '../../static/shared/report/report-filters';
import { asRecord, COLUMNS } from '../../static/shared/report/report-columns';

const page = (result: ReportPage['result']): ReportPage => ({ result, total: 1, nextCursor: null, rankingCap: 100, notes: [] });
const noop = () => undefined;

it('names sources as people read them in the filter, the table and the CSV', () => {
  // The filter is a closed select: it shows the chosen source's label (its menu lists the others).
  const desktop = renderToStaticMarkup(<ReportFiltersBar filters={{ sources: ['desktop'] }} onChange={noop} withSpaces={false} />);
  expect(desktop).toContain('>Desktop<');
  const filter = renderToStaticMarkup(<ReportFiltersBar filters={{ sources: ['mobile-web'] }} onChange={noop} withSpaces={false} />);
  expect(filter).toContain('>Mobile web<');
  expect(filter).not.toContain('>mobile-web<');
  const rows = [{ source: 'mobile-web' as const, views: 3 }];
  const table = renderToStaticMarkup(<ReportTableView table="by-source" page={page({ table: 'by-source', rows })} sort={{ column: 'views', direction: 'desc' }} onSort={noop} pageIndex={0} onPage={noop} />);
  expect(table).toContain('Mobile web');
  expect(table).not.toContain('mobile-web');
  expect(COLUMNS['by-source'][0]!.text(asRecord(rows[0]!))).toBe('Mobile web');
});

it('shows no raw Account ID column next to names on screen; the CSV keeps it', () => {
  const rows = [{ viewer: '5b10ac8d82e05b22cc7d4ef5', name: 'Ann Lee', views: 7 }];
  const table = renderToStaticMarkup(<ReportTableView table="top-readers" page={page({ table: 'top-readers', rows } as ReportPage['result'])} sort={{ column: 'views', direction: 'desc' }} onSort={noop} pageIndex={0} onPage={noop} />);
  expect(table).toContain('Ann Lee');
  expect(table).not.toContain('Account ID');
  expect(table).not.toContain('5b10ac8d82e05b22cc7d4ef5');
  expect(COLUMNS['top-readers'].map((column) => column.header)).toContain('Account ID');
});
