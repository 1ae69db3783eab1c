/**
 * Runs `task` over `items` a few at a time, in order: enough parallelism to be quick, little enough
 * that a long list does not become a burst of simultaneous REST calls (and 429s).
 */
export async function mapInChunks<T, R>(items: readonly T[], size: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(task))));
  }
  return results;
}
