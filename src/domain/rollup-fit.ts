import type { View } from './view';
import type { WritePlan } from './view-write-plan';
import { planRollups, type CountedChange, type RollupSnapshot, type RollupWrites } from './rollup-plan';
import { isListedStatus } from './content-status';

/** Forge runs at most 25 operations in one transaction. */
export const MAX_TRANSACTION_OPERATIONS = 25;

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
 * Keeps the view's transaction within Forge's limit: a rare late event that swaps many views across
 * midnight drops the sketch updates first (they only ever estimate). Exact rows are never dropped.
 */
export function fitRollups(plan: WritePlan, writes: RollupWrites): RollupWrites {
  const exact = writes.viewerMonths.length + writes.rollups.length;
  const room = MAX_TRANSACTION_OPERATIONS - operationsOf(plan) - exact;
  return room >= writes.sketches.length ? writes : { ...writes, sketches: writes.sketches.slice(0, Math.max(0, room)) };
}

/** The report rollups of a view's plan, within the transaction's limit: what track-view commits with the plan. */
export function viewRollups(plan: WritePlan, view: View, storedViewer: string, snapshot: RollupSnapshot): RollupWrites {
  return fitRollups(plan, planRollups(countedChangeOf(plan, view, storedViewer), snapshot));
}
