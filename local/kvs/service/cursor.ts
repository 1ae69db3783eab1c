import { createHash } from 'node:crypto';
import { ScanPosition } from '../backend/types';
import { fail } from '../errors';
import { ServiceContext } from './context';

/**
 * Cursors are opaque base64url JSON: the last scanned position, a hash of the query it belongs
 * to, when it was issued (emulator clock) and by which start of the emulator. The docs say a cursor
 * must be reused with the same query parameters; reusing it with a different query is answered
 * with INVALID_CURSOR rather than silently wrong pages. The page size (limit) is not part of the
 * query identity and may change between pages.
 *
 * Forge: "cursors are not stable and should not be persisted" (forge-docs-snapshot
 * mirror/runtime-reference/storage-api-basic/index.md and mirror/storage-reference/entities/index.md,
 * "Cursors"). The docs name no error for a cursor that is no longer valid (none in
 * mirror/storage-reference/handling-errors-kvs or handling-errors-customentities), so a stale
 * cursor answers the emulator's own 400 INVALID_CURSOR, with `context.reason` = 'expired' or
 * 'restarted', when strictness asks for it (cursorLifetimeMs, cursorsExpireOnRestart).
 */
interface CursorPayload {
  q: string;
  r: string | number | boolean;
  k: string;
  /** Issued at (epoch ms, emulator clock). Absent in cursors of older emulator versions. */
  t?: number;
  /** bootId of the emulator that issued it. Absent in cursors of older emulator versions. */
  b?: string;
}

function queryHash(queryIdentity: string): string {
  return createHash('sha256').update(queryIdentity).digest('base64url').slice(0, 16);
}

export function encodeCursor(ctx: ServiceContext, queryIdentity: string, position: ScanPosition): string {
  const payload: CursorPayload = { q: queryHash(queryIdentity), r: position.range, k: position.key, t: ctx.clock.now(), b: ctx.bootId };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(ctx: ServiceContext, queryIdentity: string, cursor: string): ScanPosition {
  const payload = tryParse(cursor);
  if (!payload) {
    fail('INVALID_CURSOR', 'Cursor is malformed', { reason: 'malformed' });
  }
  if (payload.q !== queryHash(queryIdentity)) {
    fail('INVALID_CURSOR', 'Cursor belongs to a different query', { reason: 'other-query' });
  }
  const { cursorLifetimeMs, cursorsExpireOnRestart } = ctx.strictness;
  if (cursorsExpireOnRestart && payload.b !== ctx.bootId) {
    fail('INVALID_CURSOR', 'Cursor was issued before the storage service restarted; start the query again', { reason: 'restarted' });
  }
  if (cursorLifetimeMs !== undefined && (payload.t === undefined || ctx.clock.now() - payload.t > cursorLifetimeMs)) {
    fail('INVALID_CURSOR', `Cursor has expired (older than ${cursorLifetimeMs} ms); start the query again`, { reason: 'expired' });
  }
  return { range: payload.r, key: payload.k };
}

function tryParse(cursor: string): CursorPayload | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) {
      return undefined;
    }
    const { q, r, k, t, b } = parsed as Record<string, unknown>;
    const rangeOk = typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean';
    if (typeof q !== 'string' || typeof k !== 'string' || !rangeOk) {
      return undefined;
    }
    const payload: CursorPayload = { q, r, k };
    if (typeof t === 'number') payload.t = t;
    if (typeof b === 'string') payload.b = b;
    return payload;
  } catch {
    return undefined;
  }
}
