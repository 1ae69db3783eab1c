/**
 * A list's "next page" carries a KVS query cursor, and Forge's cursors "are not stable and should
 * not be persisted" (mirror/storage-reference/entities/index.md, "Cursors"). With the emulator as
 * strict as Cloud, a next page asked long after the first answers a clear "reload" (invalid-input),
 * not an internal error, and the list works again from its first page.
 */
import { ManualClock } from '../../local/kvs';
import { CLOUD_STRICTNESS } from '../../local/kvs/strictness';
import { STALE_CURSOR } from '../../src/platform/resolver/envelope';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

const clock = new ManualClock(Date.now());
let app: AppPlatform;
beforeAll(async () => { app = await startAppPlatform({ clock, strictness: CLOUD_STRICTNESS }); });
afterAll(() => app.stop());

it('a next page asked after the cursor expired answers "reload", and the first page still works', async () => {
  const page = app.publicContent(0);
  const viewers = app.directory.site.users.filter((u) => u.status === 'active').slice(0, 6);
  for (const [i, user] of viewers.entries()) await app.view({ kind: 'user', accountId: user.accountId, accountType: user.accountType }, page, Date.now() - i * 60_000);
  const ask = (cursor?: string) => app.invoke(app.users.admin, 'view-counter', 'getPageViewers', { range: { kind: 'preset', preset: '90d' }, limit: 2, ...(cursor ? { cursor } : {}) }, page);
  const first = await ask();
  if (!first.ok) throw new Error(first.error.message);
  expect(first.data.nextCursor).toBeTruthy();
  expect((await ask(first.data.nextCursor!)).ok).toBe(true);
  clock.advance(20 * 60_000);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(await ask(first.data.nextCursor!)).toEqual({ ok: false, error: { code: 'invalid-input', message: STALE_CURSOR } });
  expect(console.error).not.toHaveBeenCalled();
  expect((await ask()).ok).toBe(true);
});
