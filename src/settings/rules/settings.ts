import { z } from 'zod';
import { CHANNELS, PRIVACY_MODES, SPACE_REPORT_AUDIENCES, VIEWER_LIST_AUDIENCES, type Settings } from '@contracts/settings';
import { parseWith, type Parsed } from '../../core/parse';

export const DEFAULT_BLOCKING_TIME_MS = 5000;
/** One day: longer windows would hide genuine daily re-reads, which no admin asks for. */
export const MAX_BLOCKING_TIME_MS = 86_400_000;
export const MAX_EXCLUDED_GROUPS = 50;
export const MAX_EXCLUDED_SPACES = 500;
export const MAX_RETENTION_DAYS = 3650;
export const MIN_RETENTION_DAYS = 30;
/**
 * The byline writer's points an hour (docs/view-counter.md, "Points budget"). Confluence allows an
 * app 65,000 points an hour per site by default, shared by every call the app makes ("Rate limiting",
 * developer.atlassian.com/cloud/confluence/rate-limiting). 180 (15 every five-minute run, 0.28 % of
 * that quota) keeps the writer at 0.05 points per counted view or less from about 86,400 counted
 * views a day, while a small site still has its counters written every run. At most 24,000 (the
 * writer's fixed cap before the budget existed, about a third of the quota); at least 12 (one point a run).
 */
export const DEFAULT_COUNTER_REFRESH_BUDGET = 180;
export const MIN_COUNTER_REFRESH_BUDGET = 12;
export const MAX_COUNTER_REFRESH_BUDGET = 24_000;

export const DEFAULT_SETTINGS: Settings = {
  // Desktop and mobile web are what Forge can observe. The app channel cannot be told apart, and
  // the portal and Linchpin only report through the view API, so they start switched off.
  autoTracking: { desktop: true, 'mobile-web': true, 'confluence-app': false, 'jsm-portal': false, linchpin: false },
  excludeAnonymous: false,
  excludedGroups: [],
  excludedSpaces: [],
  reportAccessGroup: null,
  viewCounter: true,
  counterRefreshBudget: DEFAULT_COUNTER_REFRESH_BUDGET,
  customReports: false,
  reportMacroAnonymous: false,
  spaceReportAudience: 'managers',
  trackAttachments: true,
  blockingTimeMs: DEFAULT_BLOCKING_TIME_MS,
  search: { autoTracking: true, recordQueryText: true },
  privacy: { mode: 'standard', viewerNamesGroup: null, viewerListAudience: 'readers', retentionDays: null },
};

const groupRef = z.object({
  id: z.string().trim().min(1, 'Group id is required').max(128),
  name: z.string().trim().min(1, 'Group name is required').max(255),
}).strict();

// Confluence space keys: letters and digits; personal spaces start with "~" followed by an account id.
const spaceKey = z.string().trim().regex(/^~?[A-Za-z0-9]{1,255}$/, 'Not a valid space key');

export const settingsSchema = z.object({
  autoTracking: z.object(
    Object.fromEntries(CHANNELS.map((channel) => [channel, z.boolean()])) as Record<(typeof CHANNELS)[number], z.ZodBoolean>,
  ).strict(),
  excludeAnonymous: z.boolean(),
  excludedGroups: z.array(groupRef).max(MAX_EXCLUDED_GROUPS, `At most ${MAX_EXCLUDED_GROUPS} groups`)
    .refine((groups) => new Set(groups.map((g) => g.id)).size === groups.length, 'A group is listed twice'),
  excludedSpaces: z.array(spaceKey).max(MAX_EXCLUDED_SPACES, `At most ${MAX_EXCLUDED_SPACES} spaces`)
    .refine((keys) => new Set(keys).size === keys.length, 'A space is listed twice'),
  reportAccessGroup: groupRef.nullable(),
  viewCounter: z.boolean(),
  counterRefreshBudget: z.number().int('Must be a whole number of points')
    .min(MIN_COUNTER_REFRESH_BUDGET, `At least ${MIN_COUNTER_REFRESH_BUDGET} points an hour (one a run)`)
    .max(MAX_COUNTER_REFRESH_BUDGET, `At most ${MAX_COUNTER_REFRESH_BUDGET.toLocaleString('en-US')} points an hour`),
  customReports: z.boolean(),
  reportMacroAnonymous: z.boolean(),
  spaceReportAudience: z.enum(SPACE_REPORT_AUDIENCES),
  trackAttachments: z.boolean(),
  blockingTimeMs: z.number().int('Must be a whole number of milliseconds')
    .min(0, 'Must not be negative').max(MAX_BLOCKING_TIME_MS, `At most ${MAX_BLOCKING_TIME_MS} ms (one day)`),
  search: z.object({ autoTracking: z.boolean(), recordQueryText: z.boolean() }).strict(),
  privacy: z.object({
    mode: z.enum(PRIVACY_MODES),
    viewerNamesGroup: groupRef.nullable(),
    viewerListAudience: z.enum(VIEWER_LIST_AUDIENCES),
    retentionDays: z.number().int().min(MIN_RETENTION_DAYS, `At least ${MIN_RETENTION_DAYS} days`)
      .max(MAX_RETENTION_DAYS, `At most ${MAX_RETENTION_DAYS} days`).nullable(),
  }).strict(),
}).strict();

/** The one way a settings object enters the app: bounded field by field, unknown fields rejected. */
export function parseSettings(input: unknown): Parsed<Settings> {
  return parseWith(settingsSchema, input);
}

/**
 * Stored settings written by an older version may lack newer fields: they are filled from the
 * defaults. Fields that are present are still validated, and a stored document that fails is an
 * error, never silently the defaults: defaults would revert extended privacy to standard and track
 * excluded groups again. The caller falls back to the last good settings, or stops tracking.
 */
export function parseStoredSettings(input: unknown): Parsed<Settings> {
  if (typeof input !== 'object' || input === null) return { ok: false, message: 'The stored settings are not an object', fieldErrors: {} };
  const stored = input as Partial<Record<keyof Settings, unknown>>;
  const merged = {
    ...DEFAULT_SETTINGS,
    ...stored,
    autoTracking: { ...DEFAULT_SETTINGS.autoTracking, ...asObject(stored.autoTracking) },
    // Documents saved before search analytics existed have no `search`: its defaults apply.
    search: { ...DEFAULT_SETTINGS.search, ...asObject(stored.search) },
    privacy: { ...DEFAULT_SETTINGS.privacy, ...asObject(stored.privacy) },
  };
  return parseSettings(merged);
}

/**
 * What applies while neither the stored settings nor a last good copy can be read: nothing is tracked
 * (track-view refuses every view), nobody's name is shown, nothing is purged.
 */
export const FAIL_CLOSED_SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  autoTracking: { desktop: false, 'mobile-web': false, 'confluence-app': false, 'jsm-portal': false, linchpin: false },
  excludeAnonymous: true,
  search: { autoTracking: false, recordQueryText: false },
  privacy: { mode: 'extended', viewerNamesGroup: null, viewerListAudience: 'managers', retentionDays: null },
};

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}
