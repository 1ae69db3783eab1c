import { forgetModuleCaches } from '../../src/platform/memory-cache';
import type { SavedReportsView } from '@contracts/custom-reports';
import type { Envelope } from '@contracts/envelope';
import type { Settings } from '@contracts/settings';
import type { Principal } from '../../local/host/principal';
import { DEFAULT_REPORT } from '../../src/custom-reports/rules/report-macro-config';
import { MAX_SAVED_REPORTS_PER_SPACE } from '../../src/custom-reports/rules/saved-report';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
let version = 0;
let spaceAdmin: Principal;
beforeEach(async () => {
  app = await startAppPlatform();
  version = 0;
  forgetModuleCaches();
  // The reader administers the public page's space (and only that one).
  const space = app.directory.space(app.publicContent(0).spaceKey)!;
  spaceAdmin = app.users.otherReader;
  space.adminIds = [(spaceAdmin as { accountId: string }).accountId];
});
afterEach(() => app.stop());

async function configure(change: Partial<Settings>): Promise<void> {
  const answer = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, customReports: true, ...change }, expectedVersion: version });
  expect(answer.ok).toBe(true);
  version += 1;
}

function inSpace(who: Principal, key: 'getSpaceSavedReports' | 'saveSpaceReport' | 'deleteSpaceReport' | 'runSavedReport', payload: unknown, spaceKey = app.publicContent(0).spaceKey): Promise<Envelope<unknown>> {
  const space = app.directory.space(spaceKey)!;
  return <Promise<Envelope<unknown>>>app.platform.invokeResolver(who, { moduleKey: 'space-report', localId: 'x', extension: { type: 'confluence:spacePage', space: { id: String(space.id), key: space.key } } }, key, payload);
}

const definition = { ...DEFAULT_REPORT, range: { kind: 'preset', preset: 'all' } };

describe('saved space reports', () => {
  it('a space admin saves one; everyone who may open the space report sees and runs it; readers cannot change it', async () => {
    await configure({ spaceReportAudience: 'space-viewers' });
    const page = app.publicContent(0);
    await app.view(app.users.reader, page, Date.parse('2026-11-20T10:00:00Z'));
    const saved = (await inSpace(spaceAdmin, 'saveSpaceReport', { name: 'Most read, all time', definition })) as Envelope<SavedReportsView>;
    expect(saved).toEqual({ ok: true, data: expect.objectContaining({ canManage: true, reports: [expect.objectContaining({ name: 'Most read, all time', spaceKey: page.spaceKey })] }) });
    const id = saved.ok ? saved.data.reports[0]!.id : '';

    const asReader = (await inSpace(app.users.reader, 'getSpaceSavedReports', {})) as Envelope<SavedReportsView>;
    expect(asReader).toEqual({ ok: true, data: expect.objectContaining({ enabled: true, canManage: false, reports: [expect.objectContaining({ id })] }) });
    const run = await inSpace(app.users.reader, 'runSavedReport', { id });
    expect(run).toEqual({ ok: true, data: expect.objectContaining({ state: 'report', rows: [expect.objectContaining({ contentId: page.id, views: 1 })] }) });

    expect(await inSpace(app.users.reader, 'saveSpaceReport', { name: 'Mine', definition })).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    expect(await inSpace(app.users.reader, 'deleteSpaceReport', { id })).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });

  it('callers who may not open the space report see none of it', async () => {
    await configure({ spaceReportAudience: 'managers' });
    await inSpace(spaceAdmin, 'saveSpaceReport', { name: 'R', definition });
    expect(await inSpace(app.users.reader, 'getSpaceSavedReports', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    expect(await inSpace(app.users.anonymous, 'getSpaceSavedReports', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    // Admin of one space is no admin of another.
    const other = app.directory.site.spaces.find((s) => s.key !== app.publicContent(0).spaceKey && s.type === 'global')!;
    expect(await inSpace(spaceAdmin, 'saveSpaceReport', { name: 'R', definition }, other.key)).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
  });

  it('definitions are validated and bounded; names are unique per space; at most N per space', async () => {
    await configure({});
    const bad = await inSpace(spaceAdmin, 'saveSpaceReport', { name: '', definition: { ...definition, rows: 5000 }, extra: 1 });
    expect(bad).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
    const fields = await inSpace(spaceAdmin, 'saveSpaceReport', { name: '', definition: { ...definition, rows: 5000 } });
    expect(fields).toEqual({ ok: false, error: expect.objectContaining({ fieldErrors: expect.objectContaining({ name: expect.any(String), 'definition.rows': expect.any(String) }) }) });
    for (let i = 0; i < MAX_SAVED_REPORTS_PER_SPACE; i += 1) expect((await inSpace(spaceAdmin, 'saveSpaceReport', { name: `R${i}`, definition })).ok).toBe(true);
    expect(await inSpace(spaceAdmin, 'saveSpaceReport', { name: 'one more', definition })).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input', message: expect.stringMatching(/at most/) }) });
    expect(await inSpace(spaceAdmin, 'saveSpaceReport', { name: 'r0', definition })).toEqual({ ok: false, error: expect.objectContaining({ fieldErrors: { name: expect.any(String) } }) });
  });

  it('Custom Reports off: saved reports are hidden (and kept), and cannot be run or changed', async () => {
    await configure({});
    const saved = (await inSpace(spaceAdmin, 'saveSpaceReport', { name: 'Kept', definition })) as Envelope<SavedReportsView>;
    const id = saved.ok ? saved.data.reports[0]!.id : '';
    await configure({ customReports: false });
    expect(await inSpace(spaceAdmin, 'getSpaceSavedReports', {})).toEqual({ ok: true, data: expect.objectContaining({ enabled: false, reports: [] }) });
    expect(await inSpace(spaceAdmin, 'runSavedReport', { id })).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    await configure({ customReports: true });
    expect(await inSpace(spaceAdmin, 'getSpaceSavedReports', {})).toEqual({ ok: true, data: expect.objectContaining({ enabled: true, reports: [expect.objectContaining({ id, name: 'Kept' })] }) });
  });

  it('site admins see and delete every space\'s saved reports; others may not', async () => {
    await configure({});
    await inSpace(spaceAdmin, 'saveSpaceReport', { name: 'A', definition });
    await inSpace(app.users.admin, 'saveSpaceReport', { name: 'B', definition }, app.directory.site.spaces.find((s) => s.key !== app.publicContent(0).spaceKey)!.key);
    const all = await app.invoke(app.users.admin, 'settings', 'getAllSavedReports', {});
    expect(all.ok && all.data.reports.map((r) => r.name).sort()).toEqual(['A', 'B']);
    expect(await app.invoke(spaceAdmin, 'settings', 'getAllSavedReports', {})).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    const a = all.ok ? all.data.reports.find((r) => r.name === 'A')! : null;
    const after = await app.invoke(app.users.admin, 'settings', 'deleteAnySavedReport', { spaceKey: a!.spaceKey, id: a!.id });
    expect(after.ok && after.data.reports.map((r) => r.name)).toEqual(['B']);
  });
});
