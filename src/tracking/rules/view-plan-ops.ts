import type { RowOp, StoredRow } from '../../core/model/row-ops';
import { NO_ROLLUPS, type RollupWrites } from '../../core/model/rollup-plan';
import type { WritePlan } from './view-write-plan';

/**
 * The plan (with its report rollups) as row operations, for the one commit function: every counter
 * conditional on the version read, view records and the account registration only if absent,
 * removed views deleted. One view is one transaction: the caller keeps it within 25 operations
 * (see rollup-fit.ts).
 */
export function viewPlanOps(plan: WritePlan, rollups: RollupWrites = NO_ROLLUPS): RowOp[] {
  const versioned = (row: StoredRow, expectedVersion: number | null): RowOp => ({
    kind: 'put', row, expect: expectedVersion === null ? { kind: 'absent' } : { kind: 'version', version: expectedVersion },
  });
  return [
    ...(plan.viewerContent ? [versioned({ entity: 'viewer-content', value: plan.viewerContent.row }, plan.viewerContent.expectedVersion)] : []),
    ...(plan.contentStats ? [versioned({ entity: 'content-stats', value: plan.contentStats.row }, plan.contentStats.expectedVersion)] : []),
    ...plan.contentDays.map(({ row, expectedVersion }) => versioned({ entity: 'content-day', value: row }, expectedVersion)),
    ...plan.spaceDays.map(({ row, expectedVersion }) => versioned({ entity: 'space-day', value: row }, expectedVersion)),
    ...plan.viewerDays.map(({ row, expectedVersion }) => versioned({ entity: 'viewer-day', value: row }, expectedVersion)),
    ...plan.contentMonths.map(({ row, expectedVersion }) => versioned({ entity: 'content-month', value: row }, expectedVersion)),
    ...rollups.viewerMonths.map(({ row, expectedVersion }) => versioned({ entity: 'viewer-month', value: row }, expectedVersion)),
    ...rollups.rollups.map(({ row, expectedVersion }) => versioned({ entity: 'rollup', value: row }, expectedVersion)),
    ...rollups.sketches.map(({ row, expectedVersion }) => versioned({ entity: 'sketch', value: row }, expectedVersion)),
    ...plan.addViews.map((value): RowOp => ({ kind: 'put', row: { entity: 'view', value }, expect: { kind: 'absent' } })),
    ...(plan.registerAccount ? [{ kind: 'put', row: { entity: 'account', value: { ...plan.registerAccount, reportedAt: 0 } }, expect: { kind: 'absent' } } satisfies RowOp] : []),
    ...plan.removeViews.map((value): RowOp => ({ kind: 'delete', row: { entity: 'view', value }, expect: { kind: 'any' } })),
  ];
}
