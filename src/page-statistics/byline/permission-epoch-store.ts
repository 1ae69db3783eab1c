import { MAX_BATCH_KEYS } from '../../core/model/kvs-limits';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { GROUP_ANSWER_MS } from './byline-group-evidence';
import { KEYS } from '../../core/storage/keys';

/**
 * When the app last learned that a content's read permission may have changed: its restrictions
 * were updated, or an ancestor's were, or it moved (with a page, its descendants, whose inherited
 * restrictions change too). The byline keeps Confluence's answers for hours and drops every answer
 * given before this time, so a restriction takes effect as soon as its event is processed.
 *
 * Two scopes, both read in the byline's one batch: one row per content (`pc:<id>`, kept as long as
 * an answer could stand, so it expires with the answers it ends), and one for the whole site
 * (`perm-epoch`), for a change whose reach the app could not list (a tree too big, or Confluence
 * did not answer): it ends every answer, which costs calls but is never wrong.
 *
 * Times are the function's own clock, the clock the byline's answers are timed by, never the
 * event's (Confluence's).
 */
const epochSchema = z.object({ at: z.number().nonnegative() });

/** As long as an answer can stand (GROUP_ANSWER_MS): answers and the marks that end them expire together. */
export const ANSWER_TTL = { ttl: { value: GROUP_ANSWER_MS / 60_000, unit: 'MINUTES' as const } };

export function parsePermissionEpoch(value: unknown): number {
  const parsed = epochSchema.safeParse(value);
  return parsed.success ? parsed.data.at : 0;
}

/** Batch writes take 25 items (Forge's limit). */
const BATCH = MAX_BATCH_KEYS;

export async function noteContentPermissionChanges(contentIds: readonly string[], now: number): Promise<void> {
  for (let start = 0; start < contentIds.length; start += BATCH) {
    await kvs.batchSet(contentIds.slice(start, start + BATCH).map((id) => ({
      key: KEYS.contentPermissionEpoch(id), value: { at: now }, options: ANSWER_TTL,
    })));
  }
}

/**
 * Ends every answer given before `now`. Never moves the epoch back. Two such changes recorded in
 * the same moments may keep the earlier of two nearly equal times: answers given in between can
 * then outlive the later change, for at most the answers' own bound (12 h).
 */
export async function noteSitePermissionChange(now: number): Promise<void> {
  const current = parsePermissionEpoch(await kvs.get(KEYS.permissionEpoch));
  if (current >= now) return;
  await kvs.set(KEYS.permissionEpoch, { at: now });
}
