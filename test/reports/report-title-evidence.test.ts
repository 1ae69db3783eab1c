/**
 * A report-group member's titles (docs/reports.md, "Titles and Confluence points"): Confluence's recent
 * "yes" answers the app recorded (an earlier open's search, the byline's checks for the member or one
 * of the member's groups) decide a row without a call for REPORT_ANSWER_MS; a "no" is never recorded;
 * a restriction event ends a recorded answer at once, the bound ends the rest (Cloud sends no event
 * when content becomes restricted). Through the real resolvers and the local Confluence.
 */
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import type { ContentFigure } from '@contracts/report-query';
import { deliveredAt } from '../../local/host/delivery-clock';
import type { DemoContent, DemoUser } from '../../local/demo/directory';
import { REPORT_ANSWER_MS } from '../../src/access/index';
import { forgeAccessCachesForTests } from '../support/access-caches';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
let member: DemoUser;
// The app's user is added to every restriction here (as admins do on Cloud for the app to work).
beforeEach(async () => {
  app = await startAppPlatform({ appSeesAll: true });
  member = app.directory.site.users.find((u) => u.role === 'report-reader' && u.status === 'active')!;
  const group = app.directory.site.groups.find((g) => member.groupIds.includes(g.id) && /report/.test(g.name))!;
  const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, reportAccessGroup: { id: group.id, name: group.name } }, expectedVersion: 0 });
  expect(saved.ok).toBe(true);
});
afterEach(() => app.stop());

const DAY = 86_400_000;
const topContent = () => ({
  scope: 'global', range: { kind: 'custom', from: new Date(Date.now() - 29 * DAY).toISOString().slice(0, 10), to: new Date().toISOString().slice(0, 10) },
  filters: {}, table: 'top-content', sort: { column: 'views', direction: 'desc' }, pageSize: 25,
} as const);
const asMember = () => ({ kind: 'user' as const, accountId: member.accountId, accountType: member.accountType });
const searches = () => app.confluence.recentRequests().filter((r) => r.path.startsWith('/wiki/rest/api/content/search'));

/** The member's first table page on a new function instance (memory caches dropped), and the title searches it made. */
async function open(at = Date.now()): Promise<{ rows: ContentFigure[]; searched: string[] }> {
  forgeAccessCachesForTests();
  const before = searches().length;
  const answer = await deliveredAt(at, () => app.invoke(asMember(), 'global-report', 'getReportTable', topContent()));
  expect(answer.ok).toBe(true);
  const rows = (answer as { data: { result: { rows: ContentFigure[] } } }).data.result.rows;
  return { rows, searched: searches().slice(before).map((r) => decodeURIComponent(r.path)) };
}

/** One view of each content by someone who may read it (the admin, or the user a restriction names). */
async function viewEverything(): Promise<DemoContent[]> {
  const contents = app.directory.site.contents.slice(0, 32);
  for (const [i, content] of contents.entries()) {
    const named = content.restriction?.userIds[0];
    const viewer = named ? { kind: 'user' as const, accountId: named, accountType: app.directory.user(named)!.accountType } : app.users.admin;
    await app.view(viewer, content, Date.now() - 3_600_000 - i * 1000);
  }
  return contents;
}

/** Confluence's event for a changed restriction, as Forge delivers it. */
async function restrictionChanged(content: DemoContent): Promise<void> {
  const space = app.directory.space(content.spaceKey)!;
  const at = new Date().toISOString();
  await app.platform.deliverEvent({
    eventType: `avi:confluence:permissions_updated:${content.type}`, eventCreatedDate: at, atlassianId: 'someone', suppressNotifications: false,
    content: { id: content.id, type: content.type, status: 'current', title: content.title, space: { id: space.id, key: space.key, name: space.name, type: space.type, status: 'current' }, history: { latest: true, createdDate: at }, version: { when: at, number: content.version + 1 } },
  });
}

it('asks Confluence about a page of 25 rows once, and on a later open only about the rows it hid', async () => {
  await viewEverything();
  const first = await open();
  expect(first.rows).toHaveLength(25);
  expect(first.searched).toHaveLength(1);
  const hidden = first.rows.filter((r) => r.titleHidden).map((r) => r.contentId);
  const shown = first.rows.filter((r) => !r.titleHidden);
  expect(shown.length).toBeGreaterThan(0);

  // A new function instance a minute later: the recorded "yes" answers decide; the rows hidden are asked again, never recorded as "no".
  const second = await open(Date.now() + 60_000);
  expect(second.rows.map((r) => [r.contentId, r.title, r.titleHidden])).toEqual(first.rows.map((r) => [r.contentId, r.title, r.titleHidden]));
  if (hidden.length === 0) expect(second.searched).toEqual([]);
  else {
    expect(second.searched).toHaveLength(1);
    const asked = /id in \(([^)]*)\)/.exec(second.searched[0]!)![1]!.split(',');
    expect(asked.sort()).toEqual([...hidden].sort());
  }
});

it('still hides a restricted title, and a recorded answer never outlives REPORT_ANSWER_MS', async () => {
  const contents = await viewEverything();
  const first = await open();
  const restricted = contents.find((c) => c.restriction && !c.restriction.userIds.includes(member.accountId) && !member.groupIds.some((g) => c.restriction!.groupIds.includes(g)));
  if (restricted) expect(first.rows.find((r) => r.contentId === restricted.id)).toMatchObject({ title: '', titleHidden: true });

  // Restricted with no event (Cloud sends none when content becomes restricted): shown until the bound, then asked again and hidden.
  const page = first.rows.find((r) => !r.titleHidden)!;
  app.confluence.overlay.restriction.set(page.contentId, { userIds: ['nobody-here'], groupIds: [] });
  expect((await open(Date.now() + REPORT_ANSWER_MS - 60_000)).rows.find((r) => r.contentId === page.contentId)).toMatchObject({ titleHidden: false });
  const later = await open(Date.now() + REPORT_ANSWER_MS + 60_000);
  expect(later.rows.find((r) => r.contentId === page.contentId)).toMatchObject({ title: '', titleHidden: true });
  expect(later.searched).toHaveLength(1);
});

it('a restriction event ends a recorded "readable" at once', async () => {
  const contents = await viewEverything();
  const first = await open();
  const row = first.rows.find((r) => !r.titleHidden && contents.find((c) => c.id === r.contentId)!.type === 'blogpost')
    ?? first.rows.find((r) => !r.titleHidden)!;
  const content = contents.find((c) => c.id === row.contentId)!;
  expect((await open()).rows.find((r) => r.contentId === row.contentId)).toMatchObject({ title: content.title, titleHidden: false });

  app.confluence.overlay.restriction.set(content.id, { userIds: ['nobody-here'], groupIds: [] });
  await restrictionChanged(content);
  const after = await open(Date.now() + 1000);
  expect(after.rows.find((r) => r.contentId === row.contentId)).toMatchObject({ title: '', titleHidden: true });
  expect(after.searched.join(' ')).toContain(content.id);
});

it('takes the byline’s recent answer for one of the member’s groups: no search at all', async () => {
  const [content] = await viewEverything();
  // A page render by the member records Confluence's answer for one of the member's groups (or the member).
  await app.view(asMember(), app.publicContent(0), Date.now() - 120_000);
  forgeAccessCachesForTests();
  await app.byline(asMember(), content!);
  const first = await open();
  const row = first.rows.find((r) => r.contentId === content!.id)!;
  expect(row).toMatchObject({ titleHidden: false });
  expect(first.searched.join(' ')).not.toContain(`${content!.id},`);
  expect(first.searched.join(' ')).not.toMatch(new RegExp(`[(,]${content!.id}[,)]`));
});

it('a guest in the report group: one permission check per row (no content lookup), titles shown only where it answers yes, recorded for the next open', async () => {
  await viewEverything();
  const guest = app.directory.user(app.users.guest.kind === 'user' ? app.users.guest.accountId : '')!;
  const group = app.directory.site.groups.find((g) => member.groupIds.includes(g.id) && /report/.test(g.name))!;
  guest.groupIds.push(group.id);
  const asGuest = app.users.guest;
  const calls = () => app.confluence.recentRequests().map((r) => `${r.method} ${r.path.split('?')[0]}`);
  forgeAccessCachesForTests();
  const before = calls().length;
  const answer = await app.invoke(asGuest, 'global-report', 'getReportTable', topContent());
  const rows = (answer as { data: { result: { rows: ContentFigure[] } } }).data.result.rows;
  const made = calls().slice(before);
  expect(made.filter((c) => /^GET \/wiki\/rest\/api\/content\/\d+$/.test(c))).toEqual([]);
  expect(made.filter((c) => c.endsWith('/permission/check'))).toHaveLength(rows.length);
  expect(rows.some((r) => !r.titleHidden) && rows.some((r) => r.titleHidden)).toBe(true);
  // Each row as Confluence's own check answers it for the guest.
  for (const row of rows) {
    const check = app.confluence.handle({ method: 'POST', path: `/wiki/rest/api/content/${row.contentId}/permission/check`, caller: { kind: 'app' }, body: JSON.stringify({ subject: { type: 'user', identifier: guest.accountId }, operation: 'read' }) } as never);
    expect(row.titleHidden).toBe(!(check.status === 200 && (check.body as { hasPermission: boolean }).hasPermission));
  }
  forgeAccessCachesForTests();
  const again = calls().length;
  await app.invoke(asGuest, 'global-report', 'getReportTable', topContent());
  expect(calls().slice(again).filter((c) => c.endsWith('/permission/check'))).toHaveLength(rows.filter((r) => r.titleHidden).length);
  guest.groupIds.splice(guest.groupIds.indexOf(group.id), 1);
});
