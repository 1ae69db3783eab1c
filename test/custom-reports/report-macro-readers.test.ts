import { forgetModuleCaches } from '../../src/platform/memory-cache';
import type { ReportAnswer } from '@contracts/custom-reports';
import type { Envelope } from '@contracts/envelope';
import type { Settings } from '@contracts/settings';
import type { DemoContent } from '../../local/demo/directory';
import type { Principal } from '../../local/host/principal';
import { DEFAULT_REPORT } from '../../src/custom-reports/rules/report-macro-config';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { coverageText } from '../../static/shared/custom-reports/report-view';

let app: AppPlatform;
let version = 0;
beforeEach(async () => {
  app = await startAppPlatform();
  version = 0;
  forgetModuleCaches();
});
afterEach(() => app.stop());

const HOUR = 3_600_000;
const T = Date.parse('2026-11-02T00:00:00Z');
const READERS = { ...DEFAULT_REPORT, what: 'top-readers' as const, rows: 100, range: { kind: 'custom' as const, from: '2026-11-01', to: '2026-11-30' } };

async function configure(change: Partial<Settings>): Promise<void> {
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, customReports: true, ...change }, expectedVersion: version });
  expect(answer.ok).toBe(true);
  version += 1;
}

async function macro(who: Principal, page: DemoContent, config: unknown): Promise<Extract<ReportAnswer, { state: 'report' }>> {
  const space = app.directory.space(page.spaceKey)!;
  const extension = { type: 'macro', content: { id: page.id, type: page.type }, space: { id: String(space.id), key: space.key }, config, isEditing: false };
  const answer = (await app.platform.invokeResolver(who, { moduleKey: 'viewtracker-report', localId: 'r-1', extension }, 'getReportMacro', {})) as Envelope<ReportAnswer>;
  if (!answer.ok || answer.data.state !== 'report') throw new Error(`no report: ${JSON.stringify(answer)}`);
  return answer.data;
}

const idOf = (who: Principal) => (who.kind === 'user' ? who.accountId : 'anonymous');
const nameOf = (accountId: string) => app.directory.user(accountId)!.displayName;

/** Views at distinct hours (beyond any blocking time), a few outside the range and in another space. */
async function seed(page: DemoContent) {
  const inSpace = app.directory.contentsOf(page.spaceKey).filter((c) => !c.restriction).slice(0, 4);
  const elsewhere = app.directory.site.contents.find((c) => c.spaceKey !== page.spaceKey && !c.restriction && app.directory.space(c.spaceKey)!.type === 'global')!;
  const people = [app.users.admin, app.users.reader, app.users.otherReader, app.users.anonymous];
  const events: Array<{ viewer: string; content: DemoContent; at: number }> = [];
  let hour = 0;
  for (let i = 0; i < 26; i += 1) {
    const who = people[i % 5 === 4 ? 3 : (i * i + i) % 3]!;
    const content = i % 9 === 8 ? elsewhere : inSpace[i % inSpace.length]!;
    const at = i % 11 === 10 ? Date.parse('2026-10-20T00:00:00Z') + i * HOUR : T + (hour += 5) * HOUR;
    await app.view(who, content, at);
    events.push({ viewer: idOf(who), content, at });
  }
  return { events, inSpace, elsewhere };
}

/** The reference: every event counted one by one, no shortcuts. */
function expected(events: Array<{ viewer: string; content: DemoContent; at: number }>, spaceKey: string) {
  const from = Date.parse('2026-11-01T00:00:00Z'); const to = Date.parse('2026-12-01T00:00:00Z') - 1;
  const counts = new Map<string, number>();
  for (const event of events) {
    if (event.viewer === 'anonymous' || event.content.spaceKey !== spaceKey || event.at < from || event.at > to) continue;
    counts.set(event.viewer, (counts.get(event.viewer) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([viewer, views]) => ({ name: nameOf(viewer), views }));
}

describe('report macro: top readers of the content selection', () => {
  it('ranks readers by their views of the selection in the range, as the reference model counts them', async () => {
    await configure({});
    const page = app.publicContent(0);
    const { events } = await seed(page);
    const answer = await macro(app.users.admin, page, READERS);
    expect(answer.peopleHidden).toBeUndefined();
    expect(answer.readers).toEqual(expected(events, page.spaceKey));
    expect(answer.readers!.length).toBeGreaterThan(1);
    expect(answer.notes).toEqual([]);
  });

  it('a page-tree selection of one page counts only that page (read per content)', async () => {
    await configure({});
    const page = app.publicContent(0);
    const { events } = await seed(page);
    const answer = await macro(app.users.admin, page, { ...READERS, scope: { kind: 'page-tree', pageId: page.id } });
    const inTree = (content: DemoContent): boolean => content.id === page.id || (typeof content.parentId === 'string' && inTree(app.directory.content(content.parentId)!));
    const onPage = events.filter((event) => inTree(event.content));
    expect(onPage.length).toBeLessThan(events.length);
    expect(answer.readers).toEqual(expected(onPage, page.spaceKey));
  });

  it('says that retention removed views when the range reaches further back', async () => {
    await configure({ privacy: { ...DEFAULT_SETTINGS.privacy, retentionDays: 30 } });
    const page = app.publicContent(0);
    const answer = await macro(app.users.admin, page, { ...READERS, range: { kind: 'custom', from: '2026-06-01', to: '2026-11-30' } });
    expect(answer.notes).toEqual([expect.stringMatching(/kept for 30 days \(retention\)/)]);
  });

  it('hide-viewers: the names group sees the readers, nobody else (not even a site admin) sees a name', async () => {
    const hr = app.directory.groupByName('hr-team')!;
    await configure({ privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'hide-viewers', viewerNamesGroup: { id: hr.id, name: hr.name } } });
    const page = app.publicContent(0);
    const { events } = await seed(page);
    const member = app.directory.site.users.find((u) => u.role === 'reader' && u.status === 'active' && u.groupIds.includes(hr.id))!;
    const asMember = await macro({ kind: 'user', accountId: member.accountId, accountType: 'licensed' }, page, READERS);
    expect(asMember.readers).toEqual(expected(events, page.spaceKey));
    const asAdmin = await macro(app.users.admin, page, READERS);
    expect(asAdmin.readers).toEqual([]);
    expect(JSON.stringify(asAdmin)).not.toContain(nameOf(idOf(app.users.reader)));
    expect(JSON.stringify(asAdmin)).not.toContain(idOf(app.users.reader));
  });

  it('standard: a space admin sees readers of their own space only, and is told so', async () => {
    await configure({});
    const page = app.publicContent(0);
    const { events, elsewhere } = await seed(page);
    const admin = app.directory.site.users.find((u) => u.role === 'reader' && u.status === 'active' && u.accountId !== idOf(app.users.reader) && u.accountId !== idOf(app.users.otherReader))!;
    app.directory.space(page.spaceKey)!.adminIds = [admin.accountId];
    const both = { ...READERS, scope: { kind: 'spaces', spaceKeys: [page.spaceKey, elsewhere.spaceKey] } };
    forgetModuleCaches();
    const answer = await macro({ kind: 'user', accountId: admin.accountId, accountType: 'licensed' }, page, both);
    expect(answer.readers).toEqual(expected(events, page.spaceKey));
    expect(answer.notes).toEqual([expect.stringMatching(/this space’s content only/)]);
    // A site admin counts both spaces.
    const all = await macro(app.users.admin, page, both);
    const total = (list: Array<{ views: number }> | undefined) => (list ?? []).reduce((sum, reader) => sum + reader.views, 0);
    expect(total(all.readers)).toBe(total(expected(events, page.spaceKey)) + total(expected(events, elsewhere.spaceKey)));
  });

  it('extended privacy: no names, ids or avatars, and the reason', async () => {
    await configure({ privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } });
    const page = app.publicContent(0);
    await seed(page);
    const answer = await macro(app.users.admin, page, READERS);
    expect(answer.readers).toEqual([]);
    expect(answer.peopleHidden).toMatch(/Extended privacy/);
    expect(JSON.stringify(answer)).not.toMatch(/avatar/);
  });
});

describe('report macro: guests and anonymous visitors in a scope larger than the per-item check', () => {
  it('says exactly how much of the scope was checked for them, without revealing its size', async () => {
    await configure({ reportMacroAnonymous: true });
    const page = app.publicContent(0);
    for (let i = 0; i < 230; i += 1) app.directory.addContent({ ...page, id: String(990_000 + i), title: `Extra ${i}`, labels: [], parentId: null });
    for (const who of [app.users.anonymous, app.users.guest]) {
      const answer = await macro(who, page, { ...DEFAULT_REPORT, range: { kind: 'preset', preset: 'all' } });
      expect(answer.coverage.checked).toBe(200);
      expect(answer.coverage.included).toBeLessThanOrEqual(200);
      expect(answer.coverage.total).toBe(answer.coverage.included);
      expect(coverageText(answer.coverage)).toMatch(new RegExp(`^Included the ${answer.coverage.included} you may read of the scope's first 200 items; later items were not checked$`));
    }
    // A licensed reader searches as themselves: no per-item check, the whole scope up to 1,000.
    const asReader = await macro(app.users.reader, page, { ...DEFAULT_REPORT, range: { kind: 'preset', preset: 'all' } });
    expect(asReader.coverage.checked).toBeUndefined();
    expect(asReader.coverage.included).toBeGreaterThan(200);
  });
});
