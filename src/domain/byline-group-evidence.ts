/**
 * The byline's content-level evidence: which groups Confluence recently said may (or may not) read
 * one content. Confluence permissions are grant-only, so "group G reads C" holds for every member of
 * G; one answer serves everyone in the group, where a per-person answer serves one caller.
 */

/** Group id → when Confluence answered (ms). */
export interface ContentGroupAnswers {
  readers: Record<string, number>;
  nonReaders: Record<string, number>;
}

export const EMPTY_GROUP_ANSWERS: ContentGroupAnswers = { readers: {}, nonReaders: {} };

/** As long as the per-person answer: permissions change, and a stale "yes" must not last. */
export const GROUP_ANSWER_MS = 30 * 60 * 1000;

/** A content's row stays small (one read unit with the rest of the byline's batch). */
export const MAX_GROUP_ANSWERS = 16;

const fresh = (at: number | undefined, now: number): boolean => at !== undefined && at <= now && now - at < GROUP_ANSWER_MS;

/** Whether one of the caller's groups is known, recently, to read the content. */
export function groupReads(callerGroups: readonly string[], answers: ContentGroupAnswers, now: number): boolean {
  return callerGroups.some((id) => fresh(answers.readers[id], now));
}

/**
 * Which of the caller's groups to ask Confluence about, or null (then the caller alone is asked).
 * Groups with a fresh answer are skipped (a "no" would not change; a "yes" would already have
 * decided). Among the rest, the group most callers share (`popularity`: callers seen per group)
 * wins: its answer then serves the most later callers, and on a typical site that is the default
 * users group every licensed user belongs to. Ties go to the smaller id, so the choice is stable.
 */
export function chooseGroupToAsk(callerGroups: readonly string[], answers: ContentGroupAnswers, popularity: ReadonlyMap<string, number>, now: number): string | null {
  const open = callerGroups.filter((id) => !fresh(answers.readers[id], now) && !fresh(answers.nonReaders[id], now));
  if (open.length === 0) return null;
  return [...open].sort((a, b) => (popularity.get(b) ?? 0) - (popularity.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0))[0] ?? null;
}

/** The answers with Confluence's new one recorded: stale entries dropped, at most MAX_GROUP_ANSWERS kept (newest). */
export function withGroupAnswer(answers: ContentGroupAnswers, groupId: string, reads: boolean, now: number): ContentGroupAnswers {
  const entries: Array<[string, number, boolean]> = [
    ...Object.entries(answers.readers).map(([id, at]): [string, number, boolean] => [id, at, true]),
    ...Object.entries(answers.nonReaders).map(([id, at]): [string, number, boolean] => [id, at, false]),
  ].filter(([id, at]) => id !== groupId && fresh(at, now));
  entries.push([groupId, now, reads]);
  const kept = entries.sort((a, b) => b[1] - a[1]).slice(0, MAX_GROUP_ANSWERS);
  return {
    readers: Object.fromEntries(kept.filter((e) => e[2]).map(([id, at]) => [id, at])),
    nonReaders: Object.fromEntries(kept.filter((e) => !e[2]).map(([id, at]) => [id, at])),
  };
}
