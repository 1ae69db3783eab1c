import { InvocationError, InvocationErrorCode } from '@forge/events';
import { parseViewedEvent } from './rules/product-event';
import { spaceIdOfViewEvent } from '../lifecycle/index';
import { ConfluenceError } from '../platform/confluence/client';
import { isTransientStorageError } from '../core/storage/kvs-errors';
import { ContentionError, UnclassifiedTransactionError } from '../core/storage/kvs-errors';
import { trackView, type TrackOutcome } from './track-view';

/** Forge retries at most 4 times; a minute apart keeps the retried view inside the blocking horizon. */
const RETRY_AFTER_SECONDS = 60;

/**
 * `avi:confluence:viewed:page|blogpost`. Malformed events are logged and dropped (a retry would fail
 * the same way); transient failures ask Forge for a retry, which cannot double count because the
 * view's record key and the viewer's history make the write idempotent.
 */
export async function onContentViewed(event: unknown, _context?: unknown): Promise<InvocationError | void> {
  const outcome = await processViewedEvent(event);
  if (outcome === 'retry') {
    return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}

/** The handler's work, with its outcome as a value (the benchmark and the local host read it). */
export async function processViewedEvent(event: unknown): Promise<TrackOutcome | 'malformed' | 'retry' | 'dropped'> {
  const parsed = parseViewedEvent(event);
  if (!parsed.ok) {
    console.warn(`Dropped a malformed view event: ${parsed.message}`);
    return 'malformed';
  }
  try {
    // The space id is stored next to the key: a renamed space key then re-files the content's rows.
    const spaceId = spaceIdOfViewEvent(event);
    return await trackView({ view: spaceId ? { ...parsed.value, spaceId } : parsed.value, via: 'auto', channelFromHint: true });
  } catch (error) {
    if (isRetryable(error)) {
      console.warn(`View of ${parsed.value.contentId} will be retried: ${String(error)}`);
      return 'retry';
    }
    console.error(`Dropped a view of ${parsed.value.contentId} after an unexpected error`, error);
    return 'dropped';
  }
}

function isRetryable(error: unknown): boolean {
  return error instanceof ContentionError || error instanceof UnclassifiedTransactionError || isTransientStorageError(error) ||
    (error instanceof ConfluenceError && error.transient);
}
