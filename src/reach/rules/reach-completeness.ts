/**
 * When reach can be whole (pure). Retention deletes raw views older than its period, and with them
 * the per-person rows whose latest view is that old: a person who read the page only before the
 * cut-off then looks like one who never read it. Such figures are shown with a note, never as whole.
 */
const DAY_MS = 86_400_000;

export function retentionCutoff(retentionDays: number | null, now: number): number | null {
  return retentionDays === null ? null : now - retentionDays * DAY_MS;
}

export function incompleteBecauseOfRetention(fromMs: number, retentionDays: number | null, now: number): string | null {
  const cutoff = retentionCutoff(retentionDays, now);
  if (cutoff === null || fromMs >= cutoff) return null;
  const day = new Date(cutoff).toISOString().slice(0, 10);
  return `Individual views are kept ${retentionDays} days (retention setting): people who read only before ${day} count as not read.`;
}

/**
 * How to read the page's rows of the audience's members: the page's whole reader list (one index
 * query per 100 rows) when it is shorter than the audience, else each member's row by key (25 keys
 * a read). Both give every member's row; the cheaper one is chosen from the page's viewer count.
 */
export function rowReadPlan(pageViewers: number, members: number): 'page-readers' | 'member-keys' {
  return pageViewers <= members ? 'page-readers' : 'member-keys';
}
