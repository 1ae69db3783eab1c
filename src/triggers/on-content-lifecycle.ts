import { InvocationError, InvocationErrorCode } from '@forge/events';
import { parseLifecycleEvent } from '../domain/lifecycle-event';
import { parseSpaceUpdatedEvent } from '../domain/space-event';
import { rekeySpace } from '../services/space-rekey';
import { isTransientStorageError } from '../storage/kvs-errors';
import { applyLifecycleEvent, LifecycleContentionError, type LifecycleOutcome } from '../services/content-lifecycle';

const RETRY_AFTER_SECONDS = 60;

/**
 * Pages, blog posts and attachments created, updated, moved, trashed, restored, archived,
 * unarchived and deleted (purged). Mapped once at the edge; a malformed event is dropped; a
 * transient failure asks Forge to deliver it again, which is safe: the event's time orders it and
 * every step of its application is idempotent.
 */
export async function onContentLifecycle(event: unknown, _context?: unknown): Promise<InvocationError | void> {
  const outcome = await processLifecycleEvent(event);
  if (outcome === 'retry') return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
}

export async function processLifecycleEvent(event: unknown): Promise<LifecycleOutcome | 'malformed' | 'retry'> {
  const space = parseSpaceUpdatedEvent(event);
  if (space.ok) return retryOnTransient(async () => ((await rekeySpace(space.value)) > 0 ? 'applied' : 'stale'), `space ${space.value.spaceId}`);
  const parsed = parseLifecycleEvent(event);
  if (!parsed.ok) {
    console.warn(`Dropped a malformed lifecycle event: ${parsed.message}`);
    return 'malformed';
  }
  return retryOnTransient(() => applyLifecycleEvent(parsed.value), `${parsed.value.kind} of ${parsed.value.contentId}`);
}

async function retryOnTransient(work: () => Promise<LifecycleOutcome>, what: string): Promise<LifecycleOutcome | 'retry'> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof LifecycleContentionError || isTransientStorageError(error)) {
      console.warn(`Lifecycle event ${what} will be retried: ${String(error)}`);
      return 'retry';
    }
    throw error;
  }
}
