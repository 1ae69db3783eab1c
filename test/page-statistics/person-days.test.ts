/**
 * Extended privacy stores a new pseudonym per person and UTC day: the viewer figures are person-days,
 * and the answers say so, so that the UI never calls them people.
 */
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const DAY = 86_400_000;

it('one person on two days: two viewer-days all time, one viewer on each day, and both answers say person-days', async () => {
  const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } }, expectedVersion: 0 });
  expect(saved.ok).toBe(true);
  const page = app.publicContent();
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  await app.view(app.users.reader, page, today - DAY + 3_600_000);
  await app.view(app.users.reader, page, today + 60_000);
  const stats = await app.invoke(app.users.admin, 'view-counter', 'getPageStatistics', { range: { kind: 'preset', preset: '7d' } }, page);
  if (!stats.ok) throw new Error(stats.error.message);
  expect(stats.data.viewersCounted).toBe('person-days');
  expect(stats.data.allTime.viewers).toBe(2);
  expect(stats.data.daily.filter((day) => day.viewers > 0).map((day) => day.viewers)).toEqual([1, 1]);
  const summary = await app.invoke(app.users.admin, 'viewtracker-report', 'getReportSummary', { scope: 'global', range: { kind: 'preset', preset: '7d' }, filters: {} });
  if (!summary.ok) throw new Error(summary.error.message);
  expect('status' in summary.data ? null : summary.data.viewersCounted).toBe('person-days');
});

it('in the other modes viewers are people and the answers carry no such mark', async () => {
  const stats = await app.invoke(app.users.admin, 'view-counter', 'getPageStatistics', { range: { kind: 'preset', preset: '7d' } }, app.publicContent());
  expect(stats.ok && stats.data.viewersCounted).toBeUndefined();
});
