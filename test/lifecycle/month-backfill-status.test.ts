/**
 * The settings page's line "Period figures of older views": a month backfill with nothing (or little)
 * to do reads "completed" when the admin looks, not "running" until the hourly trigger comes.
 */
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

it('a month backfill with nothing to do is done when the admin reads its status', async () => {
  await app.view(app.users.reader, app.publicContent(), Date.now() - 60_000);
  const status = await app.invoke(app.users.admin, 'settings', 'getInventoryStatus', {});
  if (!status.ok) throw new Error(status.error.message);
  expect(status.data.monthRows).toMatchObject({ state: 'idle', contents: 1, monthsWritten: 0 });
  expect(status.data.monthRows?.completedAt).not.toBeNull();
});

it('stays refused to non-admins, and does no work for them', async () => {
  const status = await app.invoke(app.users.reader, 'settings', 'getInventoryStatus', {});
  expect(status).toMatchObject({ ok: false, error: { code: 'forbidden' } });
});
