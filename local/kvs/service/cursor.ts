import { createHash } from 'node:crypto';
import { ScanPosition } from '../backend/types';
import { fail } from '../errors';

/**
 * Cursors are opaque base64url JSON: the last scanned position plus a hash of the query it
 * belongs to. The docs say a cursor must be reused with the same query parameters; reusing it
 * with a different query is answered with INVALID_CURSOR rather than silently wrong pages.
 * The page size (limit) is not part of the query identity and may change between pages.
 */
interface CursorPayload {
  q: string;
  r: string | number | boolean;
  k: string;
}

function queryHash(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}

export function encodeCursor(scope: string, position: ScanPosition): string {
  const payload: CursorPayload = { q: queryHash(scope), r: position.range, k: position.key };
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

export function decodeCursor(scope: string, cursor: string): ScanPosition {
  const payload = tryParse(cursor);
  if (!payload) {
    fail('INVALID_CURSOR', 'Cursor is malformed');
  }
  if (payload.q !== queryHash(scope)) {
    fail('INVALID_CURSOR', 'Cursor belongs to a different query');
  }
  return { range: payload.r, key: payload.k };
}

function tryParse(cursor: string): CursorPayload | undefined {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) {
      return undefined;
    }
    const { q, r, k } = parsed as Record<string, unknown>;
    const rangeOk = typeof r === 'string' || typeof r === 'number' || typeof r === 'boolean';
    return typeof q === 'string' && typeof k === 'string' && rangeOk ? { q, r, k } : undefined;
  } catch {
    return undefined;
  }
}
