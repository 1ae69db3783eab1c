import { InvocationError, InvocationErrorCode } from '@forge/events';
import { parseAttachmentViewedEvent } from './rules/attachment-event';
import { isTransientStorageError } from '../core/storage/kvs-errors';
import { currentSettings } from '../settings/index';
import { ContentionError, UnclassifiedTransactionError } from '../core/storage/kvs-errors';
import { trackView, type TrackOutcome } from './track-view';

/** `avi:confluence:viewed:attachment`, behind the admin's `trackAttachments` switch; same write path as page views. */
export async function onAttachmentViewed(event: unknown, _context?: unknown): Promise<InvocationError | void> {
  if ((await processAttachmentViewedEvent(event)) === 'retry') {
    return new InvocationError({ retryAfter: 60, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
  }
}

export async function processAttachmentViewedEvent(event: unknown): Promise<TrackOutcome | 'malformed' | 'retry' | 'switched-off'> {
  const parsed = parseAttachmentViewedEvent(event);
  if (!parsed.ok) {
    console.warn(`Dropped a malformed attachment view event: ${parsed.message}`);
    return 'malformed';
  }
  if (!(await currentSettings()).trackAttachments) return 'switched-off';
  try {
    return await trackView({ view: parsed.value, via: 'auto' });
  } catch (error) {
    if (error instanceof ContentionError || error instanceof UnclassifiedTransactionError || isTransientStorageError(error)) return 'retry';
    throw error;
  }
}
