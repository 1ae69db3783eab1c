/**
 * A group-filtered report too large for one call (issue 17): the first calls answer `preparing` with
 * progress and never a figure, each call continues where the last one stopped, and the figures once
 * ready equal the brute-force count over the members' views, each view once. Views recorded after the
 * preparation began are not counted (it says "as of"); the scheduled run finishes a preparation nobody
 * keeps open; erasing an account removes what is stored; stored progress holds no account id.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import type { ReportPreparing } from '@contracts/report-query';
import type { Principal } from '../../local/host/principal';
import type { DemoUser } from '../../local/demo/directory';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';
import { viewedEvent } from '../support/events';
import { deliveredAt } from '../../local/host/delivery-clock';
import { forgetModuleCaches } from '../../src/platform/memory-cache';
import { GROUP_REPORT_BUDGET, groupReportSummary, groupReportTable } from '../../src/reports/group-report';
import { seededRandom } from '../../local/kvs/rng';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';

let app: AppPlatform;
const range = { kind: 'preset', preset: '30d' } as const;
const MEMBERS = 36;
let group: { id: string; name: string };
let members: Principal[];
let outsider: Principal;
const saved = GROUP_REPORT_BUDGET.ms;

const idOf = (who: Principal) => (who.kind === 'user' ? who.accountId : '');
const summaryPayload = () => ({ scope: 'global', range, filters: { groupId: group.id } } as const);
const tablePayload = (table: 'top-readers' | 'top-content') => ({ ...summaryPayload(), table, sort: { column: 'views', direction: 'desc' }, pageSize: 100 } as const);

async function storedKeys(): Promise<Array<{ key: string; value: unknown }>> {
  const page = await kvs.query().where('key', WhereConditions.beginsWith('grp-prep:')).limit(100).getMany<unknown>();
  return page.results;
}

/** A group of MEMBERS licensed users, each of whom (and one outsider) views public pages. */
function addGroup(name: string): void {
  group = { id: `00000000-0000-4000-8000-${String(Date.now()).slice(-12)}`, name };
  app.directory.site.groups.push(group);
  (app.directory.groupsById as Map<string, { id: string; name: string }>).set(group.id, group);
  members = [];
  for (let i = 0; i < MEMBERS; i += 1) {
    const user: DemoUser = { accountId: `557058:${name}-${i}`, displayName: `${name} ${i}`, role: 'reader', accountType: 'licensed', isAdmin: false, groupIds: [group.id], status: 'active' } as DemoUser;
    app.directory.site.users.push(user);
    (app.directory.usersById as Map<string, DemoUser>).set(user.accountId, user);
    members.push({ kind: 'user', accountId: user.accountId, accountType: 'licensed' });
  }
}

/** Views of the last days: member i views (i % 3) + 1 pages; the outsider views too. Returns the model. */
async function seedViews(): Promise<Array<{ viewer: string; contentId: string }>> {
  const model: Array<{ viewer: string; contentId: string }> = [];
  const now = Date.now();
  for (const [i, member] of members.entries()) {
    for (let n = 0; n <= i % 3; n += 1) {
      const content = app.publicContent(n);
      await app.view(member, content, now - (i * 3 + n + 1) * 3_600_000);
      model.push({ viewer: idOf(member), contentId: content.id });
    }
  }
  await app.view(outsider, app.publicContent(0), now - 60_000);
  return model;
}

beforeEach(async () => {
  app = await startAppPlatform();
  outsider = app.users.otherReader;
  addGroup(`prep${Math.floor(Math.random() * 1e6)}`);
});
afterEach(() => { GROUP_REPORT_BUDGET.ms = saved; app.emulator.setLatency(undefined); app.stop(); });

/** Each call reads about one member per parallel reader (10): the budget is spent once the first reads return. */
function oneStepPerCall(): void {
  GROUP_REPORT_BUDGET.ms = 0;
  app.emulator.setLatency({ minMs: 3, maxMs: 5 });
}

describe('a group report too large for one call', () => {
  it('answers preparing with progress, never a figure, then after N calls the exact figures, each view once', async () => {
    const model = await seedViews();
    oneStepPerCall();
    const answers: ReportPreparing[] = [];
    let summary = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    while (summary.ok && 'status' in summary.data) {
      answers.push(summary.data);
      expect(Object.keys(summary.data).sort()).toEqual(['message', 'progress', 'status']);
      expect(answers.length).toBeLessThan(20);
      forgetModuleCaches(); // another function instance each call: only what is stored carries over
      summary = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    }
    if (!summary.ok || 'status' in summary.data) throw new Error(JSON.stringify(summary));
    // Several calls, each reading more members, the total known from the second stage on.
    expect(answers.length).toBeGreaterThanOrEqual(2);
    const done = answers.map((answer) => answer.progress.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(answers.every((answer) => answer.progress.stage === 'views' && answer.progress.total === MEMBERS)).toBe(true);
    expect(new Set(answers.map((answer) => answer.progress.asOf)).size).toBe(1);
    // Exact: the brute-force count over the members' views (the outsider's left out).
    expect(summary.data.current).toEqual({
      views: model.length, anonymousViews: 0,
      viewers: { value: new Set(model.map((view) => view.viewer)).size, exact: true },
      contentViewed: { value: new Set(model.map((view) => view.contentId)).size, exact: true },
    });
    expect(summary.data.asOf).toBe(answers[0]!.progress.asOf);
    expect(summary.data.notes).toEqual(expect.arrayContaining([expect.stringContaining('recorded up to')]));
    const readers = await app.invoke(app.users.admin, 'global-report', 'getReportTable', tablePayload('top-readers'));
    if (!readers.ok || !('result' in readers.data) || readers.data.result.table !== 'top-readers') throw new Error(JSON.stringify(readers));
    const perViewer = new Map<string, number>();
    for (const view of model) perViewer.set(view.viewer, (perViewer.get(view.viewer) ?? 0) + 1);
    expect(new Map(readers.data.result.rows.map((row) => [row.viewer, row.views]))).toEqual(perViewer);
    // Other filters reuse the preparation (the same days read): each answer equals reading every member's
    // views at once (groupReportSummary/groupReportTable, checked against the brute-force model in
    // report-query-group.property.test.ts).
    const ids = members.map(idOf);
    const space = app.publicContent(0).spaceKey;
    for (const filters of [{ contentTypes: ['page' as const] }, { spaceKeys: [space] }, { sources: ['desktop' as const] }, { contentTypes: ['blogpost' as const] }]) {
      const prepared = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', { ...summaryPayload(), filters: { ...filters, groupId: group.id } });
      if (!prepared.ok || 'status' in prepared.data) throw new Error(JSON.stringify(prepared));
      const direct = await groupReportSummary(prepared.data.range, filters, prepared.data.today, ids);
      if (!direct.ok) throw new Error(direct.message);
      expect({ filters, current: prepared.data.current, previous: prepared.data.previous, series: prepared.data.series })
        .toEqual({ filters, current: direct.value.current, previous: direct.value.previous, series: direct.value.series });
      for (const table of ['top-content', 'top-spaces', 'by-source', 'by-type'] as const) {
        const shown = await app.invoke(app.users.admin, 'global-report', 'getReportTable', { ...tablePayload('top-content'), table, filters: { ...filters, groupId: group.id } });
        const query = { range: prepared.data.range, filters, table, sort: { column: 'views', direction: 'desc' as const }, pageSize: 100 };
        const whole = await groupReportTable(query, prepared.data.today, ids);
        if (!shown.ok || !('result' in shown.data) || !whole.ok) throw new Error(JSON.stringify([shown, whole]));
        expect({ filters, table, rows: shown.data.result.rows.map((row) => row.views) }).toEqual({ filters, table, rows: whole.value.result.rows.map((row) => row.views) });
      }
    }
    // The same figures as reading every member at once (no budget), after the stored preparation is gone.
    GROUP_REPORT_BUDGET.ms = saved;
    app.emulator.setLatency(undefined);
    await (await import('../../src/reports/index')).deleteGroupPreparations();
    forgetModuleCaches();
    const whole = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    expect(whole.ok && 'current' in whole.data && whole.data.current).toEqual(summary.data.current);
    expect(whole.ok && 'asOf' in whole.data && whole.data.asOf).toBe(false); // read whole in one call: nothing stored, no "as of"
    expect(await storedKeys()).toEqual([]);
  }, 60_000);

  it('a call stopped between writing its views and its progress (or after) loses nothing and counts nothing twice', async () => {
    const model = await seedViews();
    oneStepPerCall();
    // A third of the preparation's writes (a lease, a part of views, the head) are applied and then
    // answered with an error, or refused: the call stops there, and the next one goes on.
    const random = seededRandom(7);
    let failed = 0;
    app.emulator.setFaults({
      decide: (request) => {
        if (!request.isWrite || !request.body.includes('grp-prep:')) return undefined;
        const roll = random();
        if (roll < 0.2) { failed += 1; return { kind: 'failAfterApply', status: 500 }; }
        if (roll < 0.35) { failed += 1; return { kind: 'reject', status: 500 }; }
        return { kind: 'none' };
      },
    });
    let summary: Awaited<ReturnType<typeof app.invoke<'getReportSummary'>>> | null = null;
    for (let calls = 0; calls < 40; calls += 1) {
      forgetModuleCaches();
      try {
        summary = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
      } catch {
        summary = null; // the invocation failed: the UI asks again
      }
      if (summary?.ok && !('status' in summary.data)) break;
    }
    app.emulator.setFaults(undefined);
    expect(failed).toBeGreaterThan(0);
    if (!summary?.ok || 'status' in summary.data) throw new Error(JSON.stringify(summary));
    expect(summary.data.current.views).toBe(model.length);
    expect(summary.data.current.viewers?.value).toBe(new Set(model.map((view) => view.viewer)).size);
  }, 90_000);

  it('counts the views recorded up to when it began: a view recorded between two calls is left out, read member or not', async () => {
    const model = await seedViews();
    oneStepPerCall();
    const first = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    if (!first.ok || !('status' in first.data)) throw new Error(JSON.stringify(first));
    const { asOf } = first.data.progress;
    // Between calls: a view by every member (some already read, some not), one of them dated before asOf.
    // A member read in a later call (ids sort "-35" late): the view happened before asOf, but it is
    // recorded now, after the preparation began (delivered a second after asOf at the earliest, so the
    // app's recordedAt is past asOf however fast this machine reached this line).
    const late = members[MEMBERS - 1]!;
    const content = app.publicContent(2);
    await deliveredAt(Math.max(Date.now(), asOf + 1_000), () => app.platform.deliverEvent(viewedEvent({
      contentId: content.id, spaceKey: content.spaceKey, type: content.type, title: content.title, at: asOf - 1_000,
      ...(late.kind === 'user' ? { accountId: late.accountId } : {}),
    }) as { eventType: string }));
    for (const member of members) await app.view(member, app.publicContent(3), Date.now());
    let summary = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    for (let calls = 0; summary.ok && 'status' in summary.data && calls < 20; calls += 1) {
      summary = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    }
    if (!summary.ok || 'status' in summary.data) throw new Error(JSON.stringify(summary));
    expect(summary.data.current.views).toBe(model.length);
    expect(summary.data.asOf).toBe(asOf);
  }, 60_000);

  it('the scheduled run finishes a preparation nobody keeps open; the next call answers at once', async () => {
    const model = await seedViews();
    oneStepPerCall();
    const first = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    expect(first.ok && 'status' in first.data).toBe(true);
    app.emulator.setLatency(undefined);
    expect(await app.platform.runScheduled('reach-preparation-schedule')).toMatchObject({ ready: 1 });
    forgetModuleCaches();
    // Still a budget of 0: only a preparation already complete can answer figures.
    const next = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    expect(next.ok && 'current' in next.data && next.data.current.views).toBe(model.length);
    const table = await app.invoke(app.users.admin, 'global-report', 'getReportTable', tablePayload('top-content'));
    expect(table.ok && 'result' in table.data && table.data.result.rows.reduce((sum, row) => sum + row.views, 0)).toBe(model.length);
    // Nothing left open: the next run does nothing.
    expect(await app.platform.runScheduled('reach-preparation-schedule')).toEqual({ steps: 0, ready: 0 });
  }, 60_000);

  it('stores progress under pseudonyms only, and erasing an account removes it', async () => {
    await seedViews();
    oneStepPerCall();
    const first = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    expect(first.ok && 'status' in first.data).toBe(true);
    const stored = await storedKeys();
    expect(stored.length).toBeGreaterThanOrEqual(2); // the head and at least one part of views
    const text = JSON.stringify(stored);
    for (const member of members) expect(text).not.toContain(idOf(member));
    const { eraseAccount } = await import('../../src/privacy/storage/account-erasure');
    await eraseAccount(idOf(members[0]!));
    expect(await storedKeys()).toEqual([]);
  }, 60_000);

  it('switching to Extended privacy: the scheduled run drops every preparation instead of continuing it', async () => {
    await seedViews();
    oneStepPerCall();
    const first = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    expect(first.ok && 'status' in first.data).toBe(true);
    expect((await storedKeys()).length).toBeGreaterThan(0);
    const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, mode: 'extended' } }, expectedVersion: 0 });
    expect(saved.ok).toBe(true);
    expect(await app.platform.runScheduled('reach-preparation-schedule')).toMatchObject({ ready: 0 });
    expect(await storedKeys()).toEqual([]);
  }, 60_000);

  it('a group of more than 2,000 members is refused at once, with what to do, and leaves nothing to continue', async () => {
    for (let i = 0; i < 2_100; i += 1) {
      const user = { accountId: `557058:huge-${i}`, displayName: `Huge ${i}`, role: 'reader', accountType: 'licensed', isAdmin: false, groupIds: [group.id], status: 'active' } as DemoUser;
      app.directory.site.users.push(user);
      (app.directory.usersById as Map<string, DemoUser>).set(user.accountId, user);
    }
    const answer = await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload());
    expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input', message: expect.stringContaining('more than 2,000 members') }) });
    expect(await app.platform.runScheduled('reach-preparation-schedule')).toMatchObject({ ready: 0 });
  }, 60_000);

  it('only callers who may filter by group start or read a preparation', async () => {
    await seedViews();
    oneStepPerCall();
    const refused = await app.invoke(app.users.reader, 'global-report', 'getReportSummary', summaryPayload());
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    expect(await storedKeys()).toEqual([]);
    expect((await app.invoke(app.users.admin, 'global-report', 'getReportSummary', summaryPayload())).ok).toBe(true);
    expect((await storedKeys()).length).toBeGreaterThan(0);
    const again = await app.invoke(app.users.reader, 'global-report', 'getReportTable', tablePayload('top-readers'));
    expect(again).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    expect(JSON.stringify(again)).not.toContain('progress');
  }, 60_000);
});
