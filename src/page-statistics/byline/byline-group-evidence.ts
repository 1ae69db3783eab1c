/**
 * The byline's content-level evidence: which groups Confluence recently said may (or may not) read
 * one content. Confluence permissions are grant-only, so "group G reads C" holds for every member of
 * G; one answer serves everyone in the group, where a per-person answer serves one caller.
 *
 * An answer stands until the app learns of a permission change that could touch it
 * (`permissionsChangedAt`: the last content restriction change or page move on the site, see
 * `src/page-statistics/byline/permission-epoch-store.ts`), and at most `GROUP_ANSWER_MS` for the changes no event reports.
 */

/** Group id → when Confluence answered (ms). */
export interface ContentGroupAnswers {
  readers: Record<string, number>;
  nonReaders: Record<string, number>;
}

export const EMPTY_GROUP_ANSWERS: ContentGroupAnswers = { readers: {}, nonReaders: {} };

/**
 * The bound for what no event the app receives reports: space permissions (their event needs the
 * `write:confluence-space` scope, which the app does not ask for) and a group's product access. As
 * long as the view path keeps a caller's memberships, so the byline's two inputs age alike.
 * Restriction changes and moves end an answer at once (`permissionsChangedAt`).
 */
export const GROUP_ANSWER_MS = 12 * 60 * 60 * 1000;

/** A content's row stays small (one read unit with the rest of the byline's batch). */
export const MAX_GROUP_ANSWERS = 16;

/**
 * Whether Confluence's answer given at `at` (the time just BEFORE the call was made) still stands:
 * younger than `GROUP_ANSWER_MS`, not from the future (clock skew), and given strictly after the last
 * permission change the app heard of (an answer asked while a change was being recorded is dropped).
 */
export function answerStands(at: number | undefined, now: number, permissionsChangedAt: number): boolean {
  return answerStandsWithin(at, now, permissionsChangedAt, GROUP_ANSWER_MS);
}

/** `answerStands` under another bound (a report's titles keep answers for minutes, not hours). */
export function answerStandsWithin(at: number | undefined, now: number, permissionsChangedAt: number, maxAgeMs: number): boolean {
  return at !== undefined && at <= now && now - at < maxAgeMs && at > permissionsChangedAt;
}

/** Whether one of the caller's groups is known, recently, to read the content. */
export function groupReads(callerGroups: readonly string[], answers: ContentGroupAnswers, now: number, permissionsChangedAt = 0): boolean {
  return callerGroups.some((id) => answerStands(answers.readers[id], now, permissionsChangedAt));
}

/**
 * Which of the caller's groups to ask Confluence about, or null (then the caller alone is asked).
 * Groups with a fresh answer are skipped (a "no" would not change; a "yes" would already have
 * decided). Among the rest, the group most callers share (`popularity`: callers seen per group)
 * wins: its answer then serves the most later callers, and on a typical site that is the default
 * users group every licensed user belongs to. Ties go to the smaller id, so the choice is stable.
 */
export function chooseGroupToAsk(callerGroups: readonly string[], answers: ContentGroupAnswers, popularity: ReadonlyMap<string, number>, now: number, permissionsChangedAt = 0): string | null {
  const fresh = (at: number | undefined) => answerStands(at, now, permissionsChangedAt);
  const open = callerGroups.filter((id) => !fresh(answers.readers[id]) && !fresh(answers.nonReaders[id]));
  if (open.length === 0) return null;
  return [...open].sort((a, b) => (popularity.get(b) ?? 0) - (popularity.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))[0] ?? null;
}

/**
 * The answers with Confluence's new one (asked at `now`) recorded: entries that no longer stand
 * dropped, at most MAX_GROUP_ANSWERS kept (newest).
 */
export function withGroupAnswer(answers: ContentGroupAnswers, groupId: string, reads: boolean, now: number, permissionsChangedAt = 0): ContentGroupAnswers {
  const entries: Array<[string, number, boolean]> = [
    ...Object.entries(answers.readers).map(([id, at]): [string, number, boolean] => [id, at, true]),
    ...Object.entries(answers.nonReaders).map(([id, at]): [string, number, boolean] => [id, at, false]),
  ].filter(([id, at]) => id !== groupId && answerStands(at, now, permissionsChangedAt));
  entries.push([groupId, now, reads]);
  const kept = entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_GROUP_ANSWERS);
  return {
    readers: Object.fromEntries(kept.filter((e) => e[2]).map(([id, at]) => [id, at])),
    nonReaders: Object.fromEntries(kept.filter((e) => !e[2]).map(([id, at]) => [id, at])),
  };
}
