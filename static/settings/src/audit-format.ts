/** Turns an audit change's raw before/after values into words an admin reads at a glance. */
import { formatDuration } from '../../shared/format/duration';
import { formatNumber } from '../../shared/format/time';
import { PRIVACY_MODE_TEXT } from './labels';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrivacyMode(value: unknown): value is keyof typeof PRIVACY_MODE_TEXT {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PRIVACY_MODE_TEXT, value);
}

/** Any JSON value in words: On/Off, "None", a group's name, a list, or `key: value` pairs. */
export function formatValue(value: unknown, locale?: string): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (typeof value === 'number') return formatNumber(value, locale);
  if (typeof value === 'string') return value === '' ? '(empty)' : value;
  if (Array.isArray(value)) return value.length === 0 ? 'None' : value.map((item) => formatValue(item, locale)).join(', ');
  if (isRecord(value)) {
    if (typeof value.name === 'string') return value.name;
    return Object.entries(value).map(([key, item]) => `${key}: ${formatValue(item, locale)}`).join(', ');
  }
  return String(value);
}

/** Field-aware wording where the generic one would mislead (a retention of `null` means "keep forever"). */
export function formatFieldValue(field: string, value: unknown, locale?: string): string {
  if (field === 'blockingTimeMs' && typeof value === 'number') {
    return `${formatNumber(value, locale)} ms (${formatDuration(value)})`;
  }
  if (field === 'counterRefreshBudget' && typeof value === 'number') return `${formatNumber(value, locale)} points an hour`;
  if (field === 'privacy.retentionDays') {
    if (value === null) return 'Keep forever';
    if (typeof value === 'number') return `Delete after ${formatNumber(value, locale)} days`;
  }
  if (field === 'privacy.mode' && isPrivacyMode(value)) return PRIVACY_MODE_TEXT[value].label;
  return formatValue(value, locale);
}

/** Who made a change, as the audit list shows it. */
export function describeActor(accountId: string | null, currentAccountId: string | null): string {
  if (accountId === null) return 'Unknown user';
  if (currentAccountId !== null && accountId === currentAccountId) return 'You';
  return accountId;
}
