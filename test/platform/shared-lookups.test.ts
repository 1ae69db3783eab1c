import { forgetModuleCaches } from '../../src/platform/memory-cache';
/**
 * Lookups a report's concurrent requests share within one function instance: a value being loaded
 * is loaded once for every caller that asks meanwhile, and a failed load is not remembered.
 */
import { MemoryCache } from '../../src/platform/memory-cache';

const fetchSpaceNames = jest.fn(async (keys: readonly string[]) => new Map(keys.map((key) => [key, `Name of ${key}`])));
jest.mock('../../src/platform/confluence/spaces', () => ({ fetchSpaceNames: (keys: readonly string[]) => fetchSpaceNames(keys) }));
// Names stored across function instances (src/platform/space-names-store.ts) are another test's
// subject: here nothing is stored yet, so every missing name goes to Confluence.
jest.mock('../../src/platform/space-names-store', () => ({ readStoredSpaceNames: async () => new Map(), storeSpaceNames: async () => undefined }));

// Imported after the mock is in place.
import { namesOfSpaces, rememberSpaceNames } from '../../src/platform/space-names';

describe('MemoryCache.getOrLoad', () => {
  it('shares one load among concurrent askers and caches its value', async () => {
    const cache = new MemoryCache<number>(60_000);
    let loads = 0;
    const load = async () => { loads += 1; await new Promise((resolve) => setTimeout(resolve, 5)); return 42; };
    expect(await Promise.all([cache.getOrLoad('a', load), cache.getOrLoad('a', load), cache.getOrLoad('a', load)])).toEqual([42, 42, 42]);
    expect(await cache.getOrLoad('a', load)).toBe(42);
    expect(loads).toBe(1);
  });

  it('does not remember a failed load: the next asker loads again', async () => {
    const cache = new MemoryCache<number>(60_000);
    await expect(Promise.all([cache.getOrLoad('a', async () => { throw new Error('down'); }), cache.getOrLoad('a', async () => 1)])).rejects.toThrow('down');
    expect(cache.loading('a')).toBe(false);
    expect(await cache.getOrLoad('a', async () => 7)).toBe(7);
  });

  it('expires values after its time', async () => {
    let now = 0;
    const cache = new MemoryCache<number>(1_000, 10, () => now);
    await cache.getOrLoad('a', async () => 1);
    now = 1_000;
    expect(await cache.getOrLoad('a', async () => 2)).toBe(2);
  });
});

describe('space names', () => {
  beforeEach(() => { forgetModuleCaches(); fetchSpaceNames.mockClear(); });

  it('concurrent askers of overlapping spaces cost one lookup per space', async () => {
    const [a, b] = await Promise.all([namesOfSpaces(['ENG', 'OPS']), namesOfSpaces(['OPS', 'HR', 'ENG'])]);
    expect(a).toEqual(new Map([['ENG', 'Name of ENG'], ['OPS', 'Name of OPS']]));
    expect(b).toEqual(new Map([['OPS', 'Name of OPS'], ['HR', 'Name of HR'], ['ENG', 'Name of ENG']]));
    expect(fetchSpaceNames.mock.calls.map(([keys]) => [...keys])).toEqual([['ENG', 'OPS'], ['HR']]);
    await namesOfSpaces(['HR', 'ENG']);
    expect(fetchSpaceNames).toHaveBeenCalledTimes(2);
  });

  it('names remembered from another answer (a CQL search) cost no lookup; unknown keys keep their key', async () => {
    fetchSpaceNames.mockImplementationOnce(async () => new Map());
    rememberSpaceNames(new Map([['ENG', 'Engineering']]));
    expect(await namesOfSpaces(['ENG', 'GONE'])).toEqual(new Map([['ENG', 'Engineering'], ['GONE', 'GONE']]));
    expect(fetchSpaceNames.mock.calls.map(([keys]) => [...keys])).toEqual([['GONE']]);
  });
});
