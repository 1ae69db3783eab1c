import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { decidePeopleView, mayOpenGlobalReport, mayOpenSpaceReport, type CallerStanding } from '../../src/access/rules/access-policy';
import type { Settings } from '@contracts/settings';

const reader: CallerStanding = { signedIn: true, licensed: true, siteAdmin: false, inReportGroup: false, inViewerNamesGroup: false };
const admin = { ...reader, siteAdmin: true };
const anonymous: CallerStanding = { ...reader, signedIn: false, licensed: false };
const withPrivacy = (privacy: Partial<Settings['privacy']>): Settings => ({ ...DEFAULT_SETTINGS, privacy: { ...DEFAULT_SETTINGS.privacy, ...privacy } });

describe('report openings', () => {
  it('opens the global report to admins and the report group only', () => {
    expect(mayOpenGlobalReport(admin)).toEqual({ open: true });
    expect(mayOpenGlobalReport({ ...reader, inReportGroup: true })).toEqual({ open: true });
    expect(mayOpenGlobalReport(reader)).toEqual({ open: false, reason: 'not-allowed' });
    expect(mayOpenGlobalReport(anonymous)).toEqual({ open: false, reason: 'sign-in' });
  });

  it('opens a space report to its admins, and to its viewers only when the setting says so', () => {
    const viewer = { spaceAdmin: false, spaceViewer: true };
    expect(mayOpenSpaceReport(DEFAULT_SETTINGS, reader, { spaceAdmin: true, spaceViewer: true })).toEqual({ open: true });
    expect(mayOpenSpaceReport(DEFAULT_SETTINGS, reader, viewer)).toEqual({ open: false, reason: 'not-allowed' });
    expect(mayOpenSpaceReport({ ...DEFAULT_SETTINGS, spaceReportAudience: 'space-viewers' }, reader, viewer)).toEqual({ open: true });
    expect(mayOpenSpaceReport({ ...DEFAULT_SETTINGS, spaceReportAudience: 'space-viewers' }, reader, { spaceAdmin: false, spaceViewer: false }).open).toBe(false);
  });
});

describe('people in each privacy mode', () => {
  const page = { kind: 'page', spaceAdmin: false } as const;
  it('shows names to readers in standard mode unless narrowed to managers', () => {
    expect(decidePeopleView(DEFAULT_SETTINGS, reader, page)).toEqual({ names: true });
    const narrowed = withPrivacy({ viewerListAudience: 'managers' });
    expect(decidePeopleView(narrowed, reader, page)).toEqual({ names: false, reason: 'audience' });
    expect(decidePeopleView(narrowed, reader, { kind: 'page', spaceAdmin: true })).toEqual({ names: true });
    expect(decidePeopleView(narrowed, { ...reader, inReportGroup: true }, page)).toEqual({ names: true });
  });

  it('hides names from everyone but the chosen group in hide-viewers mode, admins included', () => {
    const hide = withPrivacy({ mode: 'hide-viewers', viewerNamesGroup: { id: 'g', name: 'g' } });
    expect(decidePeopleView(hide, admin, page)).toEqual({ names: false, reason: 'hide-viewers' });
    expect(decidePeopleView(hide, { ...reader, inViewerNamesGroup: true }, page)).toEqual({ names: true });
  });

  it('shows no names to anybody in extended privacy', () => {
    const extended = withPrivacy({ mode: 'extended' });
    for (const standing of [admin, { ...reader, inViewerNamesGroup: true, inReportGroup: true }]) {
      expect(decidePeopleView(extended, standing, { kind: 'report', spaceAdmin: true })).toEqual({ names: false, reason: 'extended-privacy' });
    }
  });

  it('shows top readers in reports to managers only, even when viewers may open the report', () => {
    expect(decidePeopleView(DEFAULT_SETTINGS, reader, { kind: 'report', spaceAdmin: false })).toEqual({ names: false, reason: 'audience' });
    expect(decidePeopleView(DEFAULT_SETTINGS, reader, { kind: 'report', spaceAdmin: true })).toEqual({ names: true });
    expect(decidePeopleView(DEFAULT_SETTINGS, anonymous, page)).toEqual({ names: false, reason: 'sign-in' });
  });
});
