import { parse } from 'csv-parse/sync';
import { csvFileText } from '../../static/shared/csv/write-csv';
import { asRecord, COLUMNS } from '../../static/shared/report/report-columns';
import { decodeState, encodeState, DEFAULT_STATE } from '../../static/shared/report/report-url';

describe('report CSV', () => {
  it('exports the columns as shown, neutralises formulas, keeps names and hides restricted titles', () => {
    const rows = [
      { contentId: '1', spaceKey: 'ENG', spaceName: 'Engineering', contentType: 'page' as const, title: '=HYPERLINK("http://x","y")', titleHidden: false, views: 3, lastViewedAt: Date.parse('2026-11-20T10:00:00Z') },
      { contentId: '2', spaceKey: 'HR', spaceName: 'Human Resources', contentType: 'blogpost' as const, title: '', titleHidden: true, views: 1, lastViewedAt: null },
      { contentId: '3', spaceKey: 'ENG', spaceName: '+Ops, "quoted"', contentType: 'page' as const, title: 'Ünïcödé 日本', titleHidden: false, views: 2, lastViewedAt: null },
    ].map(asRecord);
    const text = csvFileText(COLUMNS['top-content'].map((column) => ({ header: column.header, value: column.text })), rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const back = parse(text.slice(1)) as string[][];
    expect(back).toEqual([
      ['Title', 'Space', 'Type', 'Views', 'Last viewed'],
      ['\'=HYPERLINK("http://x","y")', 'Engineering', 'Page', '3', '2026-11-20'],
      ['Restricted content', 'Human Resources', 'Blog post', '1', 'never'],
      ['Ünïcödé 日本', '\'+Ops, "quoted"', 'Page', '2', 'never'],
    ]);
  });

  it('range, filters, table and sort survive the URL; junk in the URL is dropped', () => {
    const state = { range: { kind: 'custom' as const, from: '2026-10-01', to: '2026-10-31' }, filters: { spaceKeys: ['ENG', '~abc'], contentTypes: ['page' as const], sources: ['mobile-web' as const], audience: 'anonymous' as const }, table: 'top-spaces' as const, sort: { column: 'spaceName', direction: 'asc' as const } };
    expect(decodeState(encodeState(state))).toEqual(state);
    expect(decodeState('?range=bogus&types=evil&sources=x&table=drop&sort=1;DROP')).toEqual(DEFAULT_STATE);
  });
});
