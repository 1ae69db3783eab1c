import type { View } from '../../core/model/view';
import { planViewWrite, type PlanInput, type PlanOutcome, type WritePlan } from './view-write-plan';
import { NO_ROLLUPS, planRollups, type CountedChange, type RollupSnapshot, type RollupWrites } from '../../core/model/rollup-plan';
import { isListedStatus } from '../../core/model/content-status';

export { MAX_TRANSACTION_OPERATIONS } from '../../core/model/kvs-limits';
import { MAX_TRANSACTION_OPERATIONS } from '../../core/model/kvs-limits';

/** What the rollups need to know of the view's plan (which views it counts, which daily rows it creates). */
export function countedChangeOf(plan: WritePlan, view: View, storedViewer: string): CountedChange {
  return {
    view, storedViewer,
    added: plan.addViews.map((record) => record.at),
    removed: plan.removeViews.map((record) => record.at),
    newViewerDays: new Set(plan.viewerDays.filter((entry) => entry.expectedVersion === null).map((entry) => entry.row.day)),
    newContentDays: new Set(plan.contentDays.filter((entry) => entry.expectedVersion === null).map((entry) => entry.row.day)),
    newContentMonths: new Set(plan.contentMonths.filter((entry) => entry.expectedVersion === null).map((entry) => entry.row.month)),
    listed: isListedStatus(plan.contentStats?.row.status ?? 'current'),
  };
}

export function operationsOf(plan: WritePlan): number {
  return (plan.viewerContent ? 1 : 0) + (plan.contentStats ? 1 : 0) + plan.contentDays.length + plan.spaceDays.length
    + plan.viewerDays.length + plan.contentMonths.length + plan.addViews.length + plan.removeViews.length + (plan.registerAccount ? 1 : 0);
}

/**
 * Trims sketch updates (they only ever estimate) when even a single-correction step leaves no room for
 * them; exact rows are never dropped. `planWithinLimit` makes this a last resort that a bounded plan
 * does not reach (see the planner's bound test).
 */
export function fitRollups(plan: WritePlan, writes: RollupWrites): RollupWrites {
  const exact = writes.viewerMonths.length + writes.rollups.length;
  const room = MAX_TRANSACTION_OPERATIONS - operationsOf(plan) - exact;
  return room >= writes.sketches.length ? writes : { ...writes, sketches: writes.sketches.slice(0, Math.max(0, room)) };
}

export interface PlannedStep {
  outcome: PlanOutcome;
  rollups: RollupWrites;
}

function sizeOf(plan: WritePlan, writes: RollupWrites): number {
  return operationsOf(plan) + writes.viewerMonths.length + writes.rollups.length + writes.sketches.length;
}

/**
 * The view's plan and its rollups as one transaction of at most 25 operations. A plan that would be
 * larger (a late view swapping many counted views across midnight and a month's end) realizes as many
 * of its corrections as fit, earliest first, and leaves the rest pending for the next steps (see
 * planViewWrite). A one-correction step always fits: at most 14 exact rows and 6 sketch shards.
 */
export function planWithinLimit(input: PlanInput, snapshot: RollupSnapshot): PlannedStep {
  const planStep = (take?: number): PlannedStep => {
    const outcome = planViewWrite(take === undefined ? input : { ...input, take });
    if (outcome.kind !== 'write') return { outcome, rollups: NO_ROLLUPS };
    // A resumed step's cells are those of the view that caused it: its records carry that source.
    const view = outcome.resumed ? { ...input.view, source: outcome.plan.addViews[0]?.source ?? outcome.plan.removeViews[0]?.source ?? input.view.source } : input.view;
    const writes = planRollups(countedChangeOf(outcome.plan, { ...view, spaceKey: outcome.plan.contentStats?.row.spaceKey ?? view.spaceKey }, input.storedViewer), snapshot);
    return { outcome, rollups: outcome.resumed ? { ...writes, sketches: [] } : writes };
  };
  const whole = planStep();
  if (whole.outcome.kind !== 'write' || sizeOf(whole.outcome.plan, whole.rollups) <= MAX_TRANSACTION_OPERATIONS) return whole;
  const corrections = whole.outcome.plan.addViews.length + whole.outcome.plan.removeViews.length;
  for (let take = corrections - 1; take >= 2; take -= 1) {
    const step = planStep(take);
    if (step.outcome.kind === 'write' && sizeOf(step.outcome.plan, step.rollups) <= MAX_TRANSACTION_OPERATIONS) return step;
  }
  // One correction: fits once the sketches it cannot carry are left to later views.
  const last = planStep(1);
  if (last.outcome.kind !== 'write' || sizeOf(last.outcome.plan, last.rollups) <= MAX_TRANSACTION_OPERATIONS) return last;
  return { ...last, rollups: fitRollups(last.outcome.plan, last.rollups) };
}
