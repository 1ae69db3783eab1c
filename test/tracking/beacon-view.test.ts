/**
 * Views of content restricted away from the app (issue 17): Confluence sends no view event for them
 * (ECO-961), so the background script, running as the reader, records the view after Confluence
 * confirmed as the reader that they may read it, exactly once, also when a product event for the same
 * page load does arrive (the app was added to the restriction meanwhile), whichever arrives first.
 */
import { APP_ACCOUNT_ID } from '../../local/confluence/caller';
import type { Principal } from '../../local/host/principal';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { storedCounts } from '../support/stored-counts';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const beacon = (who: Principal, content: ReturnType<AppPlatform['restrictedContent']>['content'], channel: 'desktop' | 'mobile-web' = 'desktop') =>
  app.invoke(who, 'channel-beacon', 'reportView', { channel }, content);

/** Blocking time 0: the pairing of an event and a beacon view must not lean on it. */
const noBlockingTime = async () => {
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, blockingTimeMs: 0 }, expectedVersion: 0 });
  expect(answer.ok).toBe(true);
};

describe('the background script counts views of content the app cannot see', () => {
  it('a restricted page viewed by a reader who may read it is counted once, through the beacon (no event comes)', async () => {
    const { content, allowed } = app.restrictedContent();
    await app.view(allowed, content);
    expect((await storedCounts(content.id)).views).toBe(0);
    expect(await beacon(allowed, content)).toEqual({ ok: true, data: { appSees: false, recorded: true, stored: false } });
    expect(await storedCounts(content.id)).toMatchObject({ views: 1, viewers: 1, recordCount: 1 });
  });

  it('records nothing for a reader who may not read it, nor for anonymous visitors and guests', async () => {
    const { content, denied } = app.restrictedContent();
    expect(await beacon(denied, content)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
    expect(await beacon(app.users.anonymous, content)).toEqual({ ok: true, data: { appSees: null, recorded: false, stored: false } });
    expect((await storedCounts(content.id)).views).toBe(0);
  });

  it('records nothing for content the app sees: its view event counts it', async () => {
    const page = app.publicContent();
    expect(await beacon(app.users.reader, page)).toEqual({ ok: true, data: { appSees: true, recorded: false, stored: false } });
    await app.view(app.users.reader, page);
    expect((await storedCounts(page.id)).views).toBe(1);
  });

  it('beacon first, then the event of the same page load (the app was added to the restriction meanwhile): counted once', async () => {
    await noBlockingTime();
    const { content, allowed } = app.restrictedContent();
    const loadedAt = Date.now() - 3000;
    expect(await beacon(allowed, content)).toMatchObject({ ok: true, data: { recorded: true } });
    app.confluence.overlay.restriction.set(content.id, { userIds: [...content.restriction!.userIds, APP_ACCOUNT_ID], groupIds: content.restriction!.groupIds });
    await app.view(allowed, content, loadedAt);
    expect(await storedCounts(content.id)).toMatchObject({ views: 1, viewers: 1, recordCount: 1 });
  });

  it('event first, then the beacon of the same page load on a page the app sees again: counted once', async () => {
    await noBlockingTime();
    const { content, allowed, denied } = app.restrictedContent();
    // The function instance last saw the page restricted away from the app (its answer is kept briefly).
    expect(await beacon(denied, content)).toMatchObject({ ok: false });
    app.confluence.overlay.restriction.set(content.id, null);
    await app.view(allowed, content, Date.now() - 2000);
    expect((await storedCounts(content.id)).views).toBe(1);
    expect(await beacon(allowed, content)).toMatchObject({ ok: true, data: { appSees: false } });
    expect(await storedCounts(content.id)).toMatchObject({ views: 1, viewers: 1, recordCount: 1 });
    // A later page load (past the pairing window) is a view of its own.
    await app.view(allowed, content, Date.now() + 61_000);
    expect((await storedCounts(content.id)).views).toBe(2);
  });

  it('every reload of a restricted page counts under the blocking time as events would', async () => {
    const { content, allowed } = app.restrictedContent();
    for (let i = 0; i < 3; i += 1) await beacon(allowed, content);
    // Three loads within the default 5 s blocking time: one view.
    expect((await storedCounts(content.id)).views).toBe(1);
  });
});
