import { RollupMoves } from '../../src/core/model/lifecycle-rollups';
import { backfillRollups } from '../../src/lifecycle/month-backfill/month-backfill-plan';
import { commitOps } from '../../src/core/storage/commit-ops';
import { contentMonthsOf, readRollups } from '../../src/lifecycle/storage/lifecycle-store';

/**
 * Takes a content's month rows out with their share of the month rollups: the state of content
 * viewed before month rows existed (tests and the bench of the month backfill).
 */
export async function forgetMonths(contentId: string, keep: (month: string) => boolean = () => false): Promise<void> {
  for (const row of await contentMonthsOf(contentId)) {
    if (keep(row.month)) continue;
    const moves = new RollupMoves('month');
    moves.settle({ ...row, period: row.month, views: row.monthViews }, null);
    const rollups = await readRollups(backfillRollups(row, row.month));
    const outcome = await commitOps([{ kind: 'delete', row: { entity: 'content-month', value: row }, expect: { kind: 'version', version: row.version } }, ...moves.ops(rollups)]);
    if (outcome !== 'committed') throw new Error(`Could not forget month ${row.month} of ${contentId}`);
  }
}
