/**
 * Places each field error next to its field. The backend reports dotted paths (`blockingTimeMs`,
 * `privacy.retentionDays`, `excludedGroups.0.id`); an error inside a list names the item it is about,
 * and an error whose path matches no field is returned separately so that it is still shown.
 */
import { CHANNELS, type Settings } from '@contracts/settings';

export const FIELD_KEYS = [
  ...CHANNELS.map((channel) => `autoTracking.${channel}` as const),
  'autoTracking',
  'excludeAnonymous',
  'excludedGroups',
  'excludedSpaces',
  'reportAccessGroup',
  'viewCounter',
  'counterRefreshBudget',
  'customReports',
  'reportMacroAnonymous',
  'spaceReportAudience',
  'trackAttachments',
  'blockingTimeMs',
  'search.autoTracking',
  'search.recordQueryText',
  'search',
  'privacy.mode',
  'privacy.viewerNamesGroup',
  'privacy.viewerListAudience',
  'privacy.retentionDays',
  'privacy',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

export interface RoutedErrors {
  byField: Partial<Record<FieldKey, string[]>>;
  /** Errors about the form as a whole or about a field this page does not know. */
  unrouted: string[];
}

/** The most specific field a path belongs to: itself, or the longest field that is a prefix of it. */
export function fieldKeyOf(path: string): FieldKey | null {
  let best: FieldKey | null = null;
  for (const key of FIELD_KEYS) {
    if ((path === key || path.startsWith(`${key}.`)) && (best === null || key.length > best.length)) best = key;
  }
  return best;
}

/** "Group “bots”" for `excludedGroups.3.id`, unless the message already names the item itself. */
function itemPrefix(settings: Settings, key: FieldKey, rest: string, message: string): string | null {
  const index = Number(rest.split('.')[0]);
  if (rest === '' || !Number.isInteger(index) || index < 0) return null;
  if (key === 'excludedGroups') {
    const group = settings.excludedGroups[index];
    if (group && message.includes(group.name)) return null;
    return group ? `Group “${group.name}”` : `Group ${index + 1}`;
  }
  if (key === 'excludedSpaces') {
    const space = settings.excludedSpaces[index];
    if (space && message.includes(space)) return null;
    return space ? `Space ${space}` : `Space ${index + 1}`;
  }
  return null;
}

export function routeFieldErrors(fieldErrors: Record<string, string>, settings: Settings): RoutedErrors {
  const byField: Partial<Record<FieldKey, string[]>> = {};
  const unrouted: string[] = [];
  for (const [path, message] of Object.entries(fieldErrors)) {
    const key = fieldKeyOf(path);
    if (key === null) {
      unrouted.push(path === '' || path === '(root)' ? message : `${path}: ${message}`);
      continue;
    }
    const item = itemPrefix(settings, key, path.slice(key.length + 1), message);
    const text = item ? `${item}: ${message}` : message;
    const list = byField[key] ?? [];
    if (!list.includes(text)) list.push(text);
    byField[key] = list;
  }
  return { byField, unrouted };
}
