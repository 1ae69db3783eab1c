import { IndexValue } from '../compare';
import { Bound, ScanSpec } from './types';

/**
 * Schema. Items live in one rowid table (values can be 240 KiB, too big for WITHOUT ROWID);
 * index rows are small, so they sit in a WITHOUT ROWID table whose primary key IS the sort
 * order (entity, index, partition, range value, key): a page is one B-tree range read.
 * `rval` has no declared type, so SQLite keeps numbers numeric and strings text; TEXT uses
 * BINARY collation, i.e. UTF-8 byte order = code point order, like compare.ts.
 */
export const DDL = `
CREATE TABLE IF NOT EXISTS items (
  id INTEGER PRIMARY KEY,
  ns TEXT NOT NULL,
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  expire_at INTEGER,
  UNIQUE (ns, entity, key)
);
CREATE TABLE IF NOT EXISTS index_entries (
  entity TEXT NOT NULL,
  idx TEXT NOT NULL,
  part TEXT NOT NULL,
  rval NOT NULL,
  key TEXT NOT NULL,
  PRIMARY KEY (entity, idx, part, rval, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS index_entries_by_item ON index_entries (entity, key);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;

/** SQL function registered by SqliteBackend: lingerMs() of one row (see linger.ts). */
export const LINGER_FUNCTION = 'kvs_linger_ms';

export type SqlParam = string | number | null;

/** Booleans are stored as 0/1 so that false < true, as in compare.ts. */
export function sqlValue(value: IndexValue): string | number {
  return typeof value === 'boolean' ? Number(value) : value;
}

export interface ScanSql {
  sql: string;
  params: SqlParam[];
}

const ITEM_COLUMNS = 'it.key AS key, it.value AS value, it.created_at AS created_at, it.updated_at AS updated_at, it.expire_at AS expire_at';

/**
 * Builds the page query for a scan. The SQL text depends only on the shape of the scan
 * (which bounds, cursor, direction), so prepared statements can be cached by text.
 */
export function buildScanSql(spec: ScanSpec): ScanSql {
  const asc = spec.direction === 'ASC';
  const where: string[] = [];
  const params: SqlParam[] = [];
  let from: string;
  let sortCol: string;
  let order: string;
  if (spec.kind === 'key') {
    from = 'items it';
    sortCol = 'it.key';
    order = `it.key ${asc ? 'ASC' : 'DESC'}`;
    where.push('it.ns = ?', 'it.entity = ?');
    params.push(spec.ns, spec.entity);
    if (spec.after) {
      where.push(`it.key ${asc ? '>' : '<'} ?`);
      params.push(spec.after.key);
    }
  } else {
    // CROSS JOIN fixes the loop order: walk the index in order, look each item up by key.
    from = "index_entries e CROSS JOIN items it ON it.ns = 'entity' AND it.entity = e.entity AND it.key = e.key";
    sortCol = 'e.rval';
    order = asc ? 'e.rval ASC, e.key ASC' : 'e.rval DESC, e.key DESC';
    where.push('e.entity = ?', 'e.idx = ?', 'e.part = ?');
    params.push(spec.entity, spec.index, spec.partition);
    if (spec.after) {
      where.push(`(e.rval, e.key) ${asc ? '>' : '<'} (?, ?)`);
      params.push(sqlValue(spec.after.range), spec.after.key);
    }
  }
  addBound(where, params, sortCol, spec.bounds.lower, '>');
  addBound(where, params, sortCol, spec.bounds.upper, '<');
  if (spec.linger && spec.linger.maxMs > 0) {
    where.push(`(it.expire_at IS NULL OR it.expire_at > ? OR it.expire_at + ${LINGER_FUNCTION}(it.ns, it.entity, it.key, it.expire_at, ?, ?) > ?)`);
    params.push(spec.now, spec.linger.seed, spec.linger.maxMs, spec.now);
  } else {
    where.push('(it.expire_at IS NULL OR it.expire_at > ?)');
    params.push(spec.now);
  }
  params.push(spec.limit);
  return { sql: `SELECT ${ITEM_COLUMNS} FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`, params };
}

function addBound(where: string[], params: SqlParam[], column: string, bound: Bound | undefined, op: '>' | '<'): void {
  if (bound) {
    where.push(`${column} ${op}${bound.inclusive ? '=' : ''} ?`);
    params.push(sqlValue(bound.value));
  }
}
