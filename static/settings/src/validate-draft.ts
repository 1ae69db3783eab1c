/**
 * Checks the admin can get right before saving, so a typo is flagged as it is typed. The backend validates
 * everything again and stays the authority; these bounds mirror the ones it documents.
 */
import type { SettingsView } from '@contracts/resolvers';
import type { Settings } from '@contracts/settings';
import { CHANNEL_TEXT } from './labels';

export const DEFAULT_BLOCKING_TIME_MS = 5000;
export const BLOCKING_TIME_BOUNDS = { min: 0, max: 86_400_000 } as const;
export const RETENTION_DAY_BOUNDS = { min: 30, max: 3650 } as const;
export const DEFAULT_RETENTION_DAYS = 365;
/** Confluence points an hour for keeping the view counters fresh (src/settings/rules/settings.ts). */
export const DEFAULT_COUNTER_REFRESH_BUDGET = 180;
export const COUNTER_REFRESH_BUDGET_BOUNDS = { min: 12, max: 24_000 } as const;

function checkWholeNumber(value: number, bounds: { min: number; max: number }, unit: string): string | null {
  if (!Number.isFinite(value) || !Number.isInteger(value)) return `Enter a whole number of ${unit}.`;
  if (value < bounds.min) return `Must be at least ${bounds.min.toLocaleString('en-US')} ${unit}.`;
  if (value > bounds.max) return `Must be at most ${bounds.max.toLocaleString('en-US')} ${unit}.`;
  return null;
}

export function validateDraft(settings: Settings, unavailable: SettingsView['unavailableChannels'] = []): Record<string, string> {
  const errors: Record<string, string> = {};
  // The backend refuses to store a switch that can do nothing; say so before the admin presses Save.
  for (const { channel } of unavailable) {
    if (settings.autoTracking[channel]) {
      errors[`autoTracking.${channel}`] = `Switch this off to save: ${CHANNEL_TEXT[channel].label} cannot be observed yet.`;
    }
  }
  const blocking = checkWholeNumber(settings.blockingTimeMs, BLOCKING_TIME_BOUNDS, 'milliseconds');
  if (blocking) errors.blockingTimeMs = blocking;
  const budget = checkWholeNumber(settings.counterRefreshBudget, COUNTER_REFRESH_BUDGET_BOUNDS, 'points an hour');
  if (budget) errors.counterRefreshBudget = budget;
  if (settings.privacy.retentionDays !== null) {
    const retention = checkWholeNumber(settings.privacy.retentionDays, RETENTION_DAY_BOUNDS, 'days');
    if (retention) errors['privacy.retentionDays'] = retention;
  }
  return errors;
}
