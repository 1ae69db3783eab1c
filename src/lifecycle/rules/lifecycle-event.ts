import { z } from 'zod';
import { parseWith, type Parsed } from '../../core/parse';
import type { ContentType } from '../../core/model/view';

/** What happened to a piece of content, as the app records it. `purged` is Confluence's "deleted". */
export const LIFECYCLE_KINDS = ['created', 'updated', 'moved', 'trashed', 'restored', 'archived', 'unarchived', 'purged'] as const;
export type LifecycleKind = (typeof LIFECYCLE_KINDS)[number];

/** One lifecycle fact about one content, with the content's state as the event reports it. */
export interface LifecycleEvent {
  kind: LifecycleKind;
  contentId: string;
  contentType: ContentType;
  title: string;
  spaceKey: string;
  spaceId: string;
  /** The event's own time: lifecycle facts are ordered by it, never by arrival. */
  at: number;
  createdAt: number | null;
  modifiedAt: number | null;
  containerId: string | null;
  /** The status the payload reports (`updated` and `moved` carry the content's status at that time). */
  reportedStatus: 'current' | 'trashed' | 'archived' | null;
}

const ACTION_TO_KIND: Record<string, LifecycleKind> = {
  created: 'created', updated: 'updated', moved: 'moved', trashed: 'trashed', restored: 'restored',
  archived: 'archived', unarchived: 'unarchived', deleted: 'purged',
};

const id = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/));
const time = z.string().datetime({ offset: true }).transform((value) => Date.parse(value));
const space = z.object({ id, key: z.string().min(1).max(255) });
const common = {
  title: z.string().max(1000).default(''),
  status: z.string().max(50).optional(),
  space,
  history: z.object({ createdDate: time.optional() }).optional(),
  version: z.object({ when: time.optional() }).optional(),
};

/**
 * `avi:confluence:<action>:page|blogpost|attachment` (Forge's Confluence events reference): pages
 * and blog posts carry `content`, attachments carry `attachment` with its `container`. Only ids,
 * title, space and dates are read; the users in the payload are personal data we do not need.
 */
const lifecycleSchema = z.object({
  eventType: z.string().regex(/^avi:confluence:(created|updated|moved|trashed|restored|archived|unarchived|deleted):(page|blogpost|attachment)$/),
  eventCreatedDate: time,
  content: z.object({ id, type: z.enum(['page', 'blogpost']), ...common }).optional(),
  attachment: z.object({ id, type: z.literal('attachment'), ...common, container: z.object({ id }) }).optional(),
});

/** Maps a raw lifecycle event once, at the edge; malformed events are reported, not thrown. */
export function parseLifecycleEvent(raw: unknown): Parsed<LifecycleEvent> {
  const parsed = parseWith(lifecycleSchema, raw);
  if (!parsed.ok) return parsed;
  const event = parsed.value;
  const [, , action, subject] = event.eventType.split(':');
  const body = subject === 'attachment' ? event.attachment : event.content;
  if (!body || body.type !== subject) return { ok: false, message: `${event.eventType} carries no ${subject}`, fieldErrors: { [subject === 'attachment' ? 'attachment' : 'content']: 'Required' } };
  return {
    ok: true,
    value: {
      kind: ACTION_TO_KIND[action ?? ''] ?? 'updated',
      contentId: body.id, contentType: body.type, title: body.title,
      spaceKey: body.space.key, spaceId: body.space.id,
      at: event.eventCreatedDate,
      createdAt: body.history?.createdDate ?? null,
      modifiedAt: body.version?.when ?? null,
      containerId: 'container' in body ? body.container.id : null,
      reportedStatus: body.status === 'current' || body.status === 'trashed' || body.status === 'archived' ? body.status : null,
    },
  };
}
