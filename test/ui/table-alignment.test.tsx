// The report filters' group picker talks to its resolver through @forge/bridge; these markup tests never call it.
jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: {}, router: {}, events: {} }));
/** Every table lines its headers up with their cells: numbers right, text and dates left. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReportPage } from '@contracts/report-query';
import { ReportTableView } from '../../static/shared/report/report-table-view';
import { asRecord, COLUMNS } from '../../static/shared/report/report-columns';
import { Table } from '../../static/shared/components/table';
import { ChartTable } from '../../static/shared/components/time-series-chart';
import { formatDay } from '../../static/shared/format/time';

/** The text-align of each header cell and of each cell of the first body row, in column order. */
function alignments(markup: string): { headers: string[]; cells: string[] } {
  const head = markup.slice(markup.indexOf('<thead'), markup.indexOf('</thead>'));
  const body = markup.slice(markup.indexOf('<tbody'));
  const firstRow = body.slice(body.indexOf('<tr'), body.indexOf('</tr>'));
  const align = (html: string, tag: string) => [...html.matchAll(new RegExp(`<${tag}(?=[\\s>])[^>]*>`, 'g'))].map((match) => /text-align:(\w+)/.exec(match[0])?.[1] ?? 'none');
  return { headers: align(head, 'th'), cells: align(firstRow, '(?:td|th)') };
}

const noop = () => undefined;
const LAST_VIEWED = Date.UTC(2026, 11, 7, 23, 30);

describe('table alignment', () => {
  it('report tables: the numeric Views header is right-aligned like its cells, text and date columns left', () => {
    const rows = [{ contentId: '1', title: 'Home', spaceKey: 'ENG', spaceName: 'Engineering', contentType: 'page', views: 1234, lastViewedAt: LAST_VIEWED }];
    const page: ReportPage = { result: { table: 'top-content', rows } as unknown as ReportPage['result'], total: 1, nextCursor: null, rankingCap: 100, notes: [] };
    const markup = renderToStaticMarkup(<ReportTableView table="top-content" page={page} sort={{ column: 'views', direction: 'desc' }} onSort={noop} pageIndex={0} onPage={noop} />);
    const { headers, cells } = alignments(markup);
    expect(headers).toEqual(['left', 'left', 'left', 'right', 'left']);
    expect(cells).toEqual(headers);
    // The date is shown through the shared formatter (the UTC day), the CSV value stays ISO.
    expect(markup).toContain(`>${formatDay('2026-12-07')}<`);
    const lastViewed = COLUMNS['top-content'].find((column) => column.key === 'lastViewedAt')!;
    expect(lastViewed.text(asRecord(rows[0] as never))).toBe('2026-12-07');
  });

  it('the shared Table: an end-aligned column is right-aligned in header and cells', () => {
    const markup = renderToStaticMarkup(<Table caption="Searches" rows={[{ query: 'vpn', searches: 12 }]} rowKey={(row) => row.query}
      columns={[{ key: 'query', header: 'Query', cell: (row) => row.query }, { key: 'searches', header: 'Searches', align: 'end', cell: (row) => row.searches }]} />);
    const { headers, cells } = alignments(markup);
    expect(headers).toEqual(['left', 'right']);
    expect(cells).toEqual(headers);
  });

  it('the chart\'s table: the day column left, the figures right, in header and rows', () => {
    const markup = renderToStaticMarkup(<ChartTable title="Views" data={{ bucket: 'day', labels: ['2026-12-07'], series: [{ key: 'views', label: 'Views', kind: 'bar', values: [3] }] }} />);
    const { headers, cells } = alignments(markup);
    expect(headers).toEqual(['left', 'right']);
    expect(cells).toEqual(headers);
  });
});
