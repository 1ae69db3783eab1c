/**
 * A space key that names no space is refused for everyone, site admins included: no saved report is
 * stored under `sr:NOPE`, and neither the space report nor its saved reports open there.
 */
import { kvs } from '@forge/kvs';
import type { Envelope } from '@contracts/envelope';
import type { Principal } from '../../local/host/principal';
import { DEFAULT_REPORT } from '../../src/custom-reports/rules/report-macro-config';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeEach(async () => {
  app = await startAppPlatform();
  const saved = await app.invoke(app.users.admin, 'settings', 'saveSettings', { settings: { ...DEFAULT_SETTINGS, customReports: true }, expectedVersion: 0 });
  if (!saved.ok) throw new Error(saved.error.message);
});
afterEach(() => app.stop());

function inSpace(who: Principal, key: string, payload: unknown, spaceKey: string): Promise<Envelope<unknown>> {
  return app.platform.invokeResolver(who, { moduleKey: 'space-report', localId: 'x', extension: { type: 'confluence:spacePage', space: { id: '1', key: spaceKey } } }, key, payload) as Promise<Envelope<unknown>>;
}

const refused = { ok: false, error: expect.objectContaining({ code: expect.stringMatching(/^(not-found|forbidden)$/) }) };

describe('a space that does not exist', () => {
  it('gets no saved report, even from a site admin', async () => {
    const answer = await inSpace(app.users.admin, 'saveSpaceReport', { name: 'Ghost', definition: DEFAULT_REPORT }, 'NOPE');
    expect(answer).toEqual(refused);
    expect(await kvs.entity('space-reports').get('sr:NOPE')).toBeUndefined();
  });

  it('opens neither its report nor its saved reports', async () => {
    expect(await inSpace(app.users.admin, 'getSpaceSavedReports', {}, 'NOPE')).toEqual(refused);
    expect(await inSpace(app.users.admin, 'getReportSummary', { scope: 'space', range: { kind: 'preset', preset: '30d' }, filters: {} }, 'NOPE')).toEqual(refused);
  });

  it('is refused to a site admin as to a reader (the space exists: both differ only by rights)', async () => {
    const real = app.publicContent(0).spaceKey;
    expect((await inSpace(app.users.admin, 'getSpaceSavedReports', {}, real)).ok).toBe(true);
  });
});
