/**
 * "All time" in a saved space report (and the report macro, which runs the same definitions) starts at
 * the site's first stored view, not a year of empty days before today, and says so where it is cut.
 */
import type { ReportAnswer, SavedReportsView } from '@contracts/custom-reports';
import type { Envelope } from '@contracts/envelope';
import type { Principal } from '../../local/host/principal';
import { dayOf } from '../../src/core/date-range';
import { DEFAULT_REPORT } from '../../src/custom-reports/rules/report-macro-config';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeEach(async () => {
  app = await startAppPlatform();
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, customReports: true }, expectedVersion: 0 });
  if (!answer.ok) throw new Error(answer.error.message);
});
afterEach(() => app.stop());

function inSpace<T>(who: Principal, key: 'saveSpaceReport' | 'runSavedReport', payload: unknown): Promise<Envelope<T>> {
  const space = app.directory.space(app.publicContent(0).spaceKey)!;
  return app.platform.invokeResolver(who, { moduleKey: 'space-report', localId: 'x', extension: { type: 'confluence:spacePage', space: { id: String(space.id), key: space.key } } }, key, payload) as Promise<Envelope<T>>;
}

it('a saved "views over time, all time" report runs from the first stored view to today', async () => {
  const page = app.publicContent(0);
  await app.view(app.users.reader, page, Date.parse('2026-10-15T10:00:00Z'));
  await app.view(app.users.reader, page, Date.now() - 60_000);
  const definition = { ...DEFAULT_REPORT, what: 'views-over-time', range: { kind: 'preset', preset: 'all' } };
  const saved = await inSpace<SavedReportsView>(app.users.admin, 'saveSpaceReport', { name: 'Over time', definition });
  if (!saved.ok) throw new Error(saved.error.message);
  const run = await inSpace<ReportAnswer>(app.users.admin, 'runSavedReport', { id: saved.data.reports[0]!.id });
  if (!run.ok || run.data.state !== 'report') throw new Error(JSON.stringify(run));
  expect(run.data.range).toEqual({ from: '2026-10-15', to: dayOf(Date.now()) });
  expect(run.data.series?.[0]).toEqual({ day: '2026-10-15', views: 1 });
  expect(run.data.series?.reduce((sum, point) => sum + point.views, 0)).toBe(2);
});
