/**
 * An audience being listed from Confluence, kept between invocations: a large group is listed a few
 * thousand members per call, so its progress and the members listed so far are stored (TTL 15
 * minutes, Forge KVS `ttl`: mirror/runtime-reference/storage-api-basic-api/index.md, which also says
 * expired values may be returned for up to 48 hours, hence the own `expiresAt`).
 */
import { kvs } from '@forge/kvs';
import { deleteKeysWithPrefix } from '../../core/storage/delete-keys';
import { pickHeadsWithPrefix } from '../../core/storage/prefixed-heads';
import { z } from 'zod';
import { KEYS } from '../../core/storage/keys';
import type { AudienceMember } from '../rules/audience-members';

export const AUDIENCE_TTL_MS = 15 * 60_000;
const PART_SIZE = 1_000;
const TTL = { ttl: { value: AUDIENCE_TTL_MS / 60_000, unit: 'MINUTES' as const } };

const status = z.enum(['active', 'inactive', 'closed', 'app']);
/**
 * A member as stored: `[accountId, displayName]` when active, else `[accountId, displayName, status]`
 * (a third of the bytes of an object each, and reads are charged by the 10 KB); the object form of
 * copies written before is still read.
 */
const member = z.union([
  z.tuple([z.string(), z.string()]).transform(([accountId, displayName]): AudienceMember => ({ accountId, displayName, status: 'active' })),
  z.tuple([z.string(), z.string(), status]).transform(([accountId, displayName, state]): AudienceMember => ({ accountId, displayName, status: state })),
  z.object({ accountId: z.string(), displayName: z.string(), status }),
]);
const packed = (entry: AudienceMember) => (entry.status === 'active' ? [entry.accountId, entry.displayName] : [entry.accountId, entry.displayName, entry.status]);
const head = z.object({
  /** Group ids still to list, the first one from `start`. */
  groups: z.array(z.string()),
  start: z.number().int().min(0),
  total: z.number().nullable(),
  listed: z.number().int(),
  parts: z.number().int(),
  complete: z.boolean(),
  notes: z.array(z.string()),
  expiresAt: z.number(),
  /** The audience's own name (`group:<id>`, `space:<key>`, `licensed`), unescaped: the scheduled run continues it from this. */
  audience: z.string().optional(),
}).strict();
export type AudienceHead = z.infer<typeof head>;

export interface StoredAudience {
  head: AudienceHead;
  members: AudienceMember[];
}

export async function readAudience(audience: string, now: number): Promise<StoredAudience | null> {
  const parsed = head.safeParse(await kvs.get(KEYS.reachAudience(audience)));
  if (!parsed.success || parsed.data.expiresAt <= now) return null;
  const keys = Array.from({ length: parsed.data.parts }, (_, part) => KEYS.reachAudiencePart(audience, part));
  const members: AudienceMember[] = [];
  for (const key of keys) {
    const part = z.array(member).safeParse(await kvs.get(key));
    // A part gone (expired, erased) makes the stored list unusable: list again.
    if (!part.success) return null;
    members.push(...part.data);
  }
  return { head: parsed.data, members };
}

/** Writes the members and then the head that names them: a reader never sees a head without its parts. */
export async function writeAudience(audience: string, stored: Omit<StoredAudience, 'head'> & { head: Omit<AudienceHead, 'parts' | 'expiresAt'> }, now: number): Promise<void> {
  const parts = Math.ceil(stored.members.length / PART_SIZE);
  for (let part = 0; part < parts; part += 1) {
    await kvs.set(KEYS.reachAudiencePart(audience, part), stored.members.slice(part * PART_SIZE, (part + 1) * PART_SIZE).map(packed), TTL);
  }
  await kvs.set(KEYS.reachAudience(audience), { ...stored.head, parts, expiresAt: now + AUDIENCE_TTL_MS, audience }, TTL);
}

/**
 * Audiences whose listing is under way and still standing (own `expiresAt`, not the KVS TTL alone):
 * the scheduled run continues them so that a large audience is prepared even when nobody keeps the
 * page open. At most `max` of them, in key order.
 */
export async function preparingAudiences(now: number, max = 20): Promise<string[]> {
  return pickHeadsWithPrefix(KEYS.reachAudiencePrefix, (value) => {
    const parsed = head.safeParse(value);
    return parsed.success && !parsed.data.complete && parsed.data.expiresAt > now && parsed.data.audience ? parsed.data.audience : undefined;
  }, max);
}

/** Every stored audience, whatever it lists: erasing an account removes them (they are listed again on demand). */
export async function deleteStoredAudiences(): Promise<number> {
  return deleteKeysWithPrefix(KEYS.reachAudiencePrefix);
}
