import Database from 'better-sqlite3';
import { IndexEntry } from '../entity-values';
import { JsonValue } from '../json';
import { Linger, lingerMs } from './linger';
import { buildScanSql, DDL, LINGER_FUNCTION, SqlParam, sqlValue } from './sqlite-sql';
import { isLive, ItemRef, Namespace, ScanSpec, StorageBackend, StoredItem } from './types';

interface ItemRow {
  key: string;
  value: string;
  created_at: number;
  updated_at: number;
  expire_at: number | null;
}

/** Page size used when walking a whole entity (index rebuild), to keep memory flat. */
const REBUILD_PAGE = 1000;

/**
 * SQLite backend (better-sqlite3, one database file, WAL mode). better-sqlite3 is synchronous,
 * which is exactly what the emulator needs (see StorageBackend); transactions map onto
 * BEGIN/COMMIT, nested ones onto savepoints.
 */
const GROUP_COMMIT_MS = 20;

export class SqliteBackend implements StorageBackend {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement<SqlParam[], ItemRow>>();

  private depth = 0;
  private groupTimer: NodeJS.Timeout | undefined;

  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode, and much faster than FULL.
    this.db.pragma('synchronous = NORMAL');
    // 64 MiB page cache (default 2 MiB): keeps the upper B-tree levels of multi-million-row
    // tables and indexes in memory, so a page read stays a handful of page fetches.
    this.db.pragma('cache_size = -65536');
    this.db.exec(DDL);
    // The same per-item linger as the memory backend, computed inside scans so a page stays one query.
    this.db.function(LINGER_FUNCTION, { deterministic: true }, (ns, entity, key, expireAt, seed, maxMs) =>
      lingerMs({ ns: String(ns), entity: String(entity), key: String(key) }, Number(expireAt), { seed: Number(seed), maxMs: Number(maxMs) }));
  }

  get(ref: ItemRef, now: number, linger?: Linger): StoredItem | undefined {
    const row = this.stmt('SELECT key, value, created_at, updated_at, expire_at FROM items WHERE ns = ? AND entity = ? AND key = ?')
      .get(ref.ns, ref.entity, ref.key);
    const item = row && toItem(ref.ns, ref.entity, row);
    return item && isLive(item, now, linger) ? item : undefined;
  }

  put(item: StoredItem, entries: readonly IndexEntry[]): void {
    this.transaction(() => {
      this.stmt(`INSERT INTO items (ns, entity, key, value, created_at, updated_at, expire_at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (ns, entity, key) DO UPDATE SET value = excluded.value, created_at = excluded.created_at,
        updated_at = excluded.updated_at, expire_at = excluded.expire_at`)
        .run(item.ns, item.entity, item.key, JSON.stringify(item.value), item.createdAt, item.updatedAt, item.expireAt ?? null);
      if (item.ns === 'entity') {
        this.stmt('DELETE FROM index_entries WHERE entity = ? AND key = ?').run(item.entity, item.key);
        const insert = this.stmt('INSERT INTO index_entries (entity, idx, part, rval, key) VALUES (?, ?, ?, ?, ?)');
        for (const e of entries) {
          insert.run(item.entity, e.index, e.partition, sqlValue(e.range), item.key);
        }
      }
    });
  }

  delete(ref: ItemRef): void {
    this.transaction(() => {
      this.stmt('DELETE FROM items WHERE ns = ? AND entity = ? AND key = ?').run(ref.ns, ref.entity, ref.key);
      if (ref.ns === 'entity') {
        this.stmt('DELETE FROM index_entries WHERE entity = ? AND key = ?').run(ref.entity, ref.key);
      }
    });
  }

  scan(spec: ScanSpec): StoredItem[] {
    const { sql, params } = buildScanSql(spec);
    const ns = spec.kind === 'key' ? spec.ns : 'entity';
    return this.stmt(sql).all(...params).map((row) => toItem(ns, spec.entity, row));
  }

  transaction<T>(fn: () => T): T {
    // Nested calls just run: a savepoint per nested call costs ~2x on bulk loads, and the outer
    // call already rolls everything back if fn throws.
    if (this.depth > 0) return fn();
    this.openGroup();
    this.depth += 1;
    try {
      // Inside the open group this is a SAVEPOINT: one request's failure undoes only that request.
      return this.db.transaction(fn)();
    } finally {
      this.depth -= 1;
    }
  }

  /**
   * Group commit: requests are applied inside one SQLite transaction that is committed every few
   * milliseconds, instead of one commit (a WAL append and its syscalls) per request. Each request
   * is still atomic (a savepoint) and visible to the next at once, since there is one connection;
   * a crash of the emulator loses at most the last few milliseconds of writes.
   */
  private openGroup(): void {
    if (this.db.inTransaction) return;
    this.db.exec('BEGIN');
    this.groupTimer = setTimeout(() => this.commitGroup(), GROUP_COMMIT_MS);
    this.groupTimer.unref();
  }

  private commitGroup(): void {
    clearTimeout(this.groupTimer);
    this.groupTimer = undefined;
    if (this.db.open && this.db.inTransaction) this.db.exec('COMMIT');
  }

  forEachEntityItem(entity: string, visit: (item: StoredItem) => void): void {
    let after = '';
    for (;;) {
      // Read a page before visiting: the visitor writes, and a statement cannot write mid-iteration.
      const rows = this.stmt(`SELECT key, value, created_at, updated_at, expire_at FROM items
        WHERE ns = 'entity' AND entity = ? AND key > ? ORDER BY key LIMIT ${REBUILD_PAGE}`).all(entity, after);
      rows.forEach((row) => visit(toItem('entity', entity, row)));
      const last = rows[rows.length - 1];
      if (!last || rows.length < REBUILD_PAGE) {
        return;
      }
      after = last.key;
    }
  }

  readMeta(name: string): string | undefined {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE name = ?').get(name);
    return row?.value;
  }

  writeMeta(name: string, value: string): void {
    this.db.prepare('INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value')
      .run(name, value);
  }

  close(): void {
    this.commitGroup();
    if (this.db.open) {
      this.db.close();
    }
  }

  /** Prepared statements are cached by SQL text; scans only have a handful of shapes. */
  private stmt(sql: string): Database.Statement<SqlParam[], ItemRow> {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare<SqlParam[], ItemRow>(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function toItem(ns: Namespace, entity: string, row: ItemRow): StoredItem {
  const item: StoredItem = {
    ns,
    entity,
    key: row.key,
    value: JSON.parse(row.value) as JsonValue,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.expire_at !== null) {
    item.expireAt = row.expire_at;
  }
  return item;
}
