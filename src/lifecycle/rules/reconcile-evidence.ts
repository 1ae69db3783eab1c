import type { ContentStatsRow } from '../../core/model/rows';
import type { LifecycleKind } from './lifecycle-event';

/**
 * What Confluence answered, as the app's own user, about one page or blog post the inventory holds:
 * its status, or nothing. On Cloud the app's user is subject to space permissions and restrictions
 * (ECO-822), so "nothing" means "gone" **or** "not visible to the app": Confluence answers both alike.
 */
export type LookupAnswer = 'current' | 'archived' | 'trashed' | 'deleted' | 'not-answered';

export type ReconcileVerdict =
  /** The row already says what Confluence says. */
  | { kind: 'keep' }
  /** Confluence did not answer: gone or restricted away from the app. Nothing is inferred; the history stays. */
  | { kind: 'unseen' }
  /** Confluence answered another status: applied as the matching lifecycle fact (the event that never came). */
  | { kind: 'status'; lifecycle: Extract<LifecycleKind, 'trashed' | 'archived' | 'restored' | 'unarchived'> }
  | { kind: 'purge'; evidence: 'deleted-status' | 'left-the-trash' };

/**
 * The reconciliation pass purges only on evidence (issue 17):
 * - Confluence answers the content's status `deleted`;
 * - or the app knew it was in the trash (a `trashed` event, or an earlier pass saw it there) and it is
 *   no longer answered at all: content leaves the trash only by a purge or by a restore, and a restore
 *   of content the app could see sends it the `restored` event (and the row would say `current`).
 * Content that merely drops out of the app user's answers (restricted, its space closed to the app,
 * or a cascade the app never saw reach the trash) keeps its history: `unseen`.
 */
export function reconcileVerdict(row: Pick<ContentStatsRow, 'status'>, answer: LookupAnswer): ReconcileVerdict {
  if (row.status === 'purged') return { kind: 'keep' };
  if (answer === 'deleted') return { kind: 'purge', evidence: 'deleted-status' };
  if (answer === 'not-answered') return row.status === 'trashed' ? { kind: 'purge', evidence: 'left-the-trash' } : { kind: 'unseen' };
  if (answer === row.status) return { kind: 'keep' };
  if (answer === 'trashed') return { kind: 'status', lifecycle: 'trashed' };
  if (answer === 'archived') return { kind: 'status', lifecycle: 'archived' };
  return { kind: 'status', lifecycle: row.status === 'archived' ? 'unarchived' : 'restored' };
}

/**
 * An attachment's evidence is its page's (or blog post's): purged when Confluence answers the
 * container `deleted` or the container is purged on evidence in the same pass; otherwise kept.
 */
export function attachmentGone(container: LookupAnswer, containerPurgedNow: boolean): boolean {
  return container === 'deleted' || containerPurgedNow;
}
