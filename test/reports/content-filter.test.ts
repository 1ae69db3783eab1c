import { applyMonthChanges, type DayChange } from '../../src/core/model/content-month';
import { cellViews, monthViewsInRange } from '../../src/reports/rules/content-filter';
import { thresholdTopK, type SortedList } from '../../src/reports/rules/threshold-top';
import type { Source } from '@contracts/settings';

/** A November month row from views given as [day, source, anonymous]. */
function month(views: Array<[number, Source, boolean]>) {
  const changes: DayChange[] = views.flatMap(([day, source, anonymous]) => {
    const date = `2026-11-${String(day).padStart(2, '0')}`;
    return [{ day: date, field: 'views' as const, delta: 1, source, anonymous }, ...(anonymous ? [{ day: date, field: 'anonymousViews' as const, delta: 1 }] : [])];
  });
  return applyMonthChanges(changes, new Map(), 'c1', 'ENG')[0]!.row;
}

const edge = { from: '2026-11-10', to: '2026-11-30' };

describe('monthViewsInRange', () => {
  const views: Array<[number, Source, boolean]> = [[5, 'desktop', false], [10, 'desktop', true], [10, 'mobile-web', false], [12, 'mobile-web', false], [12, 'desktop', false]];

  it('splits edge days by source or by audience from the per-day arrays', () => {
    const row = month(views);
    expect(monthViewsInRange(row, edge, {})).toEqual({ views: 4, unresolved: [] });
    expect(monthViewsInRange(row, edge, { sources: ['mobile-web'] })).toEqual({ views: 2, unresolved: [] });
    expect(monthViewsInRange(row, edge, { audience: 'anonymous' })).toEqual({ views: 1, unresolved: [] });
    expect(monthViewsInRange(row, edge, { audience: 'signed-in' })).toEqual({ views: 3, unresolved: [] });
    expect(monthViewsInRange(row, edge, { contentTypes: ['blogpost'] })).toEqual({ views: 0, unresolved: [] });
  });

  it('splits source × audience when the month’s anonymous views come from one source', () => {
    const row = month(views);
    expect(monthViewsInRange(row, edge, { sources: ['desktop'], audience: 'signed-in' })).toEqual({ views: 1, unresolved: [] });
    expect(monthViewsInRange(row, edge, { sources: ['mobile-web'], audience: 'anonymous' })).toEqual({ views: 0, unresolved: [] });
    expect(monthViewsInRange(row, edge, { sources: ['mobile-web'], audience: 'signed-in' })).toEqual({ views: 2, unresolved: [] });
  });

  it('names the edge days it cannot split when anonymous views came from several sources', () => {
    const row = month([...views, [12, 'mobile-web', true], [20, 'mobile-web', false]]);
    // Day 10 has desktop's anonymous view only, day 12 has one of each: neither can be told apart in the month row.
    expect(monthViewsInRange(row, edge, { sources: ['desktop'], audience: 'anonymous' })).toEqual({ views: 0, unresolved: ['2026-11-10', '2026-11-12'] });
    // Day 20 has no anonymous view: exact from the arrays.
    expect(monthViewsInRange(row, { from: '2026-11-13', to: '2026-11-30' }, { sources: ['mobile-web'], audience: 'signed-in' })).toEqual({ views: 1, unresolved: [] });
  });

  it('answers a whole month from its cells', () => {
    const row = month([...views, [12, 'mobile-web', true]]);
    const whole = { from: '2026-11-01', to: '2026-11-30' };
    expect(monthViewsInRange(row, whole, { sources: ['desktop'], audience: 'anonymous' })).toEqual({ views: 1, unresolved: [] });
    expect(cellViews(row.cells, { sources: ['mobile-web'], audience: 'signed-in' })).toBe(2);
  });
});

describe('thresholdTopK with filtered shares', () => {
  /** One list sorted by `rank`, each row contributing `value`. */
  const list = (rows: Array<{ id: string; value: number; rank: number }>, page = 1): SortedList => {
    let at = 0;
    return {
      multiplicity: 1,
      async next() {
        const slice = rows.slice(at, at + page);
        at += page;
        return { rows: slice, done: at >= rows.length };
      },
    };
  };

  it('bounds unseen items by the sort value, not by the smaller share', async () => {
    // Sorted by all views; a row read later has a larger filtered share than the first page's.
    const rows = [{ id: 'a', value: 6, rank: 10 }, { id: 'x', value: 0, rank: 9.5 }, { id: 'b', value: 8, rank: 9 }, { id: 'c', value: 1, rank: 2 }];
    const totals = new Map(rows.map((row) => [row.id, row.value]));
    const { ranking } = await thresholdTopK({ k: 1, lists: [list(rows, 2)], exact: async (ids) => new Map(ids.map((id) => [id, totals.get(id) ?? 0])) });
    expect(ranking).toEqual([{ id: 'b', total: 8 }]);
  });
});
