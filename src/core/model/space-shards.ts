/** Shards of a space's daily row: a hot space spreads its writes over this many rows. */
export const SPACE_DAY_SHARDS = 8;

/** Stable per content, so a content's corrections always land in the shard they were counted in. */
export function spaceShardOf(contentId: string): number {
  let hash = 0;
  for (const char of contentId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % SPACE_DAY_SHARDS;
}
