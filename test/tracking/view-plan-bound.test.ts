import { applyBlockingTime, EMPTY_HISTORY, type BlockingPolicy } from '../../src/core/model/blocking-time';
import { MAX_TRANSACTION_OPERATIONS, planWithinLimit } from '../../src/tracking/rules/rollup-fit';
import { viewPlanOps } from '../../src/tracking/rules/view-plan-ops';
import { planViewWrite, type WriteSnapshot } from '../../src/tracking/rules/view-write-plan';
import type { RollupSnapshot } from '../../src/core/model/rollup-plan';
import type { ViewerContentRow } from '../../src/core/model/rows';
import type { View } from '../../src/core/model/view';
import { seededRandom } from '../../local/kvs/rng';

/**
 * The bound by construction, over the planner alone: whatever the late view, every step it is
 * written in holds at most 25 operations, with every exact row and every sketch shard it raises,
 * and the steps together make exactly the corrections one unbounded transaction would have made.
 */
const policy: BlockingPolicy = { blockingTimeMs: 5000, horizonMs: 79 * 60_000, maxTimes: 100, maxCorrections: 201 };
const MIDNIGHT = Date.parse('2026-12-01T00:00:00Z'); // also a month's end
const noRollups: RollupSnapshot = { viewerMonths: new Map(), rollups: new Map(), sketches: new Map() };
const months = new Map([['2026-10', null], ['2026-11', null], ['2026-12', null]]);
const view = (at: number): View => ({ contentId: '42', contentType: 'page', spaceKey: 'HR', viewer: { kind: 'user', accountId: 'u1' }, at, source: 'desktop' });

/** The viewer's row after in-order views (their times only), as a start for a late view. */
function viewerAfter(times: number[]): ViewerContentRow {
  let history = EMPTY_HISTORY;
  for (const at of times) {
    const outcome = applyBlockingTime(history, at, policy);
    if (outcome.kind === 'applied') history = outcome.history;
  }
  const first = Math.min(...times);
  return { contentId: '42', spaceKey: 'HR', viewer: 'u1', firstAt: first, lastAt: Math.max(...times), views: 1, recent: history, version: 3 };
}

describe('a view plan within 25 operations', () => {
  it('every step of 400 adversarial late views fits, sketches included, and the steps add up to the whole correction', () => {
    const random = seededRandom(99);
    let split = 0;
    for (let round = 0; round < 400; round += 1) {
      const start = MIDNIGHT - Math.floor(random() * 120_000);
      const times = Array.from({ length: 10 + Math.floor(random() * 80) }, (_, i) => start + i * (1000 + Math.floor(random() * 3900)));
      const late = start - 1 - Math.floor(random() * 4900);
      let viewer: ViewerContentRow | undefined = viewerAfter(times);
      const whole = applyBlockingTime(viewer.recent, late, policy);
      if (whole.kind !== 'applied') throw new Error('not applied');
      const realized = { added: [] as number[], removed: [] as number[] };
      for (let step = 0; step < 300; step += 1) {
        const snapshot: WriteSnapshot = {
          viewerContent: viewer, contentStats: undefined, contentDays: new Map(), spaceDays: new Map(), viewerDays: new Map(),
          viewRecordExists: step > 0, accountKnown: false, contentMonths: months,
        };
        const input = { view: view(late), storedViewer: 'u1', applyBlocking: true, policy, snapshot, now: late + 1000 };
        const planned = planWithinLimit(input, noRollups);
        // Why a step always fits: one correction is at most 14 exact rows, plus at most 6 sketch shards.
        const single = planWithinLimit({ ...input, take: 1 }, noRollups);
        if (single.outcome.kind === 'write') {
          expect(viewPlanOps(single.outcome.plan, single.rollups).length - single.rollups.sketches.length).toBeLessThanOrEqual(14);
        }
        if (planned.outcome.kind === 'duplicate') break;
        expect(planned.outcome.kind).toBe('write');
        if (planned.outcome.kind !== 'write') break;
        const ops = viewPlanOps(planned.outcome.plan, planned.rollups);
        expect(ops.length).toBeLessThanOrEqual(MAX_TRANSACTION_OPERATIONS);
        // No sketch shard had to be dropped: the view's first step carries all it raises (2 kinds × 3 periods).
        if (step === 0) expect(planned.rollups.sketches.length).toBe(6);
        if (planned.outcome.pending > 0) split += 1;
        realized.added.push(...planned.outcome.plan.addViews.map((record) => record.at));
        realized.removed.push(...planned.outcome.plan.removeViews.map((record) => record.at));
        viewer = planned.outcome.plan.viewerContent?.row;
      }
      expect(viewer?.pending).toBeUndefined();
      expect([...realized.added].sort()).toEqual([...whole.added].sort());
      expect([...realized.removed].sort()).toEqual([...whole.removed].sort());
    }
    expect(split).toBeGreaterThan(0);
  });

  it('without a limit the same plans would exceed 25 operations (the case this guards)', () => {
    const times = Array.from({ length: 40 }, (_, i) => MIDNIGHT - 60_000 + i * 3000);
    const snapshot: WriteSnapshot = {
      viewerContent: viewerAfter(times), contentStats: undefined, contentDays: new Map(), spaceDays: new Map(), viewerDays: new Map(),
      viewRecordExists: false, accountKnown: true, contentMonths: months,
    };
    const whole = planViewWrite({ view: view(MIDNIGHT - 62_000), storedViewer: 'u1', applyBlocking: true, policy, snapshot, now: MIDNIGHT });
    expect(whole.kind === 'write' && viewPlanOps(whole.plan).length).toBeGreaterThan(MAX_TRANSACTION_OPERATIONS);
  });
});
