import { kvs } from '@forge/kvs';
import type { ViewApiRequestRecord } from '@contracts/resolvers';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { storedCounts } from '../support/stored-counts';

let app: AppPlatform;
// The app's user is added to every restriction here (as admins do on Cloud for the app to work): this file tests what the app does with what it may see.
beforeEach(async () => { app = await startAppPlatform({ appSeesAll: true }); });
afterEach(() => app.stop());

const newToken = async (): Promise<string> => {
  const answer = await app.invoke(app.users.admin, 'settings', 'rotateViewApiToken', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data.token;
};
const bearer = (token: string) => ({ Authorization: [`Bearer ${token}`], 'Content-Type': ['application/json'] });
const body = (response: { body: string }) => JSON.parse(response.body) as Record<string, unknown>;
const accountOf = (who: unknown) => (who as { accountId: string }).accountId;
const iso = (offsetMs = 0) => new Date(Date.now() + offsetMs).toISOString();

/** What admins see on the settings page: the static web trigger answers no details. */
async function recentRequests(): Promise<ViewApiRequestRecord[]> {
  const answer = await app.invoke(app.users.admin, 'settings', 'getViewApiRequests', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data.requests;
}
async function lastOutcomes(): Promise<string[]> {
  return (await recentRequests())[0]!.results.map((result) => result.outcome);
}
async function storedViewRecords(): Promise<number> {
  return (await kvs.entity('view').query().index('by-time').limit(100).getMany()).results.length;
}

describe('view API (static web trigger)', () => {
  it('refuses every call until an admin creates a token, and calls with a wrong token; records none of them', async () => {
    const page = app.publicContent();
    const views = [{ contentId: page.id, source: 'other', at: iso() }];
    expect((await app.webTrigger({ headers: bearer('vt_guess_guess_guess'), body: { views } })).statusCode).toBe(401);
    await newToken();
    expect((await app.webTrigger({ headers: bearer('vt_guess_guess_guess'), body: { views } })).statusCode).toBe(401);
    expect((await app.webTrigger({ body: { views } })).statusCode).toBe(401);
    expect((await storedCounts(page.id)).views).toBe(0);
    expect(await recentRequests()).toEqual([]);
  });

  it('answers only the configured outputs; per-view outcomes go to the settings page', async () => {
    const token = await newToken();
    await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, autoTracking: { ...DEFAULT_SETTINGS.autoTracking, 'jsm-portal': true } }, expectedVersion: 0 });
    const page = app.publicContent();
    const reader = accountOf(app.users.reader);
    const at = iso(-60_000);
    const response = await app.webTrigger({ headers: bearer(token), body: { views: [
      { contentId: page.id, accountId: reader, at, source: 'jsm-portal' },
      { contentId: page.id, accountId: reader, at, source: 'jsm-portal' },
      { contentId: page.id, source: 'linchpin', at },
      { contentId: '999999999', source: 'other', at },
    ] } });
    expect(response.statusCode).toBe(200);
    expect(body(response)).toEqual({ status: 'accepted', details: expect.stringContaining('settings page') });
    expect(response.body).not.toContain(page.id);
    expect(await lastOutcomes()).toEqual(['counted', 'duplicate', 'channel-not-auto-tracked', 'content-not-found']);
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, viewers: 1 });
  });

  const valid = (contentId: string) => ({ contentId, source: 'other', at: iso(-1000) });
  it.each([
    ['not JSON', () => '{views:'],
    ['no views', () => ({ views: [] })],
    ['a view without its time', (id: string) => ({ views: [valid(id), { contentId: id, source: 'other' }] })],
    ['a time offset of +99:99 (passes the format, is no time)', (id: string) => ({ views: [valid(id), { contentId: id, source: 'other', at: '2026-12-01T10:00:00+99:99' }] })],
    ['a view older than 15 minutes', (id: string) => ({ views: [valid(id), { contentId: id, source: 'other', at: iso(-20 * 60_000) }] })],
    ['too many views', (id: string) => ({ views: Array.from({ length: 101 }, () => valid(id)) })],
    ['a view from the future', (id: string) => ({ views: [valid(id), { contentId: id, source: 'other', at: iso(3_600_000) }] })],
    ['an unknown source', (id: string) => ({ views: [valid(id), { contentId: id, source: 'fax', at: iso() }] })],
    ['an extra field', (id: string) => ({ views: [valid(id), { ...valid(id), count: 1000 }] })],
    ['a made-up account id', (id: string) => ({ views: [valid(id), { ...valid(id), accountId: 'someone-i-made-up' }] })],
    ['a well-formed account Confluence does not know', (id: string) => ({ views: [valid(id), { ...valid(id), accountId: '0123456789abcdef01234567' }] })],
  ])('refuses a batch with %s as a whole: nothing stored, the field errors recorded', async (_name, payload) => {
    const token = await newToken();
    const page = app.publicContent();
    const response = await app.webTrigger({ headers: bearer(token), body: payload(page.id) });
    expect(response.statusCode).toBe(400);
    expect(body(response).status).toBe('invalid');
    expect(await storedViewRecords()).toBe(0);
    expect(await storedCounts(page.id)).toMatchObject({ views: 0, recordCount: 0 });
    // Only the admin who made the token is registered as personal data; no reported account is.
    const registered = (await kvs.entity<{ accountId: string }>('account').query().index('by-reported').limit(10).getMany()).results;
    expect(registered.map((result) => result.value.accountId)).toEqual([accountOf(app.users.admin)]);
    const [request] = await recentRequests();
    expect(request).toMatchObject({ outcome: 'invalid', results: [] });
    expect(Object.keys(request!.fieldErrors).length).toBeGreaterThan(0);
  });

  it('does not count a view of restricted content for a reader who cannot open it', async () => {
    const token = await newToken();
    const { content, allowed, denied } = app.restrictedContent();
    const response = await app.webTrigger({ headers: bearer(token), body: { views: [
      { contentId: content.id, accountId: accountOf(denied), source: 'other', at: iso(-1000) },
      { contentId: content.id, accountId: accountOf(allowed), source: 'other', at: iso(-1000) },
    ] } });
    expect(response.statusCode).toBe(200);
    expect(await lastOutcomes()).toEqual(['not-permitted', 'counted']);
    expect(await storedCounts(content.id)).toMatchObject({ views: 1, viewers: 1 });
  });

  it('throttles anonymous views per page by the blocking time: 100 in one request count once', async () => {
    const token = await newToken();
    const page = app.publicContent();
    const views = Array.from({ length: 100 }, (_, i) => ({ contentId: page.id, source: 'other', at: iso(-60_000 + i * 10) }));
    expect((await app.webTrigger({ headers: bearer(token), body: { views } })).statusCode).toBe(200);
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, anonymousViews: 1 });
    expect((await lastOutcomes()).filter((outcome) => outcome === 'counted')).toHaveLength(1);
  });

  it('answers `swapped`, not counted, for a late view that only takes the place of one it blocks', async () => {
    const token = await newToken();
    const page = app.publicContent();
    const reader = accountOf(app.users.reader);
    const now = Date.now();
    const report = (at: number) => app.webTrigger({ headers: bearer(token), body: { views: [{ contentId: page.id, accountId: reader, source: 'other', at: new Date(at).toISOString() }] } });
    await report(now - 1000);
    expect(await lastOutcomes()).toEqual(['counted']);
    await report(now - 4000);
    expect(await lastOutcomes()).toEqual(['swapped']);
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, recordCount: 1 });
  });

  it('a retried request counts nothing twice, anonymous views included', async () => {
    const token = await newToken();
    const page = app.publicContent();
    const request = { headers: bearer(token), body: { views: [{ contentId: page.id, source: 'other', at: iso(-1000) }] } };
    await app.webTrigger(request);
    expect(await lastOutcomes()).toEqual(['counted']);
    await app.webTrigger(request);
    expect(await lastOutcomes()).toEqual(['duplicate']);
    expect((await storedCounts(page.id)).views).toBe(1);
  });

  it('answers 405 to anything but POST', async () => {
    const token = await newToken();
    expect((await app.webTrigger({ method: 'GET', headers: bearer(token) })).statusCode).toBe(405);
  });

  it('rotating the token locks out the old one; revoking locks out all', async () => {
    const first = await newToken();
    const second = await newToken();
    const call = (token: string) => app.webTrigger({ headers: bearer(token), body: { views: [{ contentId: app.publicContent().id, source: 'other', at: iso() }] } });
    expect((await call(first)).statusCode).toBe(401);
    expect((await call(second)).statusCode).toBe(200);
    const status = await app.invoke(app.users.admin, 'settings', 'revokeViewApiToken', {});
    expect(status).toEqual({ ok: true, data: expect.objectContaining({ configured: false }) });
    expect((await call(second)).statusCode).toBe(401);
  });

  it('tells admins the token hint and URL, never the token itself; others see no requests', async () => {
    const token = await newToken();
    const answer = await app.invoke(app.users.admin, 'settings', 'getViewApi', {});
    expect(answer).toEqual({ ok: true, data: expect.objectContaining({ configured: true, hint: token.slice(-4) }) });
    expect(JSON.stringify(answer)).not.toContain(token);
    expect(await app.invoke(app.users.reader, 'settings', 'getViewApiRequests', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });
});
