import { z } from 'zod';
import { parseWith, type Parsed } from '../../core/parse';

const spaceId = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/));

/**
 * `avi:confluence:updated:space:V2` (Forge's Confluence events reference: `space {id, key, ...}`):
 * the space's id is stable, its key may change. Content rows store both, so a new key re-files them.
 */
const spaceUpdated = z.object({
  eventType: z.literal('avi:confluence:updated:space:V2'),
  eventCreatedDate: z.string().datetime({ offset: true }),
  space: z.object({ id: spaceId, key: z.string().min(1).max(255) }),
});

export interface SpaceKeyFact {
  spaceId: string;
  spaceKey: string;
  at: number;
}

export function parseSpaceUpdatedEvent(raw: unknown): Parsed<SpaceKeyFact> {
  const parsed = parseWith(spaceUpdated, raw);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { spaceId: parsed.value.space.id, spaceKey: parsed.value.space.key, at: Date.parse(parsed.value.eventCreatedDate) } };
}

/**
 * `avi:confluence:deleted:space:V2` (forge-docs-snapshot mirror/events-reference/confluence/index.md,
 * "Spaces": all space events share the payload `{eventType, atlassianId, eventCreatedDate, space {id,
 * key, ...}}`; the deleted event additionally needs the scope `write:confluence-space`). The space and
 * all its content are gone: "cascading deletion events aren't emitted", so no per-page `deleted`
 * event follows and this event is the evidence for purging every content row of the space.
 */
const spaceDeleted = z.object({
  eventType: z.literal('avi:confluence:deleted:space:V2'),
  eventCreatedDate: z.string().datetime({ offset: true }),
  space: z.object({ id: spaceId, key: z.string().min(1).max(255) }),
});

export function parseSpaceDeletedEvent(raw: unknown): Parsed<SpaceKeyFact> {
  const parsed = parseWith(spaceDeleted, raw);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { spaceId: parsed.value.space.id, spaceKey: parsed.value.space.key, at: Date.parse(parsed.value.eventCreatedDate) } };
}

/** The space id a view event carries next to the key (`content.space.id`), if any. */
const viewSpace = z.object({ content: z.object({ space: z.object({ id: spaceId }) }) });

export function spaceIdOfViewEvent(raw: unknown): string | undefined {
  const parsed = viewSpace.safeParse(raw);
  return parsed.success ? parsed.data.content.space.id : undefined;
}
