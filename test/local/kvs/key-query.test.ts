import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { BACKENDS, T0, useEmulator } from './helpers/harness';
import { expectKvsError, rawPost } from './helpers/expect-error';

/** Code point order, the order the service promises ("keys are lexicographically ordered"). */
function codePointSort(keys: string[]): string[] {
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function setMany(keys: string[]): Promise<void> {
  for (let i = 0; i < keys.length; i += 25) {
    await kvs.batchSet(keys.slice(i, i + 25).map((key) => ({ key, value: key })));
  }
}

describe.each(BACKENDS)('kvs.query() (%s)', (kind) => {
  const h = useEmulator(kind);

  it('returns keys in lexicographic order, whatever the insertion order', async () => {
    const keys = ['b', 'B', 'a:2', 'a:10', 'a:1', '_x', '9', 'a', 'a b', 'A-z', 'z#'];
    await setMany(keys);
    const { results, nextCursor } = await kvs.query().limit(100).getMany();
    expect(results.map((r) => r.key)).toEqual(codePointSort(keys));
    expect(nextCursor).toBeUndefined();
  });

  it('filters with where key BEGINS_WITH', async () => {
    await setMany(['user:1', 'user:2', 'users', 'account:1', 'use']);
    const { results } = await kvs.query().where('key', WhereConditions.beginsWith('user:')).getMany();
    expect(results).toEqual([{ key: 'user:1', value: 'user:1' }, { key: 'user:2', value: 'user:2' }]);
  });

  it('returns 10 results by default and accepts up to 100', async () => {
    await setMany(Array.from({ length: 120 }, (_, i) => `k${String(i).padStart(3, '0')}`));
    expect((await kvs.query().getMany()).results).toHaveLength(10);
    expect((await kvs.query().limit(100).getMany()).results).toHaveLength(100);
    expect(await kvs.query().getOne()).toEqual({ key: 'k000', value: 'k000' });
  });

  it.each([101, 0, 2.5])('refuses limit %p with LIST_QUERY_LIMIT_EXCEEDED', async (limit) => {
    await expectKvsError(kvs.query().limit(limit).getMany(), 'LIST_QUERY_LIMIT_EXCEEDED', 400);
  });

  it('pages through 250 keys with cursors: 100, 100, 50, then no cursor', async () => {
    const keys = Array.from({ length: 250 }, (_, i) => `page:${String(i).padStart(3, '0')}`);
    await setMany([...keys].reverse());
    await setMany(['other:1', 'pagf']); // outside the prefix on both sides
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const query = kvs.query().where('key', WhereConditions.beginsWith('page:')).limit(100);
      const page = await (cursor ? query.cursor(cursor) : query).getMany();
      sizes.push(page.results.length);
      seen.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([100, 100, 50]);
    expect(seen).toEqual(keys);
  });

  it('gives no cursor when the last page is exactly full', async () => {
    await setMany(Array.from({ length: 20 }, (_, i) => `e${String(i).padStart(2, '0')}`));
    const first = await kvs.query().limit(10).getMany();
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await kvs.query().limit(10).cursor(first.nextCursor as string).getMany();
    expect(second.results.map((r) => r.key)).toEqual(Array.from({ length: 10 }, (_, i) => `e${i + 10}`));
    expect(second.nextCursor).toBeUndefined();
  });

  it('refuses a malformed cursor, or one from a different query, with INVALID_CURSOR', async () => {
    await setMany(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
    const { nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('a')).limit(1).getMany();
    await expectKvsError(kvs.query().cursor('not-a-cursor').getMany(), 'INVALID_CURSOR', 400);
    const otherQuery = kvs.query().where('key', WhereConditions.beginsWith('b')).cursor(nextCursor as string);
    await expectKvsError(otherQuery.getMany(), 'INVALID_CURSOR', 400);
  });

  it('returns requested metadata in results', async () => {
    await kvs.set('m', 1, { ttl: { value: 1, unit: 'MINUTES' } });
    const { results } = await kvs.query({ metadataFields: [MetadataField.CREATED_AT, MetadataField.EXPIRE_TIME] }).getMany();
    expect(results).toEqual([{ key: 'm', value: 1, createdAt: T0, expireTime: new Date(T0 + 60_000).toISOString() }]);
  });

  it('validates where clauses with the documented codes', async () => {
    const post = (body: unknown) => rawPost((p, i) => h().emulator.fetch(p, i), '/api/v1/query', body);
    const where = (property: string, condition: string, values: unknown[]) => ({ property, condition, values });
    await expect(post({ where: [where('value', 'BEGINS_WITH', ['a'])] })).resolves.toMatchObject({ status: 400, json: { code: 'QUERY_WHERE_FIELD_INVALID' } });
    await expect(post({ where: [where('key', 'BEGINS_WITH', ['a']), where('key', 'BEGINS_WITH', ['b'])] }))
      .resolves.toMatchObject({ status: 400, json: { code: 'QUERY_WHERE_INVALID' } });
    await expect(post({ where: [where('key', 'EQUAL_TO', ['a'])] })).resolves.toMatchObject({ status: 400, json: { code: 'INVALID_FILTER_CONDITION' } });
    await expect(post({ where: [where('key', 'BEGINS_WITH', [])] })).resolves.toMatchObject({ status: 400, json: { code: 'INVALID_FILTER_VALUES' } });
  });
});
