import { applyBlockingTime, countedTimes, EMPTY_HISTORY, PAIR_WINDOW_MS, type BlockingPolicy, type ViewOrigin, type ViewerHistory } from '../../src/core/model/blocking-time';

/** Feeds (time, origin) pairs in the given order; returns the net set of counted views and the history. */
function deliver(views: Array<[number, ViewOrigin]>, policy: BlockingPolicy): { counted: number[]; history: ViewerHistory } {
  let history = EMPTY_HISTORY;
  const counted = new Set<number>();
  for (const [at, origin] of views) {
    const outcome = applyBlockingTime(history, at, policy, origin);
    if (outcome.kind === 'duplicate') continue;
    outcome.added.forEach((t) => counted.add(t));
    outcome.removed.forEach((t) => { expect(counted.has(t)).toBe(true); counted.delete(t); });
    history = outcome.history;
  }
  return { counted: [...counted].sort((a, b) => a - b), history };
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('an event and a beacon view of one page load count once', () => {
  for (const blockingTimeMs of [0, 5000]) {
    const policy: BlockingPolicy = { blockingTimeMs, horizonMs: 79 * 60_000, maxTimes: 100, maxCorrections: 201 };

    it(`pairs them within ${PAIR_WINDOW_MS} ms whichever arrives first (blocking time ${blockingTimeMs} ms)`, () => {
      expect(deliver([[0, 'event'], [4000, 'beacon']], policy).counted).toEqual([0]);
      expect(deliver([[4000, 'beacon'], [0, 'event']], policy).counted).toEqual([0]);
      expect(deliver([[0, 'beacon'], [PAIR_WINDOW_MS + 1, 'event']], policy).counted).toEqual([0, PAIR_WINDOW_MS + 1]);
    });

    it(`keeps views of one origin under the blocking time alone (blocking time ${blockingTimeMs} ms)`, () => {
      expect(deliver([[0, 'beacon'], [6000, 'beacon']], policy).counted).toEqual([0, 6000]);
      expect(deliver([[0, 'event'], [6000, 'event']], policy).counted).toEqual([0, 6000]);
    });

    it(`the counted set depends only on the set of views, never on their arrival order (blocking time ${blockingTimeMs} ms)`, () => {
      for (let seed = 1; seed <= 200; seed += 1) {
        let state = seed;
        const next = () => (state = (state * 48271) % 2147483647);
        const views = new Map<number, ViewOrigin>();
        for (let i = 0; i < 12; i += 1) views.set(next() % 400_000, next() % 3 === 0 ? 'beacon' : 'event');
        const list = [...views.entries()];
        const reference = deliver(list.sort((a, b) => a[0] - b[0]), policy);
        const other = deliver(shuffled(list, seed), policy);
        expect(other.counted).toEqual(reference.counted);
        expect(countedTimes(other.history, blockingTimeMs)).toEqual(reference.counted);
      }
    });
  }

  it('rows without beacon views keep their old shape', () => {
    const policy: BlockingPolicy = { blockingTimeMs: 5000, horizonMs: 79 * 60_000, maxTimes: 100, maxCorrections: 201 };
    expect(Object.keys(deliver([[0, 'event'], [9000, 'event']], policy).history).sort()).toEqual(['anchor', 'times']);
  });
});
