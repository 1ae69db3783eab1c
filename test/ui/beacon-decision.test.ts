import { APP_SEES_TTL_MS, appSeesRecently, rememberAppSees, type SmallStorage } from '../../static/channel-beacon/src/app-sees-cache';
import { propertyPath, propertyShownBy, readLookup, runBeacon, FIGURED_BEACON_MODULE, PLAIN_BEACON_MODULE, type BeaconDeps, type PropertyLookup } from '../../static/channel-beacon/src/beacon-decision';
import type { Channel } from '@contracts/settings';

function memory(): SmallStorage {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => { items.set(key, value); } };
}

/** A browser for one reader: its storage, the property as Confluence answers it, and the calls made. */
function browser(lookup: PropertyLookup, appSees = true, propertyShown?: boolean) {
  const storage = memory();
  const calls = { lookups: [] as string[], reports: 0 };
  const deps = (now: number, channel: Channel = 'desktop', content: BeaconDeps['content'] = { id: '42', type: 'page' }): BeaconDeps => ({
    channel, content, now, propertyShown,
    appSeesRecently: (id, at) => appSeesRecently(storage, id, at),
    rememberAppSees: (id, at) => rememberAppSees(storage, id, at),
    lookupProperty: async (path) => { calls.lookups.push(path); return lookup; },
    reportView: async () => { calls.reports += 1; return appSees; },
  });
  return { deps, calls };
}

describe('the beacon calls reportView only when the page carries no property of the app', () => {
  it('makes no invocation on a page with the property, render after render', async () => {
    const { deps, calls } = browser('present');
    for (let minute = 0; minute < 180; minute += 1) await runBeacon(deps(minute * 60_000));
    expect(calls.reports).toBe(0);
    // The property is read again at most once an hour per page (the answer is remembered like the app's).
    expect(calls.lookups).toEqual(Array(3).fill('/wiki/api/v2/pages/42/properties?key=viewtracker_figures'));
  });

  it('reads a blog post property on the blog post route', async () => {
    const { deps, calls } = browser('present');
    expect(await runBeacon(deps(0, 'desktop', { id: '7', type: 'blogpost' }))).toBe('property');
    expect(calls.lookups).toEqual(['/wiki/api/v2/blogposts/7/properties?key=viewtracker_figures']);
  });

  it('without a property it invokes once and, when the app sees the page, not again within the hour', async () => {
    const { deps, calls } = browser('absent', true);
    expect(await runBeacon(deps(0))).toBe('reported');
    expect(await runBeacon(deps(APP_SEES_TTL_MS - 1))).toBe('cached');
    expect(calls.reports).toBe(1);
    expect(await runBeacon(deps(APP_SEES_TTL_MS))).toBe('reported');
    expect(calls.reports).toBe(2);
  });

  it('on a page restricted away from the app (no property, app sees nothing) it reports every page load', async () => {
    const { deps, calls } = browser('absent', false);
    for (let i = 0; i < 3; i += 1) await runBeacon(deps(i * 1000));
    expect(calls.reports).toBe(3);
  });

  it('a failed property read falls back to the call: a view is never dropped for want of an answer', async () => {
    const { deps, calls } = browser('unknown', false);
    expect(await runBeacon(deps(0))).toBe('reported');
    expect(calls.reports).toBe(1);
  });

  it('a non-desktop channel always reports (its channel hint), without reading the property', async () => {
    const { deps, calls } = browser('present');
    expect(await runBeacon(deps(0, 'mobile-web'))).toBe('reported');
    expect(calls).toEqual({ lookups: [], reports: 1 });
  });

  it('reads the answer strictly', () => {
    expect(readLookup(200, { results: [{ key: 'viewtracker_figures', value: {} }] })).toBe('present');
    expect(readLookup(200, { results: [] })).toBe('absent');
    expect(readLookup(200, { results: [{ key: 'other' }] })).toBe('absent');
    expect(readLookup(404, null)).toBe('unknown');
    expect(readLookup(429, null)).toBe('unknown');
    expect(readLookup(200, { nothing: true })).toBe('unknown');
    expect(propertyPath('page', '12/../x')).toBeNull();
    expect(propertyPath('attachment', '12')).toBeNull();
  });
});

describe('Confluence tells the beacon, by the module it runs, whether the page carries the property', () => {
  it('maps the two modules of the manifest, and nothing else', () => {
    expect(propertyShownBy(FIGURED_BEACON_MODULE)).toBe(true);
    expect(propertyShownBy(PLAIN_BEACON_MODULE)).toBe(false);
    expect(propertyShownBy('something-else')).toBeUndefined();
    expect(propertyShownBy(undefined)).toBeUndefined();
  });

  it('on a page with the property a desktop render reads nothing and calls nothing (no points, no invocation)', async () => {
    const { deps, calls } = browser('unknown', true, true);
    for (let minute = 0; minute < 180; minute += 1) expect(await runBeacon(deps(minute * 60_000))).not.toBe('reported');
    expect(calls).toEqual({ lookups: [], reports: 0 });
  });

  it('on a page without it (restricted away from the app) every load reports, without a read: no view is lost', async () => {
    const { deps, calls } = browser('present', false, false);
    for (let i = 0; i < 3; i += 1) expect(await runBeacon(deps(i * 1000))).toBe('reported');
    expect(calls).toEqual({ lookups: [], reports: 3 });
  });

  it('a non-desktop channel still reports its hint on a page with the property', async () => {
    const { deps, calls } = browser('present', true, true);
    expect(await runBeacon(deps(0, 'mobile-web'))).toBe('reported');
    expect(calls).toEqual({ lookups: [], reports: 1 });
  });
});
