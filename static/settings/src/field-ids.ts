/** The element that holds each field, so an error summary can move focus (and the scroll) to it. */
import type { Settings } from '@contracts/settings';
import type { FieldKey } from './field-errors';

export function fieldElementId(field: FieldKey, settings: Settings): string {
  if (field.startsWith('autoTracking.')) return `auto-tracking-${field.slice('autoTracking.'.length)}`;
  switch (field) {
    case 'autoTracking':
      return 'auto-tracking-desktop';
    case 'excludeAnonymous':
      return 'exclude-anonymous';
    case 'excludedGroups':
      return 'excluded-groups';
    case 'excludedSpaces':
      return 'excluded-spaces';
    case 'reportAccessGroup':
      return 'report-access-group';
    case 'viewCounter':
      return 'view-counter';
    case 'counterRefreshBudget':
      return 'counter-refresh-budget';
    case 'customReports':
      return 'custom-reports';
    case 'trackAttachments':
      return 'track-attachments';
    case 'reportMacroAnonymous':
      return 'report-macro-anonymous';
    case 'blockingTimeMs':
      return 'blocking-time';
    case 'search':
    case 'search.autoTracking':
      return 'search-auto-tracking';
    case 'search.recordQueryText':
      return 'search-record-query-text';
    case 'spaceReportAudience':
      return `space-report-audience-${settings.spaceReportAudience}`;
    case 'privacy.viewerListAudience':
      return `viewer-list-audience-${settings.privacy.viewerListAudience}`;
    case 'privacy.viewerNamesGroup':
      return 'viewer-names-group';
    case 'privacy.retentionDays':
      return 'retention-days';
    default:
      return `privacy-mode-${settings.privacy.mode}`;
  }
}
