import { kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { BACKENDS, T0, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';
import { PageView } from './helpers/entities';

const views = kvs.entity<PageView>('page-view');

async function store(items: Array<[string, PageView]>): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    await kvs.batchSet(items.slice(i, i + 25).map(([key, value]) => ({ key, value, entityName: 'page-view' })));
  }
}

const keysOf = (r: { results: Array<{ key: string }> }): string[] => r.results.map((x) => x.key);

describe.each(BACKENDS)('custom entity index queries (%s)', (kind) => {
  useEmulator(kind);

  beforeEach(async () => {
    // day values deliberately unsorted by key; ties on day 3 are ordered by key.
    await store([
      ['k5', { space: 'A', page: 'p1', day: 3, title: 'beta' }],
      ['k1', { space: 'A', page: 'p1', day: 1, title: 'alpha' }],
      ['k3', { space: 'A', page: 'p2', day: 3, title: 'alphabet' }],
      ['k2', { space: 'B', page: 'p1', day: 2, title: 'gamma' }],
      ['k4', { space: 'A', page: 'p1', day: 5, title: 'Alpha' }],
      ['k0', { space: 'A', page: 'p2', day: 10 }],
      ['k6', { space: 'A' }], // no day: absent from every day index (sparse)
    ]);
  });

  it('orders by the range attribute, then key', async () => {
    expect(keysOf(await views.query().index('day').getMany())).toEqual(['k1', 'k2', 'k3', 'k5', 'k4', 'k0']);
  });

  it('restricts to one partition, and to a compound partition', async () => {
    expect(keysOf(await views.query().index('by-space-day', { partition: ['A'] }).getMany())).toEqual(['k1', 'k3', 'k5', 'k4', 'k0']);
    expect(keysOf(await views.query().index('by-space-day', { partition: ['B'] }).getMany())).toEqual(['k2']);
    expect(keysOf(await views.query().index('by-space-page-day', { partition: ['A', 'p2'] }).getMany())).toEqual(['k3', 'k0']);
  });

  it.each([
    ['BETWEEN (inclusive)', WhereConditions.between(2, 5), ['k2', 'k3', 'k5', 'k4']],
    ['EQUAL_TO', WhereConditions.equalTo(3), ['k3', 'k5']],
    ['GREATER_THAN', WhereConditions.greaterThan(3), ['k4', 'k0']],
    ['GREATER_THAN_EQUAL_TO', WhereConditions.greaterThanEqualTo(3), ['k3', 'k5', 'k4', 'k0']],
    ['LESS_THAN', WhereConditions.lessThan(3), ['k1', 'k2']],
    ['LESS_THAN_EQUAL_TO', WhereConditions.lessThanEqualTo(3), ['k1', 'k2', 'k3', 'k5']],
  ])('applies range condition %s', async (_label, where, expected) => {
    expect(keysOf(await views.query().index('day').where(where).getMany())).toEqual(expected);
  });

  it('applies BEGINS_WITH on a string range, case-sensitively, in code point order', async () => {
    expect(keysOf(await views.query().index('title').where(WhereConditions.beginsWith('alpha')).getMany())).toEqual(['k1', 'k3']);
    expect(keysOf(await views.query().index('title').getMany())).toEqual(['k4', 'k1', 'k3', 'k5', 'k2']);
  });

  it('sorts DESC by range then key', async () => {
    const result = await views.query().index('by-space-day', { partition: ['A'] }).where(WhereConditions.lessThan(10)).sort(Sort.DESC).getMany();
    expect(keysOf(result)).toEqual(['k4', 'k5', 'k3', 'k1']);
  });

  it('queries the built-in by-key index', async () => {
    expect(keysOf(await views.query().index('by-key').where(WhereConditions.beginsWith('k')).limit(3).getMany())).toEqual(['k0', 'k1', 'k2']);
    expect(keysOf(await views.query().index('by-key').sort(Sort.DESC).limit(2).getMany())).toEqual(['k6', 'k5']);
  });

  it('moves an item between index positions when its value changes', async () => {
    await views.set('k1', { space: 'B', day: 99 });
    expect(keysOf(await views.query().index('by-space-day', { partition: ['A'] }).getMany())).toEqual(['k3', 'k5', 'k4', 'k0']);
    expect(keysOf(await views.query().index('day').where(WhereConditions.greaterThan(10)).getMany())).toEqual(['k1']);
    expect(keysOf(await views.query().index('title').getMany())).not.toContain('k1');
  });

  it('orders float and boolean ranges', async () => {
    await store([['f1', { score: 2.5 }], ['f2', { score: -1e10 }], ['f3', { score: 0.001 }], ['b1', { pinned: true }], ['b2', { pinned: false }]]);
    expect(keysOf(await views.query().index('by-score').getMany())).toEqual(['f2', 'f3', 'f1']);
    expect(keysOf(await views.query().index('by-pinned').getMany())).toEqual(['b2', 'b1']);
    expect(keysOf(await views.query().index('by-pinned').where(WhereConditions.equalTo(true)).getMany())).toEqual(['b1']);
  });

  it('returns requested metadata', async () => {
    const result = await views.query({ metadataFields: [MetadataField.UPDATED_AT] }).index('day').limit(1).getMany();
    expect(result.results).toEqual([{ key: 'k1', value: { space: 'A', page: 'p1', day: 1, title: 'alpha' }, updatedAt: T0 }]);
  });

  it('refuses unknown indexes, unknown entities and wrong partitions', async () => {
    await expectKvsError(views.query().index('nope').getMany(), 'INVALID_ENTITY_INDEX', 400);
    await expectKvsError(kvs.entity('nope').query().index('day').getMany(), 'INVALID_ENTITY_TYPE', 400);
    await expectKvsError(views.query().index('by-space-day').getMany(), 'INVALID_PARTITION', 400);
    await expectKvsError(views.query().index('by-space-day', { partition: ['A', 'x'] }).getMany(), 'INVALID_PARTITION', 400);
    await expectKvsError(views.query().index('by-space-day', { partition: [7] }).getMany(), 'INVALID_PARTITION', 400);
  });

  it('refuses range conditions that do not fit the range type', async () => {
    await expectKvsError(views.query().index('day').where(WhereConditions.beginsWith('1')).getMany(), 'INVALID_FILTER_CONDITION', 400);
    await expectKvsError(views.query().index('day').where(WhereConditions.equalTo('3')).getMany(), 'INVALID_FILTER_VALUES', 400);
  });

  it.each([0, 101])('refuses limit %p with COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', async (limit) => {
    await expectKvsError(views.query().index('day').limit(limit).getMany(), 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 400);
  });
});

describe.each(BACKENDS)('custom entity query paging (%s)', (kind) => {
  useEmulator(kind);

  it.each([Sort.ASC, Sort.DESC])('pages 250 items in a partition with cursors (%s)', async (sort) => {
    const items: Array<[string, PageView]> = Array.from({ length: 250 }, (_, i) => [`v${String(i).padStart(3, '0')}`, { space: 'S', day: i % 50 }]);
    items.push(['other', { space: 'T', day: 1 }]);
    await store(items);
    const expected = items.filter(([, v]) => v.space === 'S')
      .sort(([ka, a], [kb, b]) => (a.day ?? 0) - (b.day ?? 0) || (ka < kb ? -1 : 1)).map(([k]) => k);
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const query = views.query().index('by-space-day', { partition: ['S'] }).sort(sort).limit(100);
      const page = await (cursor ? query.cursor(cursor) : query).getMany();
      sizes.push(page.results.length);
      seen.push(...keysOf(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([100, 100, 50]);
    expect(seen).toEqual(sort === Sort.ASC ? expected : [...expected].reverse());
  });

  it('refuses a cursor reused with a different partition', async () => {
    await store([['a', { space: 'S', day: 1 }], ['b', { space: 'S', day: 2 }]]);
    const first = await views.query().index('by-space-day', { partition: ['S'] }).limit(1).getMany();
    const reuse = views.query().index('by-space-day', { partition: ['T'] }).cursor(first.nextCursor as string).getMany();
    await expectKvsError(reuse, 'INVALID_CURSOR', 400);
  });
});
