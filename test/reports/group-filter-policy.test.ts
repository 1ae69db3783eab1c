import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { decidePeopleView, mayFilterByGroup, type CallerStanding } from '../../src/access/rules/access-policy';
import type { Settings } from '@contracts/settings';

const reader: CallerStanding = { signedIn: true, licensed: true, siteAdmin: false, inReportGroup: false, inViewerNamesGroup: false };
const admin = { ...reader, siteAdmin: true };
const withMode = (mode: Settings['privacy']['mode']): Settings => ({ ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, mode } });
const report = (spaceAdmin: boolean) => ({ kind: 'report', spaceAdmin } as const);
const allowed = (settings: Settings, standing: CallerStanding, spaceAdmin = false) => mayFilterByGroup(decidePeopleView(settings, standing, report(spaceAdmin))).allowed;

describe('group filter in every privacy mode', () => {
  it('standard: for admins, the report group and space admins; not for a plain viewer of an open space report', () => {
    expect(allowed(DEFAULT_SETTINGS, admin)).toBe(true);
    expect(allowed(DEFAULT_SETTINGS, { ...reader, inReportGroup: true })).toBe(true);
    expect(allowed(DEFAULT_SETTINGS, reader, true)).toBe(true);
    expect(allowed(DEFAULT_SETTINGS, reader)).toBe(false);
  });

  it('hide viewers: only the group that still sees names, admins included in the rule', () => {
    expect(allowed(withMode('hide-viewers'), admin)).toBe(false);
    expect(allowed(withMode('hide-viewers'), { ...reader, inViewerNamesGroup: true })).toBe(true);
  });

  it('extended privacy: nobody, and the answer says why', () => {
    expect(allowed(withMode('extended'), { ...admin, inViewerNamesGroup: true })).toBe(false);
    expect(mayFilterByGroup({ names: false, reason: 'extended-privacy' })).toEqual({ allowed: false, message: expect.stringContaining('Extended privacy') });
  });
});
