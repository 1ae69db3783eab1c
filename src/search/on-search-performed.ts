import { InvocationError, InvocationErrorCode } from '@forge/events';
import { isTransientStorageError, ContentionError } from '../core/storage/kvs-errors';
import { ConfluenceError } from '../platform/confluence/client';
import { parseSearchEvent } from './rules/search-event';
import { trackSearch, type SearchOutcome } from './track-search';

const RETRY_AFTER_SECONDS = 60;

/**
 * `avi:confluence:performed:search` (manifest.yml trigger `search-performed`). Malformed events are
 * logged and dropped; transient failures ask Forge for a retry, which cannot count twice because the
 * search's time is kept in its mark (src/search/rules/search-write-plan.ts).
 */
export async function onSearchPerformed(event: unknown, _context?: unknown): Promise<InvocationError | void> {
  const outcome = await processSearchEvent(event);
  if (outcome === 'retry') {
    return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}

export async function processSearchEvent(event: unknown, now?: number): Promise<SearchOutcome | 'malformed' | 'retry' | 'dropped'> {
  const parsed = parseSearchEvent(event);
  if (!parsed.ok) {
    // The payload holds the query text: only the field errors are logged, never the event.
    console.warn(`Dropped a malformed search event: ${parsed.message}`);
    return 'malformed';
  }
  try {
    return await trackSearch(parsed.value, now);
  } catch (error) {
    if (error instanceof ContentionError || isTransientStorageError(error) || (error instanceof ConfluenceError && error.transient)) {
      console.warn(`A search will be retried: ${String(error)}`);
      return 'retry';
    }
    console.error('Dropped a search after an unexpected error', error);
    return 'dropped';
  }
}
