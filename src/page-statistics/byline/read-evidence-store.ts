/**
 * Confluence's recent "may read" answers, for callers other than the byline (a report's titles): the
 * byline's own records (`perm:<content>:<pseudonym>` for one caller, `pg:<content>` for groups), under
 * the bound the asker chooses and ended by the same permission changes (`pc:<content>` and the site's
 * `perm-epoch`, see permission-epoch-store.ts). Only "yes" answers are read and written here: an id
 * without a standing "yes" is asked of Confluence again, never inferred either way.
 */
import { kvs } from '@forge/kvs';
import type { ReadEvidence } from '../../access/index';
import { pseudonymFor } from '../../privacy/index';
import { MAX_BATCH_KEYS, slicesOf } from '../../core/model/kvs-limits';
import { valuesByKeyOrThrow } from '../../core/storage/batch-read';
import { KEYS } from '../../core/storage/keys';
import { answerStandsWithin } from './byline-group-evidence';
import { parseGroupAnswers, parseCachedPermission } from './byline-store';
import { ANSWER_TTL, parsePermissionEpoch } from './permission-epoch-store';

/**
 * The evidence of one caller, known by the day's pseudonym (as the byline keys its answers: no account
 * id in a key, in any privacy mode).
 */
export async function readEvidenceFor(accountId: string, now = Date.now()): Promise<ReadEvidence> {
  const viewer = await pseudonymFor(accountId, now);
  return {
    readable: (contentIds, groups, maxAgeMs, at) => readableByEvidence(contentIds, viewer, groups, maxAgeMs, at),
    remember: (contentIds, askedAt) => rememberReadable(contentIds, viewer, askedAt),
  };
}

/**
 * Of these contents, those Confluence said — for this caller, or for one of `groups` (permissions are
 * grant-only: a group's "yes" holds for each member) — the caller may read, asked less than
 * `maxAgeMs` before `now` and after the last permission change the app heard of. One batch read per
 * 25 keys (three per content and the site's epoch), no Confluence call; a read that fails decides
 * nothing (every id is then asked of Confluence).
 */
export async function readableByEvidence(contentIds: readonly string[], viewer: string, groups: readonly string[], maxAgeMs: number, now: number): Promise<Set<string>> {
  const ids = [...new Set(contentIds)];
  if (ids.length === 0) return new Set();
  const keys = [KEYS.permissionEpoch, ...ids.flatMap((id) => [KEYS.contentGroupAnswers(id), KEYS.contentPermissionEpoch(id), KEYS.readPermission(id, viewer)])];
  let found: Map<string, unknown>;
  try {
    // A failed read must not pass for an absent permission change: then nothing is taken from storage.
    found = await valuesByKeyOrThrow(keys.map((key) => ({ key })));
  } catch (error) {
    console.warn(`Recorded permission answers unread, Confluence is asked instead: ${String(error)}`);
    return new Set();
  }
  const siteChangedAt = parsePermissionEpoch(found.get(KEYS.permissionEpoch));
  const readable = new Set<string>();
  for (const id of ids) {
    const changedAt = Math.max(siteChangedAt, parsePermissionEpoch(found.get(KEYS.contentPermissionEpoch(id))));
    const stands = (at: number | undefined) => answerStandsWithin(at, now, changedAt, maxAgeMs);
    const own = parseCachedPermission(found.get(KEYS.readPermission(id, viewer)));
    const groupAnswers = parseGroupAnswers(found.get(KEYS.contentGroupAnswers(id)));
    if ((own?.allowed === true && stands(own.at)) || groups.some((group) => stands(groupAnswers.readers[group]))) readable.add(id);
  }
  return readable;
}

/**
 * Records Confluence's "yes" for this caller (asked at `askedAt`, the time just before the call), in
 * the byline's own rows: the byline then spares the caller's permission check on those pages too.
 */
export async function rememberReadable(contentIds: readonly string[], viewer: string, askedAt: number): Promise<void> {
  for (const slice of slicesOf([...new Set(contentIds)], MAX_BATCH_KEYS)) {
    await kvs.batchSet(slice.map((id) => ({ key: KEYS.readPermission(id, viewer), value: { allowed: true, at: askedAt }, options: ANSWER_TTL })));
  }
}
