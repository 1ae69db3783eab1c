/**
 * How long expired items stay readable. Forge: "Expired data is not removed immediately upon
 * expiry. Deletion may take up to 48 hours. During this window, read operations may still return
 * expired results." (forge-docs-snapshot mirror/runtime-reference/storage-api-basic-api/index.md,
 * "Time-to-live (TTL)"; same text in storage-api-custom-entities and storage-api-secret).
 */
export interface Linger {
  /** Longest time after expireAt an item may still be read; 0 = never. */
  maxMs: number;
  /** Seeds each item's linger, so a run is reproducible. */
  seed: number;
}

/**
 * Each item gets one linger, drawn once from (seed, item, expireAt): the asynchronous deletion
 * happens at one moment, so an item that has disappeared never comes back, and a new expiry (the
 * item was rewritten) draws again. A hash instead of a random stream keeps it independent of the
 * order in which items are read, and lets SQLite compute it inside a scan.
 */
export function lingerMs(ref: { ns: string; entity: string; key: string }, expireAt: number, linger: Linger): number {
  if (linger.maxMs <= 0) {
    return 0;
  }
  return Math.floor(unitHash(`${linger.seed}\u0000${ref.ns}\u0000${ref.entity}\u0000${ref.key}\u0000${expireAt}`) * linger.maxMs);
}

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser; mapped to [0, 1). */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
