/**
 * Reach's UI parts on their rendered markup (issue 20): why there is no reach where names are hidden
 * (Extended privacy says it needs account ids), the preparing progress (no figure), the share text,
 * and the lists' CSV columns under the shared CSV rules.
 */
import { parse } from 'csv-parse/sync';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReachPerson } from '../../src/contracts/reach';
import { csvFileText } from '../../static/shared/csv/write-csv';
import { INACTIVE_COLUMNS, NOT_READ_COLUMNS, READ_COLUMNS, shareText } from '../../static/shared/reach/reach-columns';
import { ReachProgress } from '../../static/shared/reach/reach-progress';
import type { PageStatistics } from '../../src/contracts/page-statistics';

const RANGE = { kind: 'preset', preset: '30d' } as const;
const stats: PageStatistics = {
  contentId: '1', title: 'Handbook', range: { from: '2026-02-14', to: '2026-03-15', days: 30 }, previousRange: { from: '2026-01-15', to: '2026-02-13', days: 30 },
  totals: { views: 10, anonymousViews: 0, viewers: 3, viewersExact: true, firstViewDay: '2026-02-14', lastViewDay: '2026-03-15' },
  previousTotals: { views: 0, anonymousViews: 0, viewers: 0, viewersExact: true, firstViewDay: null, lastViewDay: null },
  daily: [], sources: [], allTime: { views: 10, viewers: 3, anonymousViews: 0, lastViewedAt: null },
  people: { visible: true }, viewCounterEnabled: true,
};
let ReachSection: typeof import('../../static/page-statistics/src/reach-section').ReachSection;
let audienceChoices: typeof import('../../static/shared/reach/reach-audience').audienceChoices;

beforeAll(async () => {
  // The section imports the resolver client, which finds the host's bridge when it loads.
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge: async () => undefined };
  ({ ReachSection } = await import('../../static/page-statistics/src/reach-section'));
  ({ audienceChoices } = await import('../../static/shared/reach/reach-audience'));
});

describe('reach section', () => {
  it('says why there is no reach in Extended privacy and under Hide viewers, without the audience picker', () => {
    const extended = renderToStaticMarkup(<ReachSection range={RANGE} stats={{ ...stats, people: { visible: false, reason: 'extended-privacy' } }} />);
    expect(extended).toContain('Reach needs account IDs');
    expect(extended).toContain('stores no account IDs, so it cannot know who of an audience has read this page');
    expect(extended).not.toContain('Audience');
    const hidden = renderToStaticMarkup(<ReachSection range={RANGE} stats={{ ...stats, people: { visible: false, reason: 'hide-viewers' } }} />);
    expect(hidden).toContain('Reach names people, so it follows the same rule.');
    expect(hidden).not.toContain('<select');
  });

  it('asks nothing until an audience is chosen', () => {
    const markup = renderToStaticMarkup(<ReachSection range={RANGE} stats={stats} />);
    expect(markup).toContain('Choose an audience to see who has read this page.');
    // The audience select (closed here) shows "Choose an audience"; its menu offers the three kinds.
    expect(markup).toMatch(/single-value[^>]*>Choose an audience</);
    expect(audienceChoices(['group', 'space-members', 'licensed']).map((choice) => choice.label)).toEqual(['Choose an audience', 'A group', 'Members of the space', 'All licensed users']);
  });
});

describe('reach progress and figures', () => {
  it('shows members listed of the total while preparing, and no figure', () => {
    const markup = renderToStaticMarkup(<ReachProgress progress={{ state: 'preparing', listed: 5000, total: 6000, message: 'Listing the group’s members.' }} />);
    expect(markup).toContain('max="6000"');
    expect(markup).toContain('value="5000"');
    expect(markup).toContain('5,000 of 6,000 members listed');
    expect(markup).toContain('The figures appear once everyone is listed.');
    expect(markup).not.toMatch(/have read/);
    expect(renderToStaticMarkup(<ReachProgress progress={{ state: 'preparing', listed: 200, total: null, message: 'Listing.' }} />)).not.toContain('max=');
  });

  it('writes K of N with a percentage, and no percentage of nobody', () => {
    expect(shareText(12, 40)).toBe('12 of 40 (30%)');
    expect(shareText(1, 3)).toBe('1 of 3 (33.3%)');
    expect(shareText(0, 0)).toBe('0 of 0');
  });
});

describe('reach CSV', () => {
  const rows: ReachPerson[] = [
    { accountId: 'a-1', displayName: '=cmd()', firstViewedAt: Date.parse('2026-03-01T10:00:00Z'), lastViewedAt: Date.parse('2026-03-02T10:00:00Z'), views: 3 },
    { accountId: 'a-2', displayName: 'Zoë', firstViewedAt: null, lastViewedAt: null, views: 0 },
  ];
  it('has the read list’s and the not-read list’s columns, formula cells neutralised', () => {
    expect(parse(csvFileText(READ_COLUMNS, rows), { bom: true })).toEqual([
      ['Name', 'Account ID', 'Views', 'First view (UTC)', 'Last view (UTC)'],
      ["'=cmd()", 'a-1', '3', '2026-03-01T10:00:00.000Z', '2026-03-02T10:00:00.000Z'],
      ['Zoë', 'a-2', '0', '', ''],
    ]);
    expect(parse(csvFileText(NOT_READ_COLUMNS, rows), { bom: true })).toEqual([['Name', 'Account ID'], ["'=cmd()", 'a-1'], ['Zoë', 'a-2']]);
    expect(parse(csvFileText(INACTIVE_COLUMNS, [{ accountId: 'a-3', displayName: 'Ann', lastViewedDay: null }]), { bom: true })).toEqual([['Name', 'Account ID', 'Last view (UTC day)'], ['Ann', 'a-3', '']]);
  });
});
