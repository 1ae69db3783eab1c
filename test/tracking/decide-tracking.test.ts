import type { Settings } from '@contracts/settings';
import { decideTracking, needsGroupLookup, type TrackingFacts } from '../../src/tracking/rules/decide-tracking';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import type { View } from '../../src/core/model/view';

const user: View = { contentId: '1', contentType: 'page', spaceKey: 'HR', viewer: { kind: 'user', accountId: 'u1' }, at: 0, source: 'desktop' };
const anonymous: View = { ...user, viewer: { kind: 'anonymous' } };
const settings = (change: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...change });
const facts = (overrides: Partial<TrackingFacts>): TrackingFacts => ({ settings: DEFAULT_SETTINGS, view: user, via: 'auto', viewerGroupIds: [], ...overrides });

describe('decideTracking', () => {
  it.each<[string, Partial<TrackingFacts>, ReturnType<typeof decideTracking>]>([
    ['a signed-in view with default settings', {}, { track: true }],
    ['an anonymous view when anonymous views are allowed', { view: anonymous }, { track: true }],
    ['an anonymous view when excluded', { view: anonymous, settings: settings({ excludeAnonymous: true }) }, { track: false, reason: 'anonymous-excluded' }],
    ['a signed-in view when only anonymous is excluded', { settings: settings({ excludeAnonymous: true }) }, { track: true }],
    ['a member of an excluded group', { settings: settings({ excludedGroups: [{ id: 'g-bots', name: 'bots' }] }), viewerGroupIds: ['g-x', 'g-bots'] }, { track: false, reason: 'group-excluded' }],
    ['a non-member when a group is excluded', { settings: settings({ excludedGroups: [{ id: 'g-bots', name: 'bots' }] }), viewerGroupIds: ['g-x'] }, { track: true }],
    ['content in an excluded space', { settings: settings({ excludedSpaces: ['HR'] }) }, { track: false, reason: 'space-excluded' }],
    ['an auto-tracked channel switched off', { settings: settings({ autoTracking: { ...DEFAULT_SETTINGS.autoTracking, desktop: false } }) }, { track: false, reason: 'channel-not-auto-tracked' }],
    ['the macro on a channel whose auto tracking is off', { via: 'macro', settings: settings({ autoTracking: { ...DEFAULT_SETTINGS.autoTracking, desktop: false } }) }, { track: true }],
    ['a view reported with source other', { view: { ...user, source: 'other' } }, { track: true }],
  ])('%s', (_name, overrides, expected) => {
    expect(decideTracking(facts(overrides))).toEqual(expected);
  });

  it('asks for group membership only when groups are excluded and the viewer is signed in', () => {
    const excluding = settings({ excludedGroups: [{ id: 'g', name: 'bots' }] });
    expect(needsGroupLookup(DEFAULT_SETTINGS, user)).toBe(false);
    expect(needsGroupLookup(excluding, user)).toBe(true);
    expect(needsGroupLookup(excluding, anonymous)).toBe(false);
  });
});
