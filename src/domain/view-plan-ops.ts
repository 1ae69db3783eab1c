import type { RowOp } from './row-ops';
import type { WritePlan } from './view-write-plan';

/**
 * The plan as row operations, for the one commit function: every counter conditional on the version
 * read, view records and the account registration only if absent, removed views deleted.
 */
export function viewPlanOps(plan: WritePlan): RowOp[] {
  const versioned = (row: RowOp['row'], expectedVersion: number | null): RowOp => ({
    kind: 'put', row, expect: expectedVersion === null ? { kind: 'absent' } : { kind: 'version', version: expectedVersion },
  });
  return [
    ...(plan.viewerContent ? [versioned({ entity: 'viewer-content', value: plan.viewerContent.row }, plan.viewerContent.expectedVersion)] : []),
    ...(plan.contentStats ? [versioned({ entity: 'content-stats', value: plan.contentStats.row }, plan.contentStats.expectedVersion)] : []),
    ...plan.contentDays.map(({ row, expectedVersion }) => versioned({ entity: 'content-day', value: row }, expectedVersion)),
    ...plan.spaceDays.map(({ row, expectedVersion }) => versioned({ entity: 'space-day', value: row }, expectedVersion)),
    ...plan.viewerDays.map(({ row, expectedVersion }) => versioned({ entity: 'viewer-day', value: row }, expectedVersion)),
    ...plan.addViews.map((value): RowOp => ({ kind: 'put', row: { entity: 'view', value }, expect: { kind: 'absent' } })),
    ...(plan.registerAccount ? [{ kind: 'put', row: { entity: 'account', value: { ...plan.registerAccount, reportedAt: 0 } }, expect: { kind: 'absent' } } satisfies RowOp] : []),
    ...plan.removeViews.map((value): RowOp => ({ kind: 'delete', row: { entity: 'view', value }, expect: { kind: 'any' } })),
  ];
}

