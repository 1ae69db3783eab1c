import type { CallerStanding } from './rules/access-policy';
import { fetchReadableIdsAsUser } from '../platform/confluence/content-search';
import { fetchMayRead } from '../platform/confluence/permissions';
import { MemoryCache } from '../platform/memory-cache';
import { mapInChunks } from '../core/in-chunks';
import { rememberSpaceNames } from '../platform/space-names';
import { storeSpaceNames } from '../platform/space-names-store';
import type { Caller } from '../platform/resolver/context';
import { groupsInMemory } from './viewer-groups';

/** Answers per caller and content, briefly: paging through a report asks about the same rows again. */
const answers = new MemoryCache<boolean>(60_000, 20_000);

/**
 * How old a recorded "may read" may be for a report to show a title by it: as long as the caller's
 * groups are kept for report access (10 min, `viewer-groups.ts`), so the two facts a member's report
 * stands on age alike. Short on purpose: Confluence Cloud sends no event when content becomes
 * restricted (CONFCLOUD-82583) nor for space permissions, so for those changes this bound is the only
 * limit; the restriction and move events the app does receive end a recorded answer at once.
 */
export const REPORT_ANSWER_MS = 10 * 60 * 1000;

/**
 * Confluence's recent answers kept in the app's storage (the byline's records, see
 * `src/page-statistics/byline/read-evidence-store.ts`), for one caller. Given by the capability that keeps
 * them; this module decides what they may show.
 */
export interface ReadEvidence {
  /**
   * Of these ids, those Confluence said this caller, or one of `groups`, may read, asked less than
   * `maxAgeMs` before `now` and after the last permission change the app heard of.
   */
  readable: (contentIds: readonly string[], groups: readonly string[], maxAgeMs: number, now: number) => Promise<Set<string>>;
  /** Records Confluence's "yes" for this caller, asked at `askedAt` (just before the call). */
  remember: (contentIds: readonly string[], askedAt: number) => Promise<void>;
}

/**
 * Which of these content ids the caller may read. Administrators read everything (as in Confluence's
 * own reports). For everyone else, in turn: this instance's answers (60 s); with `evidence`, the
 * "yes" Confluence gave for the caller or one of the caller's groups less than `REPORT_ANSWER_MS` ago
 * and after the last permission change the app heard of (no call); then Confluence, for the rest
 * only: licensed users with one CQL search per 50 ids as themselves, guests, who cannot make asUser
 * calls, with one permission check per id as the app. Confluence's "yes" answers are recorded in
 * `evidence` for the next open (and the byline); a "no" is never recorded beyond this instance's
 * minute (a page the search index has not reached yet would otherwise stay hidden).
 */
export async function readableContentIds(caller: Caller, standing: CallerStanding, contentIds: readonly string[], evidence?: ReadEvidence): Promise<Set<string>> {
  if (caller.kind !== 'user') return new Set();
  if (standing.siteAdmin) return new Set(contentIds);
  const unique = [...new Set(contentIds)];
  const known = new Set<string>();
  const unknown: string[] = [];
  for (const id of unique) {
    const cached = answers.get(`${caller.accountId}|${id}`);
    if (cached === undefined) unknown.push(id);
    else if (cached) known.add(id);
  }
  if (unknown.length === 0) return known;
  const now = Date.now();
  const recorded = evidence ? await evidence.readable(unknown, groupsInMemory(caller.accountId) ?? [], REPORT_ANSWER_MS, now) : new Set<string>();
  for (const id of recorded) {
    answers.set(`${caller.accountId}|${id}`, true);
    known.add(id);
  }
  const ask = unknown.filter((id) => !recorded.has(id));
  if (ask.length === 0) return known;
  // Timed before the call: a permission change recorded meanwhile ends these answers.
  const askedAt = Date.now();
  const readable = caller.accountType === 'licensed' ? await readableAsUser(ask) : await readableByChecks(caller.accountId, ask);
  for (const id of ask) {
    answers.set(`${caller.accountId}|${id}`, readable.has(id));
    if (readable.has(id)) known.add(id);
  }
  if (evidence && readable.size > 0) await evidence.remember(ask.filter((id) => readable.has(id)), askedAt);
  return known;
}

/** The CQL answer also names the readable content's spaces: remembered (and stored) for the report's space names. */
async function readableAsUser(contentIds: string[]): Promise<Set<string>> {
  const found = await fetchReadableIdsAsUser(contentIds);
  rememberSpaceNames(found.spaceNames);
  await storeSpaceNames(found.spaceNames);
  return found.ids;
}

/**
 * Confluence's permission check alone (a POST: 1 point on Cloud), no lookup of the content first (a
 * GET, 2 more): a content that does not exist, or that the app may not see, answers "no" either way.
 */
async function readableByChecks(accountId: string, contentIds: string[]): Promise<Set<string>> {
  const found = await mapInChunks(contentIds, 10, (id) => fetchMayRead(id, accountId));
  return new Set(contentIds.filter((_, index) => found[index] === true));
}

