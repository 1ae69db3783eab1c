import { rankSelectionReaders, type SelectionView } from '../../src/custom-reports/rules/content-selection-readers';
import { completenessBound } from '../../src/core/model/completeness-bound';

/** A small deterministic generator: the same views every run, many shapes of data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The reference: count every view one by one, rank, no shortcuts. */
function model(views: SelectionView[], ids: Set<string>, fromAt: number, toAt: number, after: number | null, limit: number) {
  const counts: Record<string, number> = {};
  for (const view of views) {
    const inScope = ids.has(view.contentId) && view.viewer !== 'anonymous' && view.at >= fromAt && view.at <= toAt && (after === null || view.at > after);
    if (inScope) counts[view.viewer] = (counts[view.viewer] ?? 0) + 1;
  }
  return Object.entries(counts).map(([viewer, count]) => ({ viewer, views: count }))
    .sort((a, b) => (b.views !== a.views ? b.views - a.views : a.viewer.localeCompare(b.viewer)))
    .slice(0, limit);
}

describe('rankSelectionReaders', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('matches the reference model (seed %i)', (seed) => {
    const next = random(seed);
    const viewers = ['acc-a', 'acc-b', 'acc-c', 'acc-d', 'anonymous'];
    const views: SelectionView[] = Array.from({ length: 400 }, () => ({
      contentId: `c${Math.floor(next() * 12)}`, viewer: viewers[Math.floor(next() * viewers.length)]!, at: Math.floor(next() * 1000),
    }));
    const ids = new Set(['c1', 'c2', 'c3', 'c5', 'c8']);
    const after = seed % 2 === 0 ? null : Math.floor(next() * 600);
    const limit = 1 + (seed % 4);
    const result = rankSelectionReaders(views, { ids, fromAt: 100, toAt: 900, completeAfter: after, limit });
    expect(result.readers).toEqual(model(views, ids, 100, 900, after, limit));
    expect(result.counted).toBe(model(views, ids, 100, 900, after, 100).reduce((sum, reader) => sum + reader.views, 0));
  });

  it('never counts anonymous views, content outside the set, or views at or before the completeness bound', () => {
    const views: SelectionView[] = [
      { contentId: 'c1', viewer: 'anonymous', at: 50 },
      { contentId: 'other', viewer: 'acc-a', at: 50 },
      { contentId: 'c1', viewer: 'acc-a', at: 20 },
      { contentId: 'c1', viewer: 'acc-b', at: 21 },
    ];
    const result = rankSelectionReaders(views, { ids: new Set(['c1']), fromAt: 0, toAt: 100, completeAfter: 20, limit: 10 });
    expect(result).toEqual({ readers: [{ viewer: 'acc-b', views: 1 }], counted: 1, readerCount: 1 });
  });
});

describe('completenessBound', () => {
  it('is null when every partition was read to its end', () => {
    expect(completenessBound([{ finished: true, oldestReadAt: 5 }, { finished: true, oldestReadAt: null }])).toBeNull();
  });
  it('is the latest oldest-read instant of the unfinished partitions', () => {
    expect(completenessBound([{ finished: false, oldestReadAt: 40 }, { finished: true, oldestReadAt: 1 }, { finished: false, oldestReadAt: 70 }])).toBe(70);
  });
  it('is unbounded when an unfinished partition was not read at all (nothing is known complete)', () => {
    expect(completenessBound([{ finished: false, oldestReadAt: 40 }, { finished: false, oldestReadAt: null }])).toBe(Number.POSITIVE_INFINITY);
  });
});
