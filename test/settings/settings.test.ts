import { DEFAULT_SETTINGS, parseSettings, parseStoredSettings } from '../../src/settings/rules/settings';

const withChange = (change: (s: Record<string, unknown>) => void): unknown => {
  const copy = JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as Record<string, unknown>;
  change(copy);
  return copy;
};

describe('settings parser', () => {
  it('accepts the defaults, which follow the admin guide', () => {
    const parsed = parseSettings(DEFAULT_SETTINGS);
    expect(parsed.ok).toBe(true);
    expect(DEFAULT_SETTINGS.blockingTimeMs).toBe(5000);
    expect(DEFAULT_SETTINGS.autoTracking.desktop).toBe(true);
    expect(DEFAULT_SETTINGS.privacy.mode).toBe('standard');
  });

  it.each([
    ['negative blocking time', (s: Record<string, unknown>) => { s.blockingTimeMs = -1; }, 'blockingTimeMs'],
    ['absurd blocking time', (s: Record<string, unknown>) => { s.blockingTimeMs = 10 ** 12; }, 'blockingTimeMs'],
    ['fractional blocking time', (s: Record<string, unknown>) => { s.blockingTimeMs = 1.5; }, 'blockingTimeMs'],
    ['blocking time as a string', (s: Record<string, unknown>) => { s.blockingTimeMs = '5000'; }, 'blockingTimeMs'],
    ['unknown channel', (s: Record<string, unknown>) => { (s.autoTracking as Record<string, unknown>).fax = true; }, 'autoTracking'],
    ['unknown top-level field', (s: Record<string, unknown>) => { s.debug = true; }, '(root)'],
    ['duplicate group', (s: Record<string, unknown>) => { s.excludedGroups = [{ id: 'g1', name: 'bots' }, { id: 'g1', name: 'bots' }]; }, 'excludedGroups'],
    ['group without id', (s: Record<string, unknown>) => { s.excludedGroups = [{ id: '', name: 'bots' }]; }, 'excludedGroups.0.id'],
    ['bad space key', (s: Record<string, unknown>) => { s.excludedSpaces = ['not a key!']; }, 'excludedSpaces.0'],
    ['too many spaces', (s: Record<string, unknown>) => { s.excludedSpaces = Array.from({ length: 501 }, (_, i) => `S${i}`); }, 'excludedSpaces'],
    ['unknown privacy mode', (s: Record<string, unknown>) => { (s.privacy as Record<string, unknown>).mode = 'secret'; }, 'privacy.mode'],
    ['retention too short', (s: Record<string, unknown>) => { (s.privacy as Record<string, unknown>).retentionDays = 3; }, 'privacy.retentionDays'],
  ])('rejects %s with a field error', (_name, change, field) => {
    const parsed = parseSettings(withChange(change));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.fieldErrors)).toContain(field);
  });

  it('accepts personal space keys and a retention period', () => {
    const parsed = parseSettings(withChange((s) => {
      s.excludedSpaces = ['~5be24ad8b1653240376955d2', 'HR'];
      (s.privacy as Record<string, unknown>).retentionDays = 365;
    }));
    expect(parsed.ok).toBe(true);
  });

  it('fills fields missing from settings stored by an older version', () => {
    const parsed = parseStoredSettings({ blockingTimeMs: 9000, autoTracking: { desktop: false } });
    if (!parsed.ok) throw new Error(parsed.message);
    const stored = parsed.value;
    expect(stored.blockingTimeMs).toBe(9000);
    expect(stored.autoTracking.desktop).toBe(false);
    expect(stored.autoTracking['mobile-web']).toBe(true);
    expect(stored.privacy).toEqual(DEFAULT_SETTINGS.privacy);
  });

  it('reads a document saved before search analytics existed: Search Auto Tracking on, query text recorded', () => {
    const { search: _absent, ...older } = DEFAULT_SETTINGS;
    const parsed = parseStoredSettings({ ...older, excludeAnonymous: true });
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.value.search).toEqual({ autoTracking: true, recordQueryText: true });
    expect(parsed.value.excludeAnonymous).toBe(true);
    const partial = parseStoredSettings({ search: { recordQueryText: false } });
    if (!partial.ok) throw new Error(partial.message);
    expect(partial.value.search).toEqual({ autoTracking: true, recordQueryText: false });
  });

  it('validates the Search section field by field and refuses unknown fields in it', () => {
    expect(parseSettings({ ...DEFAULT_SETTINGS, search: { autoTracking: 'yes', recordQueryText: true } }).ok).toBe(false);
    expect(parseSettings({ ...DEFAULT_SETTINGS, search: { autoTracking: true, recordQueryText: true, extra: 1 } }).ok).toBe(false);
    expect(parseSettings({ ...DEFAULT_SETTINGS, search: { autoTracking: false, recordQueryText: false } }).ok).toBe(true);
    expect(parseStoredSettings({ search: { autoTracking: 1 } }).ok).toBe(false);
  });

  it.each([
    ['a field of the wrong type', { privacy: { mode: 'extended' }, excludedGroups: 'bots' }],
    ['an unknown privacy mode', { privacy: { mode: 'public' } }],
    ['not an object', 'garbage'],
  ])('refuses stored settings with %s instead of falling back to the defaults', (_name, stored) => {
    expect(parseStoredSettings(stored).ok).toBe(false);
  });
});
