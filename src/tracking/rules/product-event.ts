import { z } from 'zod';
import { parseWith, type Parsed } from '../../core/parse';
import type { View } from '../../core/model/view';
import { isoTime } from './event-time';

/**
 * Confluence's `avi:confluence:viewed:*` event, reduced to what we use. Everything else in the payload
 * (creator, version author...) carries personal data we have no reason to read.
 */
const viewedEventSchema = z.object({
  eventType: z.enum(['avi:confluence:viewed:page', 'avi:confluence:viewed:blogpost']),
  // Absent for anonymous visitors.
  atlassianId: z.string().min(1).max(128).optional(),
  eventCreatedDate: isoTime,
  content: z.object({
    id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/)),
    type: z.enum(['page', 'blogpost']),
    title: z.string().max(1000).optional(),
    space: z.object({ key: z.string().min(1).max(255) }),
  }),
});

/** Maps a raw product event once, at the edge; malformed events are reported, not thrown. */
export function parseViewedEvent(raw: unknown): Parsed<View> {
  const parsed = parseWith(viewedEventSchema, raw);
  if (!parsed.ok) return parsed;
  const event = parsed.value;
  return {
    ok: true,
    value: {
      contentId: event.content.id,
      contentType: event.content.type,
      spaceKey: event.content.space.key,
      ...(event.content.title === undefined ? {} : { title: event.content.title }),
      viewer: event.atlassianId ? { kind: 'user', accountId: event.atlassianId } : { kind: 'anonymous' },
      at: Date.parse(event.eventCreatedDate),
      // The event does not say which client produced the view. Confluence's web client is by far its
      // main source, so product events are filed under Desktop (see docs/tracking.md, "Channels").
      source: 'desktop',
    },
  };
}
