import { topQueries, spansOf, type MonthList } from '../../src/search/rules/search-report';
import { emptyLists, withMonthFigures } from '../../src/search/rules/search-write-plan';
import type { SearchQueryRow } from '../../src/core/model/search-rows';

function row(query: string, month: string, day: number, searches: number): SearchQueryRow {
  const lists = emptyLists(month);
  lists.s[day - 1] = searches;
  return { ...withMonthFigures({ queryId: query, query, month, ...lists, pages: {}, lastResults: 1 }), version: 1 };
}

function list(month: string, rows: SearchQueryRow[], pageSize: number, reads: { pages: number }): MonthList {
  const sorted = [...rows].sort((a, b) => b.monthSearches - a.monthSearches);
  let at = 0;
  return { month, async next() { reads.pages += 1; const page = sorted.slice(at, at + pageSize); at += pageSize; return { rows: page, done: at >= sorted.length }; } };
}

describe('topQueries (threshold merge over month lists)', () => {
  it('stops reading once the k-th query beats everything unseen, and looks up the other month of its candidates', async () => {
    const oct = [row('a', '2026-10', 31, 50), row('b', '2026-10', 31, 40), ...Array.from({ length: 200 }, (_, i) => row(`t${i}`, '2026-10', 30, 1))];
    const nov = [row('b', '2026-11', 1, 30), row('c', '2026-11', 1, 45), ...Array.from({ length: 200 }, (_, i) => row(`u${i}`, '2026-11', 2, 1))];
    const reads = { pages: 0 };
    const lookedUp: string[] = [];
    const answer = await topQueries({
      k: 3, table: 'top', audience: 'all', spans: spansOf('2026-10-31', '2026-11-01'),
      lists: [list('2026-10', oct, 5, reads), list('2026-11', nov, 5, reads)],
      lookup: async (wanted) => {
        lookedUp.push(...wanted.map((w) => `${w.queryId}@${w.month}`));
        return wanted.flatMap((w) => [...oct, ...nov].filter((r) => r.queryId === w.queryId && r.month === w.month));
      },
    });
    // t* rows fall on Oct 30, outside the range: bounded by their month figure, they end the reading.
    expect(answer).toEqual({ complete: true, rows: [expect.objectContaining({ query: 'b', searches: 70 }), expect.objectContaining({ query: 'a', searches: 50 }), expect.objectContaining({ query: 'c', searches: 45 })] });
    expect(reads.pages).toBeLessThanOrEqual(4);
  });

  it('says when a long tail of equal counts was not read to its end', async () => {
    const tail = Array.from({ length: 500 }, (_, i) => row(`q${String(i).padStart(3, '0')}`, '2026-11', 5, 1));
    const answer = await topQueries({ k: 10, table: 'top', audience: 'all', spans: spansOf('2026-11-01', '2026-11-30'), lists: [list('2026-11', tail, 20, { pages: 0 })], lookup: async () => [], maxRounds: 3 });
    expect(answer.complete).toBe(false);
    expect(answer.rows).toHaveLength(10);
    expect(answer.rows.every((r) => r.searches === 1)).toBe(true);
  });
});
