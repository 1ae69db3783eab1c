import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { storedCounts } from '../support/stored-counts';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const newToken = async (): Promise<string> => {
  const answer = await app.invoke(app.users.admin, 'settings', 'rotateViewApiToken', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data.token;
};
const bearer = (token: string) => ({ Authorization: [`Bearer ${token}`], 'Content-Type': ['application/json'] });
const body = (response: { body: string }) => JSON.parse(response.body) as Record<string, unknown>;

describe('view API (web trigger)', () => {
  it('refuses every call until an admin creates a token, and calls with a wrong token', async () => {
    const page = app.publicContent();
    const views = [{ contentId: page.id, source: 'other', at: new Date().toISOString() }];
    expect((await app.webTrigger({ headers: bearer('vt_guess_guess_guess'), body: { views } })).statusCode).toBe(401);
    await newToken();
    expect((await app.webTrigger({ headers: bearer('vt_guess_guess_guess'), body: { views } })).statusCode).toBe(401);
    expect((await app.webTrigger({ body: { views } })).statusCode).toBe(401);
    expect((await storedCounts(page.id)).views).toBe(0);
  });

  it('records reported views with their source, through the same rules', async () => {
    const token = await newToken();
    await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, autoTracking: { ...DEFAULT_SETTINGS.autoTracking, 'jsm-portal': true } }, expectedVersion: 0 });
    const page = app.publicContent();
    const reader = (app.users.reader as { accountId: string }).accountId;
    const at = new Date(Date.now() - 60_000).toISOString();
    const response = await app.webTrigger({ headers: bearer(token), body: { views: [
      { contentId: page.id, accountId: reader, at, source: 'jsm-portal' },
      { contentId: page.id, accountId: reader, at, source: 'jsm-portal' },
      { contentId: page.id, source: 'linchpin', at },
      { contentId: '999999999', source: 'other', at },
    ] } });
    expect(response.statusCode).toBe(200);
    expect(body(response).results).toEqual([
      { index: 0, tracked: true },
      { index: 1, tracked: false, reason: 'duplicate' },
      { index: 2, tracked: false, reason: 'channel-not-auto-tracked' },
      { index: 3, tracked: false, reason: 'content-not-found' },
    ]);
    expect(await storedCounts(page.id)).toMatchObject({ views: 1, viewers: 1 });
  });

  it.each([
    ['not JSON', '{views:', 400],
    ['no views', { views: [] }, 400],
    ['a view without its time', { views: [{ contentId: '1', source: 'other' }] }, 400],
    ['a view older than the blocking horizon', { views: [{ contentId: '1', source: 'other', at: new Date(Date.now() - 20 * 60_000).toISOString() }] }, 400],
    ['too many views', { views: Array.from({ length: 101 }, () => ({ contentId: '1', source: 'other', at: new Date().toISOString() })) }, 400],
    ['a view from the future', { views: [{ contentId: '1', source: 'other', at: new Date(Date.now() + 3_600_000).toISOString() }] }, 400],
    ['a view older than a day', { views: [{ contentId: '1', source: 'other', at: '2020-01-01T00:00:00Z' }] }, 400],
    ['an unknown source', { views: [{ contentId: '1', source: 'fax', at: new Date().toISOString() }] }, 400],
    ['an extra field', { views: [{ contentId: '1', source: 'other', at: new Date().toISOString(), count: 1000 }] }, 400],
  ])('rejects %s with a clear error and records nothing', async (_name, payload, status) => {
    const token = await newToken();
    const response = await app.webTrigger({ headers: bearer(token), body: payload });
    expect(response.statusCode).toBe(status);
    expect(typeof body(response).error).toBe('string');
  });

  it('a retried request counts nothing twice, anonymous views included', async () => {
    const token = await newToken();
    const page = app.publicContent();
    const request = { headers: bearer(token), body: { views: [{ contentId: page.id, source: 'other', at: new Date(Date.now() - 1000).toISOString() }] } };
    expect(body(await app.webTrigger(request)).results).toEqual([{ index: 0, tracked: true }]);
    expect(body(await app.webTrigger(request)).results).toEqual([{ index: 0, tracked: false, reason: 'duplicate' }]);
    expect((await storedCounts(page.id)).views).toBe(1);
  });

  it('answers 405 to anything but POST', async () => {
    const token = await newToken();
    expect((await app.webTrigger({ method: 'GET', headers: bearer(token) })).statusCode).toBe(405);
  });

  it('rotating the token locks out the old one; revoking locks out all', async () => {
    const first = await newToken();
    const second = await newToken();
    const call = (token: string) => app.webTrigger({ headers: bearer(token), body: { views: [{ contentId: app.publicContent().id, source: 'other', at: new Date().toISOString() }] } });
    expect((await call(first)).statusCode).toBe(401);
    expect((await call(second)).statusCode).toBe(200);
    const status = await app.invoke(app.users.admin, 'settings', 'revokeViewApiToken', {});
    expect(status).toEqual({ ok: true, data: expect.objectContaining({ configured: false }) });
    expect((await call(second)).statusCode).toBe(401);
  });

  it('tells admins the token hint and URL, never the token itself', async () => {
    const token = await newToken();
    const answer = await app.invoke(app.users.admin, 'settings', 'getViewApi', {});
    expect(answer).toEqual({ ok: true, data: expect.objectContaining({ configured: true, hint: token.slice(-4) }) });
    expect(JSON.stringify(answer)).not.toContain(token);
  });
});
