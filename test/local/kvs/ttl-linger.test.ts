/**
 * strictness.ttlLingerMaxMs: Forge deletes expired data asynchronously, "up to 48 hours", and
 * "read operations may still return expired results" meanwhile. Each item lingers for its own
 * seeded random while; never past the maximum.
 */
import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { BACKENDS, T0, useEmulator } from './helpers/harness';

const HOUR = 3_600_000;
const MAX = 48 * HOUR;
const COUNT = 40;
const keys = Array.from({ length: COUNT }, (_, i) => `t:${String(i).padStart(2, '0')}`);

/** COUNT plain keys and COUNT entities, all expiring 1 s after T0. */
async function writeExpiring(): Promise<void> {
  for (let i = 0; i < COUNT; i += 20) {
    const slice = keys.slice(i, i + 20);
    await kvs.batchSet(slice.map((key) => ({ key, value: key, options: { ttl: { value: 1, unit: 'SECONDS' as const } } })));
    await kvs.batchSet(slice.map((key, j) => ({ key, value: { day: i + j }, entityName: 'page-view', options: { ttl: { value: 1, unit: 'SECONDS' as const } } })));
  }
}

async function readableByGet(): Promise<string[]> {
  const found: string[] = [];
  for (const key of keys) {
    if ((await kvs.get(key)) !== undefined) found.push(key);
  }
  return found;
}

async function readableByBatch(): Promise<string[]> {
  const found: string[] = [];
  for (let i = 0; i < COUNT; i += 20) {
    const { successfulKeys } = await kvs.batchGet(keys.slice(i, i + 20).map((key) => ({ key })));
    found.push(...successfulKeys.map((r) => r.key));
  }
  return found;
}

async function readableByKeyQuery(): Promise<string[]> {
  return (await kvs.query().where('key', WhereConditions.beginsWith('t:')).limit(100).getMany()).results.map((r) => r.key);
}

async function readableByEntityQuery(): Promise<string[]> {
  return (await kvs.entity('page-view').query().index('day').limit(100).getMany()).results.map((r) => r.key);
}

async function readableByEntityGet(): Promise<string[]> {
  const found: string[] = [];
  for (const key of keys) {
    if ((await kvs.entity('page-view').get(key)) !== undefined) found.push(key);
  }
  return found;
}

describe.each(BACKENDS)('TTL linger (%s)', (kind) => {
  const h = useEmulator(kind, { strictness: { ttlLingerMaxMs: MAX } });

  it('keeps some expired items readable a day after expiry, the same ones through every read path', async () => {
    await writeExpiring();
    h().clock.advance(24 * HOUR);
    const byGet = await readableByGet();
    expect(byGet.length).toBeGreaterThan(0);
    expect(byGet.length).toBeLessThan(COUNT);
    expect(await readableByBatch()).toEqual(byGet);
    expect(await readableByKeyQuery()).toEqual(byGet);
    // Entities have the same keys but another namespace, so they draw their own lingers.
    const entities = await readableByEntityGet();
    expect(entities.length).toBeGreaterThan(0);
    expect(entities.length).toBeLessThan(COUNT);
    expect([...(await readableByEntityQuery())].sort()).toEqual(entities);
  });

  it('reports the past expireTime of a lingering item, so an app can ignore it', async () => {
    await writeExpiring();
    h().clock.advance(24 * HOUR);
    const [key] = await readableByGet();
    await expect(kvs.get(key!, { metadataFields: [MetadataField.EXPIRE_TIME] })).resolves.toEqual({ key, value: key, expireTime: new Date(T0 + 1_000).toISOString() });
  });

  it('never brings back an item once it is gone, and nothing is readable 48 h after expiry', async () => {
    await writeExpiring();
    let previous = new Set(keys);
    for (let hours = 0; hours <= 48; hours += 6) {
      h().clock.set(T0 + 1_000 + hours * HOUR);
      const now = await readableByGet();
      expect(now.every((key) => previous.has(key))).toBe(true);
      previous = new Set(now);
    }
    h().clock.set(T0 + 1_000 + MAX);
    expect(await readableByGet()).toEqual([]);
    expect(await readableByBatch()).toEqual([]);
    expect(await readableByKeyQuery()).toEqual([]);
    expect(await readableByEntityQuery()).toEqual([]);
  });

  it('draws the same lingers for the same seed', async () => {
    await writeExpiring();
    h().clock.advance(24 * HOUR);
    const first = await readableByGet();
    if (kind === 'sqlite') {
      h().reopen({ strictness: { ttlLingerMaxMs: MAX } });
      expect(await readableByGet()).toEqual(first);
      h().reopen({ seed: 43, strictness: { ttlLingerMaxMs: MAX } });
      expect(await readableByGet()).not.toEqual(first);
    }
  });
});

describe.each(BACKENDS)('TTL by default (%s)', (kind) => {
  const h = useEmulator(kind);

  it('hides every item at its expiry, as before', async () => {
    await writeExpiring();
    h().clock.advance(1_000);
    expect(await readableByGet()).toEqual([]);
    expect(await readableByEntityQuery()).toEqual([]);
  });
});
