import { StoredItem } from '../backend/types';
import { IndexEntry, indexEntriesFor, validateEntityValue } from '../entity-values';
import { JsonValue } from '../json';
import { TtlUnit, ttlToMs, validateValue } from '../limits';
import { ServiceContext } from './context';
import { Target } from './target';

/** A write that passed every validation and can no longer fail when applied. */
export interface PreparedWrite {
  target: Target;
  value: JsonValue;
  ttlMs?: number;
  entries: IndexEntry[];
}

export function prepareWrite(target: Target, raw: unknown, ttl?: { value: number; unit: TtlUnit }): PreparedWrite {
  const value = validateValue(raw);
  const entries = target.entity ? indexEntriesFor(target.entity, validateEntityValue(target.entity, value)) : [];
  return { target, value, ttlMs: ttl ? ttlToMs(ttl) : undefined, entries };
}

/**
 * Stores the write. A set replaces the whole item: a new TTL (or none) replaces the old one,
 * while createdAt survives an overwrite of a live item.
 */
export function applyWrite(ctx: ServiceContext, write: PreparedWrite, now: number): { item: StoredItem; previous?: StoredItem } {
  const previous = ctx.backend.get(write.target.ref, now, ctx.linger);
  const item: StoredItem = {
    ...write.target.ref,
    value: write.value,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
  };
  if (write.ttlMs !== undefined) {
    item.expireAt = now + write.ttlMs;
  }
  ctx.backend.put(item, write.entries);
  return { item, previous };
}
