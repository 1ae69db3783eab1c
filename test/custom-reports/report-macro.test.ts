import { forgetModuleCaches } from '../../src/platform/memory-cache';
import type { ReportAnswer, ReportQueryDefinition } from '@contracts/custom-reports';
import type { Envelope } from '@contracts/envelope';
import type { Settings } from '@contracts/settings';
import type { DemoContent } from '../../local/demo/directory';
import type { Principal } from '../../local/host/principal';
import { DEFAULT_REPORT } from '../../src/custom-reports/rules/report-macro-config';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
let version = 0;
beforeEach(async () => {
  // The app's user is added to every restriction here (as admins do on Cloud for the app to work): this file tests what the app does with what it may see.
  app = await startAppPlatform({ appSeesAll: true });
  version = 0;
  forgetModuleCaches();
});
afterEach(() => app.stop());

const T = Date.parse('2026-11-20T10:00:00Z');
const ALL_TIME: Partial<ReportQueryDefinition> = { range: { kind: 'preset', preset: 'all' }, rows: 100 };

async function configure(change: Partial<Settings>): Promise<void> {
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, customReports: true, ...change }, expectedVersion: version });
  expect(answer.ok).toBe(true);
  version += 1;
}

/** The macro on `page`, configured with `config`, as `who` sees it. */
async function macro(who: Principal, page: DemoContent, config: unknown): Promise<Envelope<ReportAnswer>> {
  const space = app.directory.space(page.spaceKey)!;
  const extension = { type: 'macro', content: { id: page.id, type: page.type }, space: { id: String(space.id), key: space.key }, config, isEditing: false };
  return (await app.platform.invokeResolver(who, { moduleKey: 'viewtracker-report', localId: 'r-1', extension }, 'getReportMacro', {})) as Envelope<ReportAnswer>;
}

function rowsOf(answer: Envelope<ReportAnswer>): string[] {
  if (!answer.ok || answer.data.state !== 'report') throw new Error(`no report: ${JSON.stringify(answer)}`);
  return answer.data.rows.map((row) => row.contentId);
}

async function viewAll(contents: DemoContent[]): Promise<void> {
  for (const content of contents) await app.view(app.users.admin, content, T);
}

describe('report macro: the switch', () => {
  it('shows a notice and keeps the configuration while Custom Reports is off, the report once it is on', async () => {
    const page = app.publicContent(0);
    await app.view(app.users.reader, page, T);
    const config = { ...DEFAULT_REPORT, ...ALL_TIME, rows: 7 };
    const off = await macro(app.users.reader, page, config);
    expect(off).toEqual({ ok: true, data: expect.objectContaining({ state: 'notice', reason: 'switched-off', config }) });
    await configure({});
    expect(rowsOf(await macro(app.users.reader, page, config))).toContain(page.id);
  });
});

describe('report macro: content selections, resolved through Confluence as the reader', () => {
  beforeEach(() => configure({}));

  it('this space: every viewed page of the page\'s space, and nothing of other spaces', async () => {
    const page = app.publicContent(0);
    const other = app.directory.site.contents.find((c) => c.spaceKey !== page.spaceKey && !c.restriction && app.directory.space(c.spaceKey)!.type === 'global')!;
    await viewAll([page, app.publicContent(1), other]);
    const rows = rowsOf(await macro(app.users.admin, page, { ...DEFAULT_REPORT, ...ALL_TIME }));
    expect(rows).toEqual(expect.arrayContaining([page.id, app.publicContent(1).id]));
    expect(rows).not.toContain(other.id);
  });

  it('chosen spaces', async () => {
    const page = app.publicContent(0);
    const other = app.directory.site.contents.find((c) => c.spaceKey !== page.spaceKey && !c.restriction && app.directory.space(c.spaceKey)!.type === 'global')!;
    await viewAll([page, other]);
    const rows = rowsOf(await macro(app.users.admin, page, { ...DEFAULT_REPORT, ...ALL_TIME, scope: { kind: 'spaces', spaceKeys: [other.spaceKey] } }));
    expect(rows).toContain(other.id);
    expect(rows).not.toContain(page.id);
  });

  it('content with a label, across spaces', async () => {
    const labelled = app.directory.site.contents.filter((c) => c.labels?.includes('how-to'));
    const unlabelled = app.directory.site.contents.filter((c) => !c.labels?.includes('how-to'));
    expect(new Set(labelled.map((c) => c.spaceKey)).size).toBeGreaterThan(1);
    await viewAll([...labelled, ...unlabelled.slice(0, 5)]);
    const rows = rowsOf(await macro(app.users.admin, app.publicContent(0), { ...DEFAULT_REPORT, ...ALL_TIME, scope: { kind: 'label', label: 'How-To' } }));
    expect(rows.sort()).toEqual(labelled.map((c) => c.id).sort());
  });

  it('a page and its descendants', async () => {
    const contents = app.directory.site.contents;
    const root = contents.find((c) => c.parentId && contents.some((d) => d.parentId === c.id))!;
    const under = (id: string): string[] => contents.filter((c) => c.parentId === id).flatMap((c) => [c.id, ...under(c.id)]);
    const tree = [root.id, ...under(root.id)];
    await viewAll(contents.filter((c) => c.spaceKey === root.spaceKey));
    const rows = rowsOf(await macro(app.users.admin, root, { ...DEFAULT_REPORT, ...ALL_TIME, scope: { kind: 'page-tree', pageId: root.id } }));
    expect(rows.sort()).toEqual(tree.sort());
    expect(tree.length).toBeGreaterThan(1);
  });

  it('content type: blog posts only', async () => {
    const page = app.publicContent(0);
    const space = app.directory.contentsOf(page.spaceKey);
    await viewAll(space);
    const rows = rowsOf(await macro(app.users.admin, page, { ...DEFAULT_REPORT, ...ALL_TIME, contentType: 'blogpost' }));
    expect(rows.sort()).toEqual(space.filter((c) => c.type === 'blogpost').map((c) => c.id).sort());
  });

  it('not viewed: content of the scope without a view in the range, never viewed first', async () => {
    const page = app.publicContent(0);
    const space = app.directory.contentsOf(page.spaceKey).filter((c) => !c.restriction);
    await app.view(app.users.admin, space[0]!, T);
    const answer = await macro(app.users.admin, page, { ...DEFAULT_REPORT, what: 'least-viewed', rows: 100, range: { kind: 'last-days', days: 7 }, sort: { column: 'last-viewed', direction: 'asc' } });
    const rows = rowsOf(answer);
    expect(rows).toEqual(expect.arrayContaining(space.slice(1).map((c) => c.id)));
    expect(answer.ok && answer.data.state === 'report' && answer.data.rows.every((row) => row.lastViewedAt === null || row.lastViewedAt < Date.now() - 6 * 86_400_000)).toBe(true);
  });

  it('not viewed, saved with the generic sort (views, highest first): read in its own order, never viewed first, and says "N of M"', async () => {
    const page = app.publicContent(0);
    const space = app.directory.contentsOf(page.spaceKey).filter((c) => !c.restriction);
    // Viewed long before the range: not viewed in it, but has a last view (and all-time views).
    await app.view(app.users.admin, space[0]!, Date.now() - 40 * 86_400_000);
    await app.view(app.users.reader, space[0]!, Date.now() - 40 * 86_400_000);
    const answer = await macro(app.users.admin, page, { ...DEFAULT_REPORT, what: 'least-viewed', rows: 3, range: { kind: 'last-days', days: 7 } });
    if (!answer.ok || answer.data.state !== 'report') throw new Error('expected a report');
    expect(answer.data.rows).toHaveLength(3);
    // Never viewed first: the viewed page is not among the first rows of a 3-row list.
    expect(answer.data.rows.every((row) => row.lastViewedAt === null)).toBe(true);
    expect(answer.data.matched).toBe(space.filter((c) => c.type === 'page' || c.type === 'blogpost').length);
    // The author's own choice still holds.
    const chosen = await macro(app.users.admin, page, { ...DEFAULT_REPORT, what: 'least-viewed', rows: 3, range: { kind: 'last-days', days: 7 }, sort: { column: 'views', direction: 'asc' } });
    if (!chosen.ok || chosen.data.state !== 'report') throw new Error('expected a report');
    expect(chosen.data.rows.map((row) => row.views)).toEqual([0, 0, 0]);
  });

  it('names spaces by their names, not their keys', async () => {
    const page = app.publicContent(0);
    await app.view(app.users.admin, page, Date.now() - 60_000);
    const answer = await macro(app.users.admin, page, { ...DEFAULT_REPORT, rows: 5 });
    if (!answer.ok || answer.data.state !== 'report') throw new Error('expected a report');
    expect(answer.data.rows.length).toBeGreaterThan(0);
    const name = app.directory.space(page.spaceKey)!.name;
    expect(name).not.toBe(page.spaceKey);
    expect(answer.data.rows.map((row) => row.spaceName)).toEqual(answer.data.rows.map(() => name));
  });

  it('says how much of a large scope was included', async () => {
    const { searchContentIds } = await import('../../src/platform/confluence/cql-search');
    const result = await searchContentIds('app', 'type in (page,blogpost)', 5);
    // Cloud's content search answers no totalSize: capped says there is more, the total is what was seen.
    expect(result).toMatchObject({ capped: true, total: 5 });
    expect(result.ids).toHaveLength(5);
  });
});

describe('report macro: date ranges (the query layer\'s rows)', () => {
  beforeEach(() => configure({}));

  it('most viewed in a range counts only the range\'s views', async () => {
    const [a, b] = [app.publicContent(0), app.publicContent(1)];
    const now = Date.now();
    await app.view(app.users.reader, a, now - 40 * 86_400_000);
    await app.view(app.users.otherReader, a, now - 40 * 86_400_000);
    await app.view(app.users.reader, b, now - 3600_000);
    const answer = await macro(app.users.admin, a, { ...DEFAULT_REPORT, range: { kind: 'last-days', days: 7 } });
    expect(answer.ok && answer.data.state === 'report' && answer.data.rows.map((row) => [row.contentId, row.views])).toEqual([[b.id, 1]]);
    const allTime = await macro(app.users.admin, a, { ...DEFAULT_REPORT, ...ALL_TIME });
    expect(answer.ok && allTime.ok && allTime.data.state === 'report' && allTime.data.rows.slice(0, 2).map((row) => [row.contentId, row.views])).toEqual([[a.id, 2], [b.id, 1]]);
  });

  it('views over time: views per day of the readable scope only', async () => {
    const { content, allowed, denied } = app.restrictedContent();
    const home = app.directory.contentsOf(content.spaceKey)[0]!;
    const now = Date.now();
    await app.view(allowed, content, now - 3600_000);
    await app.view(allowed, home, now - 3600_000);
    const config = { ...DEFAULT_REPORT, what: 'views-over-time', range: { kind: 'last-days', days: 3 } };
    const total = (answer: Envelope<ReportAnswer>) => (answer.ok && answer.data.state === 'report' ? (answer.data.series ?? []).reduce((sum, point) => sum + point.views, 0) : -1);
    const asAllowed = await macro(allowed, home, config);
    expect(asAllowed.ok && asAllowed.data.state === 'report' && asAllowed.data.series?.length).toBe(3);
    expect(total(asAllowed)).toBe(2);
    expect(total(await macro(denied, home, config))).toBe(1);
  });
});

describe('report macro: readers see it with their own rights', () => {
  beforeEach(() => configure({}));

  it('content a reader may not read is neither a row nor counted; a reader allowed to read it sees it', async () => {
    const { content, allowed, denied } = app.restrictedContent();
    const home = app.directory.contentsOf(content.spaceKey)[0]!;
    await viewAll([content, home]);
    const config = { ...DEFAULT_REPORT, ...ALL_TIME };
    const asDenied = await macro(denied, home, config);
    expect(rowsOf(asDenied)).not.toContain(content.id);
    const visibleToDenied = app.directory.contentsOf(content.spaceKey).filter((c) => !c.restriction || c.restriction.userIds.includes((denied as { accountId: string }).accountId)).length;
    expect(asDenied.ok && asDenied.data.state === 'report' && asDenied.data.coverage.total).toBeLessThanOrEqual(visibleToDenied);
    expect(rowsOf(await macro(allowed, home, config))).toContain(content.id);
  });

  it('a reader who may not read the macro\'s page gets nothing', async () => {
    const { content, denied } = app.restrictedContent();
    expect(await macro(denied, content, DEFAULT_REPORT)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
  });

  it('guests see only content checked for them (spaces open to them)', async () => {
    const page = app.publicContent(0);
    const closed = app.directory.site.contents.find((c) => !app.directory.space(c.spaceKey)!.anonymousAccess && !c.restriction)!;
    await viewAll([page, closed]);
    const rows = rowsOf(await macro(app.users.guest, page, { ...DEFAULT_REPORT, ...ALL_TIME, scope: { kind: 'spaces', spaceKeys: [page.spaceKey, closed.spaceKey] } }));
    expect(rows).toContain(page.id);
    expect(rows).not.toContain(closed.id);
  });

  it('anonymous visitors are asked to sign in unless the settings allow them', async () => {
    const page = app.publicContent(0);
    expect(await macro(app.users.anonymous, page, DEFAULT_REPORT)).toEqual({ ok: true, data: expect.objectContaining({ state: 'notice', reason: 'anonymous-not-allowed' }) });
  });

  it('anonymous visitors, where allowed, see only content open to anonymous visitors: no restricted page, no closed space', async () => {
    await configure({ reportMacroAnonymous: true });
    const page = app.publicContent(0);
    const closedSpace = app.directory.site.contents.find((c) => !app.directory.space(c.spaceKey)!.anonymousAccess && !c.restriction)!;
    const { content: restricted } = app.restrictedContent();
    await viewAll([page, app.publicContent(1), closedSpace, restricted]);
    const everywhere = { ...DEFAULT_REPORT, ...ALL_TIME, scope: { kind: 'spaces', spaceKeys: [...new Set(app.directory.site.spaces.filter((s) => s.type === 'global').map((s) => s.key))] } };
    const answer = await macro(app.users.anonymous, page, everywhere);
    const rows = rowsOf(answer);
    expect(rows).toEqual(expect.arrayContaining([page.id, app.publicContent(1).id]));
    expect(rows).not.toContain(closedSpace.id);
    expect(rows).not.toContain(restricted.id);
    const isPublic = (id: string) => { const c = app.directory.content(id)!; return !c.restriction && app.directory.space(c.spaceKey)!.anonymousAccess; };
    expect(rows.every(isPublic)).toBe(true);
    expect(answer.ok && answer.data.state === 'report' && answer.data.coverage.total).toBe(app.directory.site.contents.filter((c) => isPublic(c.id) && app.directory.space(c.spaceKey)!.type === 'global').length);
    // The page the macro claims to stand on must be open to anonymous visitors too.
    expect(await macro(app.users.anonymous, closedSpace, everywhere)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
  });
});

describe('report macro: privacy modes', () => {
  const readers = { ...DEFAULT_REPORT, what: 'top-readers' as const };
  it.each([
    ['extended', /Extended privacy/],
    ['hide-viewers', /Hide viewers/],
  ] as const)('%s: top readers list no people', async (mode, why) => {
    await configure({ privacy: { ...DEFAULT_SETTINGS.privacy, mode } });
    const answer = await macro(app.users.admin, app.publicContent(0), readers);
    expect(answer).toEqual({ ok: true, data: expect.objectContaining({ state: 'report', readers: [], peopleHidden: expect.stringMatching(why) }) });
  });

  it('standard: readers who do not run the space see no names', async () => {
    await configure({});
    const answer = await macro(app.users.reader, app.publicContent(0), readers);
    expect(answer).toEqual({ ok: true, data: expect.objectContaining({ readers: [], peopleHidden: expect.stringMatching(/admins/) }) });
  });
});
