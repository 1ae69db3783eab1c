import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { installKvsEmulator, MemoryBackend, SqliteBackend, StorageBackend, StoredItem } from '../../../local/kvs';
import { BACKENDS, BackendKind, T0 } from './helpers/harness';
import { TEST_ENTITIES } from './helpers/entities';
import { expectKvsError } from './helpers/expect-error';

const item = (key: string, value: number): StoredItem => ({ ns: 'kvs', entity: '', key, value, createdAt: T0, updatedAt: T0 });

describe.each(BACKENDS)('storage backend atomicity (%s)', (kind: BackendKind) => {
  let dir = '';
  let backend: StorageBackend;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kvs-backend-'));
    backend = kind === 'sqlite' ? new SqliteBackend(join(dir, 'db.sqlite')) : new MemoryBackend();
  });

  afterEach(() => {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rolls back every change of a transaction that throws, including nested ones', () => {
    backend.put(item('kept', 1), []);
    expect(() => backend.transaction(() => {
      backend.put(item('kept', 2), []);
      backend.transaction(() => backend.put(item('new', 3), []));
      backend.delete({ ns: 'kvs', entity: '', key: 'kept' });
      throw new Error('boom');
    })).toThrow('boom');
    expect(backend.get({ ns: 'kvs', entity: '', key: 'kept' }, T0)?.value).toBe(1);
    expect(backend.get({ ns: 'kvs', entity: '', key: 'new' }, T0)).toBeUndefined();
    const scanned = backend.scan({ kind: 'key', ns: 'kvs', entity: '', bounds: {}, direction: 'ASC', limit: 10, now: T0 });
    expect(scanned.map((i) => i.key)).toEqual(['kept']);
  });

  it('an emulator transaction that crashes half-way through applying leaves nothing behind', async () => {
    let puts = 0;
    // Delegates everything to the real backend, except that the second put crashes.
    const crashing: StorageBackend = {
      get: (ref, now) => backend.get(ref, now),
      put: (stored, entries) => {
        if (++puts === 2) throw new Error('disk on fire');
        backend.put(stored, entries);
      },
      delete: (ref) => backend.delete(ref),
      scan: (spec) => backend.scan(spec),
      transaction: (fn) => backend.transaction(fn),
      forEachEntityItem: (entity, visit) => backend.forEachEntityItem(entity, visit),
      readMeta: (name) => backend.readMeta(name),
      writeMeta: (name, value) => backend.writeMeta(name, value),
      close: () => undefined,
    };
    const { emulator, uninstall } = installKvsEmulator({ backend: { kind: 'custom', backend: crashing }, entities: TEST_ENTITIES });
    try {
      await expectKvsError(kvs.transact().set('one', 1).set('two', 2).execute(), 'INTERNAL_SERVER_ERROR', 500);
      expect(puts).toBe(2);
      await expect(kvs.get('one')).resolves.toBeUndefined();
      await expect(kvs.get('two')).resolves.toBeUndefined();
    } finally {
      uninstall();
      emulator.close();
    }
  });
});
