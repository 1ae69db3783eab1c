import { IndexEntry } from '../entity-values';
import { Linger } from './linger';
import { SortedList } from './sorted-list';
import { isLive, ItemRef, ScanSpec, StorageBackend, StoredItem } from './types';

interface StoredRecord {
  item: StoredItem;
  entries: readonly IndexEntry[];
}

/** Undo log entry: the state of one item before the transaction first touched it. */
interface Undo {
  ref: ItemRef;
  before: StoredRecord | undefined;
}

const SEP = '\u0000';
const itemId = (ref: ItemRef): string => [ref.ns, ref.entity, ref.key].join(SEP);
const keySpaceId = (ns: string, entity: string): string => ns + SEP + entity;
const indexId = (entity: string, index: string, partition: string): string => [entity, index, partition].join(SEP);

/** In-memory backend: a map of items plus one sorted list per key space and per index partition. */
export class MemoryBackend implements StorageBackend {
  private readonly items = new Map<string, StoredRecord>();
  private readonly keyLists = new Map<string, SortedList>();
  private readonly indexLists = new Map<string, SortedList>();
  private readonly meta = new Map<string, string>();
  private undo: Undo[] | undefined;

  get(ref: ItemRef, now: number, linger?: Linger): StoredItem | undefined {
    const record = this.items.get(itemId(ref));
    return record && isLive(record.item, now, linger) ? record.item : undefined;
  }

  put(item: StoredItem, entries: readonly IndexEntry[]): void {
    this.remember(item);
    this.unlink(item);
    this.link({ item, entries });
  }

  delete(ref: ItemRef): void {
    this.remember(ref);
    this.unlink(ref);
  }

  scan(spec: ScanSpec): StoredItem[] {
    const list = spec.kind === 'key'
      ? this.keyLists.get(keySpaceId(spec.ns, spec.entity))
      : this.indexLists.get(indexId(spec.entity, spec.index, spec.partition));
    const ns = spec.kind === 'key' ? spec.ns : 'entity';
    const out: StoredItem[] = [];
    if (!list) {
      return out;
    }
    for (const entry of list.scan(spec.bounds, spec.after, spec.direction)) {
      const item = this.get({ ns, entity: spec.entity, key: entry.key }, spec.now, spec.linger);
      if (item) {
        out.push(item);
        if (out.length >= spec.limit) {
          break;
        }
      }
    }
    return out;
  }

  transaction<T>(fn: () => T): T {
    if (this.undo) {
      return fn(); // nested: the outermost call owns the undo log
    }
    const log: Undo[] = [];
    this.undo = log;
    try {
      return fn();
    } catch (error) {
      for (const { ref, before } of log.reverse()) {
        this.unlink(ref);
        if (before) {
          this.link(before);
        }
      }
      throw error;
    } finally {
      this.undo = undefined;
    }
  }

  forEachEntityItem(entity: string, visit: (item: StoredItem) => void): void {
    for (const { item } of this.items.values()) {
      if (item.ns === 'entity' && item.entity === entity) {
        visit(item);
      }
    }
  }

  readMeta(name: string): string | undefined {
    return this.meta.get(name);
  }

  writeMeta(name: string, value: string): void {
    this.meta.set(name, value);
  }

  close(): void {
    // Nothing to release.
  }

  private remember(ref: ItemRef): void {
    if (this.undo && !this.undo.some((u) => itemId(u.ref) === itemId(ref))) {
      this.undo.push({ ref: { ns: ref.ns, entity: ref.entity, key: ref.key }, before: this.items.get(itemId(ref)) });
    }
  }

  private link(record: StoredRecord): void {
    const { item, entries } = record;
    this.items.set(itemId(item), record);
    listFor(this.keyLists, keySpaceId(item.ns, item.entity)).insert({ range: item.key, key: item.key });
    for (const e of entries) {
      listFor(this.indexLists, indexId(item.entity, e.index, e.partition)).insert({ range: e.range, key: item.key });
    }
  }

  private unlink(ref: ItemRef): void {
    const record = this.items.get(itemId(ref));
    if (!record) {
      return;
    }
    this.items.delete(itemId(ref));
    this.keyLists.get(keySpaceId(ref.ns, ref.entity))?.remove({ range: ref.key, key: ref.key });
    for (const e of record.entries) {
      this.indexLists.get(indexId(ref.entity, e.index, e.partition))?.remove({ range: e.range, key: ref.key });
    }
  }
}

function listFor(lists: Map<string, SortedList>, id: string): SortedList {
  let list = lists.get(id);
  if (!list) {
    list = new SortedList();
    lists.set(id, list);
  }
  return list;
}
