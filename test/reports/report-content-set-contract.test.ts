/** Tables that cannot apply the `contentIds` filter refuse it, with nothing computed: the contract does not offer it there. */
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeAll(async () => { app = await startAppPlatform(); });
afterAll(() => app.stop());

const base = { scope: 'global', range: { kind: 'preset', preset: '30d' }, sort: { column: 'views', direction: 'desc' }, pageSize: 25 } as const;

it.each(['top-readers', 'not-viewed'] as const)('the %s table refuses a content set filter', async (table) => {
  const page = app.publicContent(0);
  const answer = await app.invoke(app.users.admin, 'global-report', 'getReportTable', { ...base, table, filters: { contentIds: [page.id] } });
  expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', fieldErrors: { 'filters.contentIds': expect.any(String) } } });
});

it.each(['top-content', 'top-spaces', 'by-source', 'by-type'] as const)('the %s table accepts it', async (table) => {
  const page = app.publicContent(0);
  const answer = await app.invoke(app.users.admin, 'global-report', 'getReportTable', { ...base, table, filters: { contentIds: [page.id] } });
  expect(answer.ok).toBe(true);
});
