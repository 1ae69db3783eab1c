import { applyBlockingTime, countedTimes, EMPTY_HISTORY, type BlockingPolicy, type ViewerHistory } from '../../src/core/model/blocking-time';

const policy: BlockingPolicy = { blockingTimeMs: 5000, horizonMs: 30 * 60_000, maxTimes: 100, maxCorrections: 1000 };

/** Feeds view times in the given order; returns the final history and the net set of counted views. */
function deliver(times: number[], p: BlockingPolicy = policy): { history: ViewerHistory; counted: Set<number>; duplicates: number } {
  let history = EMPTY_HISTORY;
  const counted = new Set<number>();
  let duplicates = 0;
  for (const at of times) {
    const outcome = applyBlockingTime(history, at, p);
    if (outcome.kind === 'duplicate') { duplicates += 1; continue; }
    outcome.added.forEach((t) => counted.add(t));
    outcome.removed.forEach((t) => { expect(counted.has(t)).toBe(true); counted.delete(t); });
    history = outcome.history;
  }
  return { history, counted, duplicates };
}

describe('blocking time', () => {
  it.each([
    ['first view counts', [0], [0]],
    ['repeat inside the window is blocked', [0, 4999], [0]],
    ['view exactly at the window end counts', [0, 5000], [0, 5000]],
    ['window runs from the last COUNTED view, not the last view', [0, 4000, 8000, 10_000], [0, 8000]],
    ['views spaced out all count', [0, 6000, 12_000], [0, 6000, 12_000]],
  ])('%s', (_name, times, expected) => {
    expect([...deliver(times).counted].sort((a, b) => a - b)).toEqual(expected);
  });

  it('a blocking time of zero counts every distinct view', () => {
    expect(deliver([0, 1, 2], { ...policy, blockingTimeMs: 0 }).counted.size).toBe(3);
  });

  it('the same view delivered twice is a duplicate', () => {
    const result = deliver([1000, 1000, 7000, 1000]);
    expect(result.duplicates).toBe(2);
    expect([...result.counted]).toEqual([1000, 7000]);
  });

  it('a late, earlier view corrects the chain exactly as in-order delivery would have counted', () => {
    // In order: 0 counts, 4000 blocked, 8000 counts. Delivered 4000, 8000 first: 4000 counts, 8000 blocked.
    const late = deliver([4000, 8000, 0]);
    const inOrder = deliver([0, 4000, 8000]);
    expect([...late.counted].sort()).toEqual([...inOrder.counted].sort());
    expect([...inOrder.counted].sort((a, b) => a - b)).toEqual([0, 8000]);
  });

  it('any delivery order gives the same counted set (seeded shuffles)', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 200; round += 1) {
      const times = Array.from({ length: 12 }, () => Math.floor(random() * 40_000));
      const reference = [...deliver([...times].sort((a, b) => a - b)).counted].sort((a, b) => a - b);
      const shuffled = [...times].sort(() => random() - 0.5);
      const doubled = [...shuffled, ...shuffled.slice(0, 4)];
      expect([...deliver(doubled).counted].sort((a, b) => a - b)).toEqual(reference);
    }
  });

  it('prunes the history beyond the horizon but keeps the chain (anchor)', () => {
    const small: BlockingPolicy = { blockingTimeMs: 5000, horizonMs: 10_000, maxTimes: 100, maxCorrections: 1000 };
    const result = deliver([0, 3000, 20_000, 22_000], small);
    expect(result.history.times).toEqual([20_000, 22_000]);
    expect(result.history.anchor).toBe(0);
    expect(countedTimes(result.history, 5000)).toEqual([20_000]);
  });

  it('bounds the stored history of a viewer who reloads constantly', () => {
    const times = Array.from({ length: 500 }, (_, i) => i * 100);
    const result = deliver(times, { ...policy, maxTimes: 50 });
    expect(result.history.times.length).toBe(50);
    expect(result.counted.size).toBe(10); // 0, 5000, ..., 45000
  });

  it('an event older than the horizon is not counted: every counted view stays in the history and blocks its neighbours', () => {
    const small: BlockingPolicy = { blockingTimeMs: 5000, horizonMs: 10_000, maxTimes: 100, maxCorrections: 1000 };
    const base = deliver([100_000], small).history;
    expect(applyBlockingTime(base, 10_000, small)).toEqual({ kind: 'applied', history: base, added: [], removed: [] });
    // Before the fix, two such views 2 s apart were both counted: none of them entered the history.
    expect(applyBlockingTime(base, 12_000, small)).toMatchObject({ added: [] });
    const pruned = deliver([0, 20_000], small).history; // anchor 0
    expect(applyBlockingTime(pruned, 2000, small)).toMatchObject({ added: [] });
  });

  it('a view far in the future cannot make the views after it escape the blocking time', () => {
    // Once the tolerance is passed (see event-time tests) the future view is in the history;
    // the real views that follow are judged against it and against each other.
    const result = deliver([7_200_000, 1000, 2000, 3000]);
    expect([...result.counted]).not.toContain(2000);
    expect([...result.counted]).not.toContain(3000);
  });

  it('a late event that would swap a long chain is judged on its own, keeping the transaction small', () => {
    // Reloads 3 s apart with a 5 s blocking time: 0, 6, 12, ... count. A late view at -3 s would flip them all.
    const capped: BlockingPolicy = { ...policy, maxCorrections: 8 };
    const times = Array.from({ length: 30 }, (_, i) => i * 3000);
    const base = deliver(times, capped).history;
    const late = applyBlockingTime(base, -3000, capped);
    expect(late).toEqual({ kind: 'applied', history: base, added: [], removed: [] });
    const farEarlier = applyBlockingTime(base, -9000, capped);
    expect(farEarlier.kind === 'applied' && farEarlier.added.length + farEarlier.removed.length).toBeLessThanOrEqual(8);
  });
});
