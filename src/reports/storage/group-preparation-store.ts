/**
 * A group-filtered report being prepared over several calls (docs/reports.md), kept in KVS between
 * them: a head (what is prepared, since when, which members are read) and parts holding the views read.
 * Members are named by pseudonyms only (an HMAC of the account id under the salt of the preparation's
 * day, src/privacy/pseudonyms.ts), never by account id; erasing an account deletes every preparation.
 *
 * Each step writes its views into parts of its own (a fresh id), then the head that names them: the
 * head is the commit point, so a reader never sees a view whose member is not marked read, nor a member
 * marked read whose views are not named — each view is counted once, whatever step stopped where. Two
 * steps at once (two tabs, the scheduled run) each write a head consistent on its own; the last one
 * stands and the other's parts are left to their TTL.
 *
 * Lifetime: a bounded own `expiresAt` (PREPARATION_LIFETIME_MS after it began) and the same KVS TTL;
 * Forge may return expired items for up to 48 hours (mirror/runtime-reference/storage-api-basic-api/
 * index.md), hence the own timestamp. Values stay under Forge's 240 KiB per value
 * (mirror/limits-kvs-ce/index.md): PART_VIEWS views per part, at most MAX_GROUP_MEMBERS pseudonyms in a head.
 */
import { kvs } from '@forge/kvs';
import { deleteKeysWithPrefix } from '../../core/storage/delete-keys';
import { pickHeadsWithPrefix } from '../../core/storage/prefixed-heads';
import { z } from 'zod';
import { SOURCES } from '@contracts/settings';
import type { ViewRecord } from '../../core/model/rows';
import { KEYS } from '../../core/storage/keys';

export const PREPARATION_LIFETIME_MS = 30 * 60_000;
const TTL = { ttl: { value: PREPARATION_LIFETIME_MS / 60_000, unit: 'MINUTES' as const } };
/** Views per part: about 45 bytes each as stored, so a part stays well under 240 KiB. */
export const PART_VIEWS = 4_000;

const head = z.object({
  groupId: z.string(),
  /** The days read, both included: the report's range and the period before it. */
  from: z.string(),
  to: z.string(),
  /** Views recorded up to this time are counted (epoch ms): when the preparation began. */
  asOf: z.number(),
  expiresAt: z.number(),
  stage: z.enum(['members', 'views']),
  /** Members listed (stage `members`) and the group's size when known. */
  listed: z.number().int(),
  members: z.number().int().nullable(),
  /** Pseudonyms of the members whose views are read and stored. */
  done: z.array(z.string()),
  parts: z.array(z.string()),
  views: z.number().int(),
  complete: z.boolean(),
  /** Why it cannot be answered (too many views): answered as is until it expires. */
  failed: z.string().nullable(),
  /** A step is under way until then: other calls answer the progress instead of reading the same members. */
  busyUntil: z.number(),
}).strict();
export type PreparationHead = z.infer<typeof head>;

/** A view as stored: [viewer (index into the part's pseudonyms), content id, space key, type, at, source]. */
const TYPES = ['page', 'blogpost', 'attachment'] as const;
const part = z.object({
  viewers: z.array(z.string()),
  views: z.array(z.tuple([z.number().int(), z.string(), z.string(), z.number().int(), z.number(), z.number().int()])),
}).strict();

/** A stored view, its viewer a pseudonym. */
export type PreparedView = Omit<ViewRecord, 'recordedAt'>;

const headKey = (h: Pick<PreparationHead, 'groupId' | 'from' | 'to'>) => KEYS.groupPreparation(h.groupId, h.from, h.to);

export async function readPreparation(groupId: string, from: string, to: string, now: number): Promise<PreparationHead | null> {
  const parsed = head.safeParse(await kvs.get(KEYS.groupPreparation(groupId, from, to)));
  return parsed.success && parsed.data.expiresAt > now ? parsed.data : null;
}

/** Every view the head's parts hold, or null when a part is gone (expired, erased): the preparation starts again. */
export async function readPreparedViews(h: PreparationHead): Promise<PreparedView[] | null> {
  const views: PreparedView[] = [];
  for (const id of h.parts) {
    const parsed = part.safeParse(await kvs.get(KEYS.groupPreparationPart(h.groupId, h.from, h.to, id)));
    if (!parsed.success) return null;
    for (const [viewer, contentId, spaceKey, type, at, source] of parsed.data.views) {
      views.push({ viewer: parsed.data.viewers[viewer] ?? '', contentId, spaceKey, contentType: TYPES[type] ?? 'page', at, source: SOURCES[source] ?? 'other' });
    }
  }
  return views;
}

/** Writes views into new parts named `<step>-<n>` and answers their ids (the head is written after, by the caller). */
export async function writePreparedViews(h: Pick<PreparationHead, 'groupId' | 'from' | 'to'>, step: string, views: readonly PreparedView[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < views.length; start += PART_VIEWS) {
    const slice = views.slice(start, start + PART_VIEWS);
    const viewers = [...new Set(slice.map((view) => view.viewer))];
    const index = new Map(viewers.map((viewer, i) => [viewer, i]));
    const id = `${step}-${ids.length}`;
    await kvs.set(KEYS.groupPreparationPart(h.groupId, h.from, h.to, id), {
      viewers,
      views: slice.map((view) => [index.get(view.viewer)!, view.contentId, view.spaceKey, TYPES.indexOf(view.contentType), view.at, SOURCES.indexOf(view.source)]),
    }, TTL);
    ids.push(id);
  }
  return ids;
}

export async function writePreparation(h: PreparationHead): Promise<void> {
  await kvs.set(headKey(h), h, TTL);
}

/** Drops one preparation's head (its parts are left to their TTL, or to erasure). */
export async function deletePreparation(h: Pick<PreparationHead, 'groupId' | 'from' | 'to'>): Promise<void> {
  await kvs.delete(headKey(h));
}

/**
 * Preparations under way and standing (own `expiresAt`): the scheduled run continues them, so that a
 * large group is ready even if nobody keeps the report open. At most `max`, in key order.
 */
export async function openPreparations(now: number, max = 20): Promise<PreparationHead[]> {
  return pickHeadsWithPrefix(KEYS.groupPreparationPrefix, (value) => {
    const parsed = head.safeParse(value);
    return parsed.success && !parsed.data.complete && parsed.data.failed === null && parsed.data.expiresAt > now ? parsed.data : undefined;
  }, max);
}

/** Every stored preparation, heads and parts: erasing an account removes them (they are prepared again on demand). */
export async function deleteGroupPreparations(): Promise<number> {
  return deleteKeysWithPrefix(KEYS.groupPreparationPrefix);
}
