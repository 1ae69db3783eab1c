import { z } from 'zod';
import { parseWith, type Parsed } from '../../core/parse';
import type { View } from '../../core/model/view';

/**
 * `avi:confluence:viewed:attachment` (Forge's Confluence events reference): the payload carries
 * `attachment` with its `container` (the page or blog post it is attached to). Tracked as a third
 * content type under the same rules as page views.
 */
const schema = z.object({
  eventType: z.literal('avi:confluence:viewed:attachment'),
  atlassianId: z.string().min(1).max(128).optional(),
  eventCreatedDate: z.string().datetime({ offset: true }),
  attachment: z.object({
    id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/)),
    title: z.string().max(1000).optional(),
    space: z.object({ key: z.string().min(1).max(255), id: z.union([z.string(), z.number()]).transform(String).optional() }),
    container: z.object({ id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/)) }),
  }),
});

export function parseAttachmentViewedEvent(raw: unknown): Parsed<View> {
  const parsed = parseWith(schema, raw);
  if (!parsed.ok) return parsed;
  const { attachment, atlassianId, eventCreatedDate } = parsed.value;
  return {
    ok: true,
    value: {
      contentId: attachment.id, contentType: 'attachment', spaceKey: attachment.space.key,
      ...(attachment.space.id ? { spaceId: attachment.space.id } : {}),
      containerId: attachment.container.id,
      ...(attachment.title === undefined ? {} : { title: attachment.title }),
      viewer: atlassianId ? { kind: 'user', accountId: atlassianId } : { kind: 'anonymous' },
      at: Date.parse(eventCreatedDate),
      source: 'desktop',
    },
  };
}
