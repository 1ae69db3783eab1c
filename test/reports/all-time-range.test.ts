/**
 * "All time" in the global and space reports (tiles, chart, tables, and so the CSV exports, which page
 * through the same tables) starts at the first stored view of the report's scope, not today.
 */
import type { ContentFigure, ReportPage } from '@contracts/report-query';
import type { ReportSummaryAnswer } from '@contracts/resolvers';
import type { Envelope } from '@contracts/envelope';
import { dayOf } from '../../src/core/date-range';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

const ALL = { kind: 'preset', preset: 'all' } as const;

function data<T>(answer: Envelope<T>): T {
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}

function spaceFrame(spaceKey: string) {
  const space = app.directory.space(spaceKey)!;
  return { moduleKey: 'space-report', localId: 'x', extension: { type: 'confluence:spacePage', space: { id: String(space.id), key: space.key } } };
}

async function seed() {
  const here = app.publicContent(0);
  const elsewhere = app.directory.site.contents.find((c) => c.spaceKey !== here.spaceKey && !c.restriction && app.directory.space(c.spaceKey)?.type === 'global')!;
  await app.view(app.users.reader, elsewhere, Date.parse('2026-09-03T10:00:00Z'));
  await app.view(app.users.reader, here, Date.parse('2026-10-15T10:00:00Z'));
  await app.view(app.users.otherReader, here, Date.now() - 60_000);
  return { here, elsewhere };
}

describe('All time', () => {
  it('in the global report starts at the site\'s first stored view: tiles, chart and tables count every view', async () => {
    const { here, elsewhere } = await seed();
    const summary = data(await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { scope: 'global', range: ALL, filters: {} })) as ReportSummaryAnswer;
    expect(summary.range).toMatchObject({ from: '2026-09-03', to: dayOf(Date.now()) });
    expect(summary.current.views).toBe(3);
    expect(summary.series.reduce((sum, point) => sum + point.views, 0)).toBe(3);
    const table = data(await app.invoke(app.users.admin, 'global-report', 'getReportTable', {
      scope: 'global', range: ALL, filters: {}, table: 'top-content', sort: { column: 'views', direction: 'desc' }, pageSize: 25,
    })) as ReportPage;
    const rows = (table.result as { rows: ContentFigure[] }).rows;
    expect(rows.map((row) => [row.contentId, row.views])).toEqual([[here.id, 2], [elsewhere.id, 1]]);
  });

  it('in a space report starts at the space\'s first stored view', async () => {
    const { here } = await seed();
    const frame = spaceFrame(here.spaceKey);
    const summary = data(await app.platform.invokeResolver(app.users.admin, frame, 'getReportSummary', { scope: 'space', range: ALL, filters: {} }) as Envelope<ReportSummaryAnswer>);
    expect(summary.range).toMatchObject({ from: '2026-10-15', to: dayOf(Date.now()) });
    expect(summary.current.views).toBe(2);
    const table = data(await app.platform.invokeResolver(app.users.admin, frame, 'getReportTable', {
      scope: 'space', range: ALL, filters: {}, table: 'top-content', sort: { column: 'views', direction: 'desc' }, pageSize: 25,
    }) as Envelope<ReportPage>);
    expect((table.result as { rows: ContentFigure[] }).rows.map((row) => [row.contentId, row.views])).toEqual([[here.id, 2]]);
  });

  it('is today alone on a site with no stored view', async () => {
    const summary = data(await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { scope: 'global', range: ALL, filters: {} })) as ReportSummaryAnswer;
    expect(summary.range).toMatchObject({ from: dayOf(Date.now()), to: dayOf(Date.now()) });
  });
});
