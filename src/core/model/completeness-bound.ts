/**
 * Where several partitions were read newest first within one budget, the instant after which all of
 * them are complete: the latest "oldest view read" of those left unfinished (null if all finished).
 */
export function completenessBound(partitions: Iterable<{ finished: boolean; oldestReadAt: number | null }>): number | null {
  let bound: number | null = null;
  for (const partition of partitions) {
    if (partition.finished) continue;
    // Unfinished with nothing read: nothing of it is known, so nothing of the range is complete.
    const at = partition.oldestReadAt ?? Number.POSITIVE_INFINITY;
    bound = bound === null ? at : Math.max(bound, at);
  }
  return bound;
}
