/** Names and one-line explanations of every setting, shared by the form and the audit trail. */
import type { Channel, PrivacyMode } from '@contracts/settings';

export const CHANNEL_TEXT: Record<Channel, { label: string; description: string }> = {
  desktop: {
    label: 'Desktop',
    description: 'Tracks every view of pages and blog posts in desktop browsers, with no need for the Viewtracker macro.',
  },
  'mobile-web': { label: 'Mobile Web', description: 'Tracks views made from mobile web browsers.' },
  'confluence-app': { label: 'Confluence App', description: 'Tracks views made from the Confluence mobile app.' },
  'jsm-portal': {
    label: 'Jira Service Management portal',
    description: 'Tracks views of knowledge base articles made through Jira Service Management portals.',
  },
  linchpin: { label: 'Linchpin App', description: 'Tracks views made from the Linchpin mobile app.' },
};

export const PRIVACY_MODE_TEXT: Record<PrivacyMode, { label: string; description: string }> = {
  standard: {
    label: 'Standard',
    description: 'Viewers’ accounts are stored with each view, and statistics and reports show who viewed what.',
  },
  'hide-viewers': {
    label: 'Hide viewers',
    description: 'Viewers’ accounts are stored, but their names are hidden everywhere except from the group chosen below.',
  },
  extended: {
    label: 'Extended privacy',
    description: 'No account is stored with a view at all: views are counted, but nobody can ever see who viewed.',
  },
};

const FIELD_LABELS: Record<string, string> = {
  autoTracking: 'Auto Tracking',
  excludeAnonymous: 'Exclude anonymous views',
  excludedGroups: 'Excluded groups',
  excludedSpaces: 'Excluded spaces',
  reportAccessGroup: 'Access Global Report group',
  viewCounter: 'View Counter',
  counterRefreshBudget: 'Counter refresh budget',
  customReports: 'Custom Reports',
  reportMacroAnonymous: 'Report macros for anonymous visitors',
  spaceReportAudience: 'Space reports',
  trackAttachments: 'Track attachments',
  blockingTimeMs: 'Blocking time',
  search: 'Search',
  'search.autoTracking': 'Search: Auto Tracking',
  'search.recordQueryText': 'Search: record query text',
  privacy: 'Data privacy',
  'privacy.mode': 'Privacy mode',
  'privacy.viewerNamesGroup': 'Group that sees viewer names',
  'privacy.viewerListAudience': 'Who sees who viewed a page',
  'privacy.retentionDays': 'Retention',
};

function isChannel(value: string): value is Channel {
  return Object.prototype.hasOwnProperty.call(CHANNEL_TEXT, value);
}

/** "Auto Tracking: Mobile Web" for `autoTracking.mobile-web`; unknown paths are shown as they are. */
export function fieldLabel(path: string): string {
  const known = FIELD_LABELS[path];
  if (known) return known;
  const [head = '', ...rest] = path.split('.');
  const tail = rest.join('.');
  if (head === 'autoTracking' && isChannel(tail)) return `Auto Tracking: ${CHANNEL_TEXT[tail].label}`;
  return path;
}
