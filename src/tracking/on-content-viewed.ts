import { InvocationError, InvocationErrorCode } from '@forge/events';
import { parseViewedEvent } from './rules/product-event';
import { spaceIdOfViewEvent } from '../lifecycle/index';
import { ConfluenceError } from '../platform/confluence/client';
import { isTransientStorageError } from '../core/storage/kvs-errors';
import { ContentionError, UnclassifiedTransactionError } from '../core/storage/kvs-errors';
import { trackView, type TrackOutcome } from './track-view';
import { recordSearchClickThrough, searchClickWatch } from '../search/index';

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
    // Search analytics peeks at the viewer's last search in the view's own batch read (docs/search-analytics.md).
    const watch = await searchClickWatch(parsed.value.viewer, parsed.value.at);
    const outcome = await trackView({
      view: spaceId ? { ...parsed.value, spaceId } : parsed.value, via: 'auto', channelFromHint: true,
      ...(watch ? { peek: { items: watch.items, seen: (found: Map<string, unknown>) => { watch.found = found; } } } : {}),
    });
    // A view the rules let through (counted, within the blocking time, or redelivered) follows the search.
    if (watch?.found && followsRules(outcome)) await recordSearchClickThrough(watch, { at: parsed.value.at, contentId: parsed.value.contentId });
    return outcome;
  } catch (error) {
    if (isRetryable(error)) {
      console.warn(`View of ${parsed.value.contentId} will be retried: ${String(error)}`);
      return 'retry';
    }
    console.error(`Dropped a view of ${parsed.value.contentId} after an unexpected error`, error);
    return 'dropped';
  }
}

function followsRules(outcome: TrackOutcome): boolean {
  return outcome.tracked || outcome.reason === 'blocking-time' || outcome.reason === 'swapped' || outcome.reason === 'duplicate';
}

function isRetryable(error: unknown): boolean {
  return error instanceof ContentionError || error instanceof UnclassifiedTransactionError || isTransientStorageError(error) ||
    (error instanceof ConfluenceError && error.transient);
}
