import { AndFilter, Filter, FilterConditions, kvs, OrFilter, Sort, WhereConditions } from '@forge/kvs';
import { BACKENDS, useEmulator } from './helpers/harness';
import { expectKvsError, rawPost } from './helpers/expect-error';
import { PageView } from './helpers/entities';

const views = kvs.entity<PageView>('page-view');
type Condition = ReturnType<(typeof FilterConditions)[keyof typeof FilterConditions]>;

const keysOf = (r: { results: Array<{ key: string }> }): string[] => r.results.map((x) => x.key);

describe.each(BACKENDS)('custom entity query filters (%s)', (kind) => {
  const h = useEmulator(kind);

  beforeEach(async () => {
    await kvs.batchSet<unknown>([
      { key: 'a', value: { day: 1, title: 'Release notes', views: 10, pinned: true } },
      { key: 'b', value: { day: 2, title: 'Roadmap', views: 50 } },
      { key: 'c', value: { day: 3, views: 5, pinned: false } },
      { key: 'd', value: { day: 4, title: 'Retro notes', views: 100, pinned: true } },
    ].map((item) => ({ ...item, entityName: 'page-view' })));
  });

  const filtered = async (filter: AndFilter<PageView> | OrFilter<PageView>): Promise<string[]> =>
    keysOf(await views.query().index('day').filters(filter).getMany());

  it.each<[string, keyof PageView, Condition, string[]]>([
    ['EXISTS', 'title', FilterConditions.exists(), ['a', 'b', 'd']],
    ['NOT_EXISTS', 'title', FilterConditions.notExists(), ['c']],
    ['CONTAINS', 'title', FilterConditions.contains('notes'), ['a', 'd']],
    ['NOT_CONTAINS (missing attribute passes)', 'title', FilterConditions.notContains('notes'), ['b', 'c']],
    ['EQUAL_TO', 'pinned', FilterConditions.equalTo(true), ['a', 'd']],
    ['NOT_EQUAL_TO (missing attribute passes)', 'pinned', FilterConditions.notEqualTo(true), ['b', 'c']],
    ['BEGINS_WITH', 'title', FilterConditions.beginsWith('R'), ['a', 'b', 'd']],
    ['BETWEEN', 'views', FilterConditions.between(10, 50), ['a', 'b']],
    ['GREATER_THAN', 'views', FilterConditions.greaterThan(10), ['b', 'd']],
    ['GREATER_THAN_EQUAL_TO', 'views', FilterConditions.greaterThanEqualTo(10), ['a', 'b', 'd']],
    ['LESS_THAN', 'views', FilterConditions.lessThan(10), ['c']],
    ['LESS_THAN_EQUAL_TO', 'views', FilterConditions.lessThanEqualTo(10), ['a', 'c']],
  ])('filters with %s', async (_label, attr, condition, expected) => {
    await expect(filtered(new Filter<PageView>().and(attr, condition))).resolves.toEqual(expected);
  });

  it('combines conditions with and / or', async () => {
    const and = new Filter<PageView>().and('pinned', FilterConditions.equalTo(true)).and('views', FilterConditions.greaterThan(50));
    await expect(filtered(and)).resolves.toEqual(['d']);
    const or = new Filter<PageView>().or('views', FilterConditions.lessThan(6)).or('title', FilterConditions.equalTo('Roadmap'));
    await expect(filtered(or)).resolves.toEqual(['b', 'c']);
  });

  it('combines partition, range, filters and sort', async () => {
    await kvs.batchSet<unknown>([
      { key: 's1', value: { space: 'X', day: 1, views: 1 } },
      { key: 's2', value: { space: 'X', day: 2, views: 20 } },
      { key: 's3', value: { space: 'X', day: 3, views: 30 } },
      { key: 's4', value: { space: 'Y', day: 3, views: 30 } },
    ].map((item) => ({ ...item, entityName: 'page-view' })));
    const result = await views.query().index('by-space-day', { partition: ['X'] })
      .where(WhereConditions.greaterThan(1)).filters(new Filter<PageView>().and('views', FilterConditions.greaterThanEqualTo(20)))
      .sort(Sort.DESC).getMany();
    expect(keysOf(result)).toEqual(['s3', 's2']);
  });

  it('applies filters after the limit: a page can be empty and still have a cursor', async () => {
    const query = () => views.query().index('day').filters(new Filter<PageView>().and('views', FilterConditions.equalTo(100))).limit(2);
    const first = await query().getMany();
    expect(first.results).toEqual([]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await query().cursor(first.nextCursor as string).getMany();
    expect(keysOf(second)).toEqual(['d']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('refuses filters on `any` or undeclared attributes with 422', async () => {
    await expectKvsError(views.query().index('day').filters(new Filter<PageView>().and('extra', FilterConditions.exists())).getMany(), 'INVALID_FILTER_ATTRIBUTE', 422);
    const undeclared = new Filter<PageView>().and('nope' as keyof PageView, FilterConditions.exists());
    await expectKvsError(views.query().index('day').filters(undeclared).getMany(), 'INVALID_FILTER_ATTRIBUTE', 422);
  });

  it('refuses conditions that do not fit the attribute type', async () => {
    const containsOnNumber = new Filter<PageView>().and('views', FilterConditions.contains('1'));
    await expectKvsError(views.query().index('day').filters(containsOnNumber).getMany(), 'INVALID_FILTER_CONDITION', 400);
    const stringForNumber = new Filter<PageView>().and('views', FilterConditions.equalTo('10'));
    await expectKvsError(views.query().index('day').filters(stringForNumber).getMany(), 'INVALID_FILTER_VALUES', 400);
  });

  it('validates filter structure with the documented codes', async () => {
    const post = (filters: unknown) => rawPost((p, i) => h().emulator.fetch(p, i), '/api/v1/entity/query', { entityName: 'page-view', indexName: 'day', filters });
    const item = (condition: string, values: unknown[]) => ({ property: 'views', condition, values });
    await expect(post({ and: [item('EXISTS', [true])], or: [item('EXISTS', [true])] })).resolves.toMatchObject({ status: 400, json: { code: 'INVALID_FILTER_OPERATORS_COMBINATION' } });
    await expect(post({ and: [] })).resolves.toMatchObject({ status: 400, json: { code: 'EMPTY_FILTER_OPERATOR' } });
    await expect(post({ and: [item('BETWEEN', [1])] })).resolves.toMatchObject({ status: 400, json: { code: 'INSUFFICIENT_FILTER_VALUES' } });
    await expect(post({ and: [item('LIKE', [1])] })).resolves.toMatchObject({ status: 400, json: { code: 'INVALID_FILTER_CONDITION' } });
    await expect(post({ and: Array.from({ length: 101 }, () => item('EXISTS', [true])) })).resolves.toMatchObject({ status: 400, json: { code: 'MAX_CONDITIONS_EXCEEDED' } });
    await expect(post({ and: Array.from({ length: 100 }, () => item('EXISTS', [true])) })).resolves.toMatchObject({ status: 200 });
  });
});
