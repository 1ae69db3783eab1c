import { describeActor, formatFieldValue, formatValue } from '../../static/settings/src/audit-format';
import { fieldKeyOf, routeFieldErrors } from '../../static/settings/src/field-errors';
import { fieldLabel } from '../../static/settings/src/labels';
import { changedPaths, deepEqual } from '../../static/settings/src/settings-diff';
import { validateDraft } from '../../static/settings/src/validate-draft';
import { settings } from './fixtures';

describe('routeFieldErrors', () => {
  const draft = settings({ excludedGroups: [{ id: 'g1', name: 'bots' }, { id: 'g2', name: 'robots' }], excludedSpaces: ['ARCHIVE', 'OLD'] });

  it('puts each error on the most specific field it belongs to', () => {
    expect(fieldKeyOf('blockingTimeMs')).toBe('blockingTimeMs');
    expect(fieldKeyOf('privacy.retentionDays')).toBe('privacy.retentionDays');
    expect(fieldKeyOf('privacy.somethingNew')).toBe('privacy');
    expect(fieldKeyOf('autoTracking.jsm-portal')).toBe('autoTracking.jsm-portal');
    expect(fieldKeyOf('excludedGroups.1.id')).toBe('excludedGroups');
    expect(fieldKeyOf('blockingTimeMsExtra')).toBeNull();
  });

  it('names the list item an error is about, unless the message already does', () => {
    const routed = routeFieldErrors({
      'excludedGroups.1.id': 'Group id is required',
      'excludedGroups.0': 'Group "bots" does not exist in Confluence',
      'excludedSpaces.1': 'Not a valid space key',
      blockingTimeMs: 'At most one day',
    }, draft);
    expect(routed.byField).toEqual({
      excludedGroups: ['Group “robots”: Group id is required', 'Group "bots" does not exist in Confluence'],
      excludedSpaces: ['Space OLD: Not a valid space key'],
      blockingTimeMs: ['At most one day'],
    });
    expect(routed.unrouted).toEqual([]);
  });

  it('returns errors about unknown fields or the whole form separately, so they are still shown', () => {
    expect(routeFieldErrors({ '(root)': 'Unexpected field', surprise: 'No' }, draft).unrouted).toEqual(['Unexpected field', 'surprise: No']);
  });
});

describe('validateDraft', () => {
  it('accepts the bounds and flags what lies outside them', () => {
    expect(validateDraft(settings({ blockingTimeMs: 0 }))).toEqual({});
    expect(validateDraft(settings({ blockingTimeMs: 86_400_000 }))).toEqual({});
    expect(Object.keys(validateDraft(settings({ blockingTimeMs: 86_400_001 })))).toEqual(['blockingTimeMs']);
    expect(validateDraft(settings({ blockingTimeMs: Number.NaN })).blockingTimeMs).toMatch(/whole number/);
    expect(validateDraft(settings({ blockingTimeMs: 1.5 })).blockingTimeMs).toMatch(/whole number/);
  });

  it('checks retention only when views are purged', () => {
    const privacy = (retentionDays: number | null) => settings({ privacy: { mode: 'standard', viewerNamesGroup: null, viewerListAudience: 'readers', retentionDays } });
    expect(validateDraft(privacy(null))).toEqual({});
    expect(validateDraft(privacy(30))).toEqual({});
    expect(validateDraft(privacy(3650))).toEqual({});
    expect(validateDraft(privacy(29))['privacy.retentionDays']).toMatch(/at least 30/);
    expect(validateDraft(privacy(3651))['privacy.retentionDays']).toMatch(/at most 3,650/);
  });
});

describe('changedPaths', () => {
  it('lists leaf settings, treating lists and groups as single values', () => {
    const before = settings();
    const after = settings({
      autoTracking: { ...before.autoTracking, 'mobile-web': false },
      excludedGroups: [...before.excludedGroups, { id: 'g2', name: 'robots' }],
      reportAccessGroup: { id: 'g3', name: 'readers' },
    });
    expect(changedPaths(before, after)).toEqual(['autoTracking.mobile-web', 'excludedGroups', 'reportAccessGroup']);
    expect(changedPaths(before, settings())).toEqual([]);
  });

  it('compares deeply', () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
});

describe('audit wording', () => {
  it('labels fields, including each channel', () => {
    expect(fieldLabel('blockingTimeMs')).toBe('Blocking time');
    expect(fieldLabel('autoTracking.mobile-web')).toBe('Auto Tracking: Mobile Web');
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
  });

  it('words values generically and per field', () => {
    expect(formatValue(true)).toBe('On');
    expect(formatValue(null)).toBe('None');
    expect(formatValue([])).toBe('None');
    expect(formatValue([{ id: 'g1', name: 'bots' }, { id: 'g2', name: 'robots' }])).toBe('bots, robots');
    expect(formatFieldValue('blockingTimeMs', 10_000, 'en')).toBe('10,000 ms (10 seconds)');
    expect(formatFieldValue('privacy.retentionDays', null)).toBe('Keep forever');
    expect(formatFieldValue('privacy.retentionDays', 365, 'en')).toBe('Delete after 365 days');
    expect(formatFieldValue('privacy.mode', 'hide-viewers')).toBe('Hide viewers');
  });

  it('names who changed something: unknown, you, or the account', () => {
    expect(describeActor(null, 'me')).toBe('Unknown user');
    expect(describeActor('me', 'me')).toBe('You');
    expect(describeActor('acc-2', 'me')).toBe('acc-2');
  });
});

describe('validateDraft and unobservable channels', () => {
  it('asks to switch off a channel that is on but cannot be observed', () => {
    const draft = settings({ autoTracking: { ...settings().autoTracking, linchpin: true } });
    const unavailable = [{ channel: 'linchpin' as const, reason: 'Not installed' }];
    expect(validateDraft(draft, unavailable)).toEqual({ 'autoTracking.linchpin': 'Switch this off to save: Linchpin App cannot be observed yet.' });
    expect(validateDraft(settings(), unavailable)).toEqual({});
  });
});
