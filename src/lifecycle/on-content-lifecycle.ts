import { InvocationError, InvocationErrorCode } from '@forge/events';
import { parseLifecycleEvent } from './rules/lifecycle-event';
import { parseSpaceDeletedEvent, parseSpaceUpdatedEvent } from './rules/space-event';
import { parsePermissionsUpdatedEvent } from './rules/permission-event';
import { recordPermissionChange } from '../page-statistics/index';
import { purgeSpace, rekeySpace } from './space-rekey';
import { isTransientStorageError, UnclassifiedTransactionError } from '../core/storage/kvs-errors';
import { applyLifecycleEvent, LifecycleContentionError, type LifecycleOutcome } from './content-lifecycle';

const RETRY_AFTER_SECONDS = 60;

/**
 * Pages, blog posts and attachments created, updated, moved, trashed, restored, archived,
 * unarchived and deleted (purged), and pages' and blog posts' restrictions updated. A restriction
 * change or a page move (its inherited restrictions can change) first ends the byline's cached
 * permission answers for the content and its descendants (`recordPermissionChange`). Mapped once at the edge; a malformed event is dropped; a
 * transient failure asks Forge to deliver it again, which is safe: the event's time orders it and
 * every step of its application is idempotent.
 */
export async function onContentLifecycle(event: unknown, _context?: unknown): Promise<InvocationError | void> {
  const outcome = await processLifecycleEvent(event);
  if (outcome === 'retry') return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
}

export async function processLifecycleEvent(event: unknown): Promise<LifecycleOutcome | 'malformed' | 'retry'> {
  const space = parseSpaceUpdatedEvent(event);
  if (space.ok) {
    return retryOnTransient(async () => {
      const rekeyed = await rekeySpace(space.value);
      // Out of time with rows left: Forge delivers the event again and the next run moves the rest.
      if (!rekeyed.complete) throw new RekeyUnfinished(space.value.spaceId, rekeyed.moved);
      return rekeyed.moved > 0 ? 'applied' : 'stale';
    }, `space ${space.value.spaceId}`);
  }
  const deletedSpace = parseSpaceDeletedEvent(event);
  if (deletedSpace.ok) {
    return retryOnTransient(async () => {
      const result = await purgeSpace(deletedSpace.value);
      // Out of time with rows left: Forge delivers the event again and the next run purges the rest.
      if (!result.complete) throw new RekeyUnfinished(deletedSpace.value.spaceId, result.purged, 'purged');
      return result.purged > 0 ? 'applied' : 'stale';
    }, `deletion of space ${deletedSpace.value.spaceId}`);
  }
  const permissions = parsePermissionsUpdatedEvent(event);
  if (permissions.ok) {
    const { contentId, contentType } = permissions.value;
    return retryOnTransient(async () => { await recordPermissionChange(contentId, contentType, Date.now()); return 'applied'; }, `permissions of ${contentId}`);
  }
  const parsed = parseLifecycleEvent(event);
  if (!parsed.ok) {
    console.warn(`Dropped a malformed lifecycle event: ${parsed.message}`);
    return 'malformed';
  }
  const lifecycle = parsed.value;
  return retryOnTransient(async () => {
    // Recorded first: a redelivery after a failure below records it again, which only moves it later.
    if (lifecycle.kind === 'moved' && lifecycle.contentType !== 'attachment') await recordPermissionChange(lifecycle.contentId, lifecycle.contentType, Date.now());
    return applyLifecycleEvent(lifecycle);
  }, `${lifecycle.kind} of ${lifecycle.contentId}`);
}

async function retryOnTransient(work: () => Promise<LifecycleOutcome>, what: string): Promise<LifecycleOutcome | 'retry'> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RekeyUnfinished || error instanceof LifecycleContentionError || error instanceof UnclassifiedTransactionError || isTransientStorageError(error)) {
      console.warn(`Lifecycle event ${what} will be retried: ${String(error)}`);
      return 'retry';
    }
    throw error;
  }
}

/** A space key rename or space deletion that needs another invocation for the rest of its rows. */
class RekeyUnfinished extends Error {
  constructor(spaceId: string, done: number, verb: 'moved' | 'purged' = 'moved') {
    super(`Space ${spaceId}: ${verb} ${done} rows within this invocation's time; the rest follows in the next delivery`);
    this.name = 'RekeyUnfinished';
  }
}
