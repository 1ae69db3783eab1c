import { IndexValue } from '../compare';
import { IndexEntry } from '../entity-values';
import { JsonValue } from '../json';
import { Linger, lingerMs } from './linger';

/** Three separate key spaces: plain KVS, secrets, and custom entities (one per entity name). */
export type Namespace = 'kvs' | 'secret' | 'entity';

/** `entity` is '' outside the entity namespace. */
export interface ItemRef {
  ns: Namespace;
  entity: string;
  key: string;
}

export interface StoredItem extends ItemRef {
  value: JsonValue;
  createdAt: number;
  updatedAt: number;
  /** Epoch ms after which the item no longer exists; undefined = no TTL. */
  expireAt?: number;
}

export interface Bound {
  value: IndexValue;
  inclusive: boolean;
}

export interface ScanBounds {
  lower?: Bound;
  upper?: Bound;
}

/** Position of the last item of the previous page, decoded from a cursor. */
export interface ScanPosition {
  range: IndexValue;
  key: string;
}

interface ScanCommon {
  bounds: ScanBounds;
  after?: ScanPosition;
  direction: 'ASC' | 'DESC';
  limit: number;
  /** Items with expireAt <= now are skipped (after their linger, when one is given). */
  now: number;
  linger?: Linger;
}

/** Ordered by key: KVS queries and the entity `by-key` index. Bounds apply to the key. */
export interface KeyScan extends ScanCommon {
  kind: 'key';
  ns: Namespace;
  entity: string;
}

/** Ordered by (range value, key) within one partition of one entity index. */
export interface IndexScan extends ScanCommon {
  kind: 'index';
  entity: string;
  index: string;
  partition: string;
}

export type ScanSpec = KeyScan | IndexScan;

/**
 * Storage engine behind the emulator.
 *
 * Deliberately SYNCHRONOUS: the emulator applies each request in one synchronous step, so a
 * request (including a transaction's condition checks and writes) happens at one instant and
 * can never interleave with another. Network latency is simulated around that step instead.
 */
export interface StorageBackend {
  /** The live item, or undefined if missing or expired at `now` (and past its linger, when one is given). */
  get(ref: ItemRef, now: number, linger?: Linger): StoredItem | undefined;
  /** Inserts or replaces an item and replaces all of its index entries. */
  put(item: StoredItem, entries: readonly IndexEntry[]): void;
  delete(ref: ItemRef): void;
  /** At most `limit` live items in scan order, starting strictly after `after`. */
  scan(spec: ScanSpec): StoredItem[];
  /** Runs fn atomically: if it throws, no change it made is kept. Nested calls join the outer one. */
  transaction<T>(fn: () => T): T;
  /** Visits every stored entity item of one entity (used to rebuild indexes after a schema change). */
  forEachEntityItem(entity: string, visit: (item: StoredItem) => void): void;
  readMeta(name: string): string | undefined;
  writeMeta(name: string, value: string): void;
  close(): void;
}

/** Readable at `now`: no expiry, not yet expired, or expired but still within its linger. */
export function isLive(item: ItemRef & { expireAt?: number }, now: number, linger?: Linger): boolean {
  if (item.expireAt === undefined || item.expireAt > now) {
    return true;
  }
  return linger !== undefined && item.expireAt + lingerMs(item, item.expireAt, linger) > now;
}
