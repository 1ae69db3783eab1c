/** Plausible contract values for the UI's unit tests. */
import type { SettingsView } from '@contracts/resolvers';
import type { Settings } from '@contracts/settings';

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    autoTracking: { desktop: true, 'mobile-web': true, 'confluence-app': false, 'jsm-portal': false, linchpin: false },
    excludeAnonymous: false,
    excludedGroups: [{ id: 'g-bots', name: 'bots' }],
    excludedSpaces: ['ARCHIVE'],
    reportAccessGroup: null,
    viewCounter: true,
    counterRefreshBudget: 180,
    customReports: false,
    reportMacroAnonymous: false,
    spaceReportAudience: 'managers',
    trackAttachments: true,
    blockingTimeMs: 5000,
    search: { autoTracking: true, recordQueryText: true },
    privacy: { mode: 'standard', viewerNamesGroup: null, viewerListAudience: 'readers', retentionDays: null },
    ...overrides,
  };
}

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    settings: settings(),
    version: 3,
    updatedAt: 1_700_000_000_000,
    audit: [{ at: 1_700_000_000_000, accountId: 'acc-1', version: 3, changes: [{ field: 'viewCounter', before: false, after: true }] }],
    unavailableChannels: [{ channel: 'linchpin', reason: 'Linchpin is not installed' }],
    problem: null,
    ...overrides,
  };
}
