import { APP_SEES_TTL_MS, appSeesRecently, rememberAppSees, type SmallStorage } from '../../static/channel-beacon/src/app-sees-cache';

const memory = (): SmallStorage & { items: Map<string, string> } => {
  const items = new Map<string, string>();
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => { items.set(key, value); } };
};

describe('the beacon remembers pages the app sees, for an hour at most', () => {
  it('skips the call within the hour and asks again after it', () => {
    const storage = memory();
    expect(appSeesRecently(storage, '42', 1000)).toBe(false);
    rememberAppSees(storage, '42', 1000);
    expect(appSeesRecently(storage, '42', 1000 + APP_SEES_TTL_MS - 1)).toBe(true);
    expect(appSeesRecently(storage, '42', 1000 + APP_SEES_TTL_MS)).toBe(false);
    expect(appSeesRecently(storage, '43', 1000)).toBe(false);
  });

  it('trusts no value beyond the hour (a clock set back or a planted entry) and survives a storage that throws', () => {
    const storage = memory();
    storage.items.set('viewtracker:app-sees:42', String(10 * APP_SEES_TTL_MS));
    expect(appSeesRecently(storage, '42', 0)).toBe(false);
    const broken: SmallStorage = { getItem: () => { throw new Error('sandboxed'); }, setItem: () => { throw new Error('sandboxed'); } };
    expect(appSeesRecently(broken, '42', 0)).toBe(false);
    expect(() => rememberAppSees(broken, '42', 0)).not.toThrow();
    expect(appSeesRecently(null, '42', 0)).toBe(false);
  });
});
