/**
 * Forge deletes expired items asynchronously: "Deletion may take up to 48 hours. During this window,
 * read operations may still return expired results" (mirror/runtime-reference/storage-api-basic-api/
 * index.md, "Time-to-live (TTL)"). With the emulator's linger on (CLOUD_STRICTNESS), every item the
 * app gives a TTL is read back after its expiry (each test first checks it still is), and the app
 * must go by its own stored time: pseudonym salts, channel hints, cached group memberships, cached
 * permission answers, the view API log.
 */
import { kvs } from '@forge/kvs';
import { ManualClock } from '../../local/kvs';
import { CLOUD_STRICTNESS } from '../../local/kvs/strictness';
import { KEYS } from '../../src/core/storage/keys';
import { pseudonymFor } from '../../src/privacy/index';
import { utcDay } from '../../src/core/model/view';
import { cacheUserGroups } from '../../src/core/storage/user-groups-cache';
import { GROUP_CACHE_HOURS } from '../../src/access/viewer-groups';
import { forgetModuleCaches } from '../../src/platform/memory-cache';
import { cacheReadPermission } from '../../src/page-statistics/byline/byline-store';
import { bylineCountFor } from '../../src/page-statistics/byline/byline-access';
import { GROUP_ANSWER_MS } from '../../src/page-statistics/byline/byline-group-evidence';
import { listViewApiRequests, recordViewApiRequest } from '../../src/tracking/view-api/view-api-log-store';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { storedCounts } from '../support/stored-counts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Each test starts early on one UTC day, so keys by the day's pseudonym stay the same through it. */
const START = Date.parse('2026-11-20T08:00:00Z');
const clock = new ManualClock(START);
let app: AppPlatform;
beforeEach(async () => {
  clock.set(START);
  jest.spyOn(Date, 'now').mockImplementation(() => clock.now());
  app = await startAppPlatform({ clock, strictness: CLOUD_STRICTNESS });
});
afterEach(() => { app.stop(); jest.restoreAllMocks(); });

const accountOf = (who: AppPlatform['users']['reader']) => (who as { accountId: string }).accountId;

describe('items past their TTL that KVS still returns are not used', () => {
  it('a pseudonym salt past its two days is replaced, not reused (extended privacy)', async () => {
    const at = clock.now();
    const first = await pseudonymFor('acc-1', at);
    expect(await pseudonymFor('acc-1', at)).toBe(first);
    clock.advance(48 * HOUR + MINUTE);
    const lingering = await kvs.getSecret(KEYS.pseudonymSalt(utcDay(at)));
    expect(lingering).toBeDefined();
    // The same day's pseudonym can no longer be linked to the old one.
    expect(await pseudonymFor('acc-1', at)).not.toBe(first);
    expect(await kvs.getSecret(KEYS.pseudonymSalt(utcDay(at)))).not.toEqual(lingering);
  });

  it('a channel hint past its ten minutes does not relabel a later desktop view', async () => {
    const [fresh, stale] = [app.publicContent(0), app.publicContent(1)];
    const hintKey = KEYS.channelHint(stale.id, await pseudonymFor(accountOf(app.users.reader), clock.now()));
    for (const page of [fresh, stale]) {
      expect(await app.invoke(app.users.reader, 'channel-beacon', 'reportChannel', { channel: 'mobile-web' }, page)).toEqual({ ok: true, data: { stored: true } });
    }
    await app.view(app.users.reader, fresh, clock.now());
    clock.advance(10 * MINUTE + MINUTE);
    expect(await kvs.get(hintKey)).toBeDefined();
    await app.view(app.users.reader, stale, clock.now());
    const source = async (id: string) => (await kvs.entity<{ source: string }>('view').query().index('by-content', { partition: [id] }).getMany()).results.map((r) => r.value.source);
    expect(await source(fresh.id)).toEqual(['mobile-web']);
    expect(await source(stale.id)).toEqual(['desktop']);
  });

  it('cached group memberships past their hours are asked again (an excluded group)', async () => {
    const bots = app.directory.groupByName('bots')!;
    const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, excludedGroups: [{ id: bots.id, name: bots.name }] }, expectedVersion: 0 });
    expect(saved.ok).toBe(true);
    // Viewers' own groups decide (the group's listing is refused, as for a group too large to list).
    app.confluence.throttle.add({ remaining: 10_000, retryAfterSeconds: 60, pathPrefix: `/wiki/rest/api/group/${bots.id}/membersByGroupId` });
    // A reader who has left the bots group: the cache says they are in it.
    const reader = accountOf(app.users.reader);
    await cacheUserGroups(reader, { groupIds: [bots.id], fetchedAt: clock.now() }, GROUP_CACHE_HOURS);
    const [early, late] = [app.publicContent(0), app.publicContent(1)];
    await app.view(app.users.reader, early, clock.now());
    expect((await storedCounts(early.id)).views).toBe(0);
    clock.advance(GROUP_CACHE_HOURS * HOUR + MINUTE);
    forgetModuleCaches(); // hours later: another function instance, nothing in memory
    expect(await kvs.get(KEYS.userGroups(reader))).toBeDefined();
    await app.view(app.users.reader, late, clock.now());
    expect((await storedCounts(late.id)).views).toBe(1);
  });

  it('a cached permission answer past its twelve hours is not trusted by the byline', async () => {
    const { content, denied } = app.restrictedContent();
    // Answers are keyed by the day's pseudonym (no account id in a key); the test stays within the day.
    const cacheViewer = await pseudonymFor(accountOf(denied), clock.now());
    await cacheReadPermission(content.id, cacheViewer, true, clock.now());
    expect(await bylineCountFor(accountOf(denied), content.id, clock.now())).toMatchObject({ show: true });
    clock.advance(GROUP_ANSWER_MS + MINUTE);
    expect(await kvs.get(KEYS.readPermission(content.id, cacheViewer))).toBeDefined();
    expect(await bylineCountFor(accountOf(denied), content.id, clock.now())).toEqual({ show: false });
  });

  it('the view API log shows no request older than its fourteen days', async () => {
    await recordViewApiRequest({ at: clock.now(), outcome: 'accepted', views: 1, results: [], fieldErrors: {}, message: null });
    expect(await listViewApiRequests(10)).toHaveLength(1);
    clock.advance(14 * 24 * HOUR + MINUTE);
    expect((await kvs.query().where('key', { condition: 'BEGINS_WITH', values: [KEYS.viewApiRequestPrefix] } as never).getMany()).results).toHaveLength(1);
    expect(await listViewApiRequests(10)).toHaveLength(0);
  });
});
