import { z } from 'zod';
import {
  DEFAULT_REPORT, REPORT_COLUMNS, REPORT_CONTENT_TYPES, REPORT_KINDS,
  type ReportQueryDefinition, type ReportRange,
} from '@contracts/custom-reports';
import type { ResolvedRange } from '@contracts/report-range';
import { addDays, dateRangeSchema, daysBetween, resolveRange } from '../../core/date-range';
import { parseWith, type Parsed } from '../../core/parse';

export const MAX_REPORT_ROWS = 100;
export const MAX_REPORT_DAYS = 366;
export const MAX_SELECTED_SPACES = 20;
export { DEFAULT_REPORT, DEFAULT_COLUMNS } from '@contracts/custom-reports';

const spaceKey = z.string().trim().regex(/^~?[A-Za-z0-9]{1,255}$/, 'Not a valid space key');
// Confluence labels: lower-case, no spaces; we also refuse quotes so a label cannot break out of CQL.
const label = z.string().trim().toLowerCase().min(1, 'A label is required').max(255).regex(/^[^\s"'\\()]+$/, 'A label has no spaces, quotes or brackets');

const contentSelection = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('this-space') }).strict(),
  z.object({ kind: z.literal('spaces'), spaceKeys: z.array(spaceKey).min(1, 'Choose at least one space').max(MAX_SELECTED_SPACES, `At most ${MAX_SELECTED_SPACES} spaces`)
    .refine((keys) => new Set(keys).size === keys.length, 'A space is listed twice') }).strict(),
  z.object({ kind: z.literal('label'), label }).strict(),
  z.object({ kind: z.literal('page-tree'), pageId: z.string().regex(/^\d{1,20}$/, 'A page id is a number') }).strict(),
]);

const lastDays = z.object({ kind: z.literal('last-days'), days: z.number().int().min(1, 'At least 1 day').max(MAX_REPORT_DAYS, `At most ${MAX_REPORT_DAYS} days`) }).strict();
const range = z.union([lastDays, dateRangeSchema]).superRefine((r, ctx) => {
  if (r.kind !== 'custom') return;
  if (r.from > r.to) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'The range ends before it starts', path: ['to'] });
  else if (daysBetween(r.from, r.to) > MAX_REPORT_DAYS) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `At most ${MAX_REPORT_DAYS} days`, path: ['to'] });
});

const column = z.enum(REPORT_COLUMNS);

export const reportDefinitionSchema = z.object({
  version: z.literal(2),
  what: z.enum(REPORT_KINDS),
  // The content selection, under its stored field name `scope` (see ReportQueryDefinition).
  scope: contentSelection,
  contentType: z.enum(REPORT_CONTENT_TYPES),
  range,
  rows: z.number().int().min(1, 'At least 1 row').max(MAX_REPORT_ROWS, `At most ${MAX_REPORT_ROWS} rows`),
  columns: z.array(column).min(1, 'Choose at least one column').max(REPORT_COLUMNS.length)
    .refine((columns) => new Set(columns).size === columns.length, 'A column is listed twice'),
  sort: z.object({ column, direction: z.enum(['asc', 'desc']) }).strict(),
}).strict();

/** A definition from a form (config editor, saved report): strict, every field bounded, field errors named. */
export function parseReportDefinition(input: unknown): Parsed<ReportQueryDefinition> {
  return parseWith(reportDefinitionSchema, input);
}

/**
 * A macro's stored config, as the page carries it. Pages keep configs written by older versions of
 * the app for ever, so this never fails: version-1 configs (flat strings, as classic macro config
 * stored them) are upgraded, unknown fields are dropped, and any field that does not validate falls
 * back to its default (listed in `reset`, so the author can be told).
 */
export function parseStoredMacroConfig(input: unknown): { config: ReportQueryDefinition; reset: string[] } {
  const raw = isRecord(input) ? (input.version === 2 ? input : upgradeV1(input)) : {};
  const reset: string[] = [];
  const pick = <K extends keyof ReportQueryDefinition>(key: K): ReportQueryDefinition[K] => {
    if (raw[key] === undefined) return DEFAULT_REPORT[key];
    const field = reportDefinitionSchema.shape[key].safeParse(raw[key]);
    if (field.success) return field.data as ReportQueryDefinition[K];
    reset.push(key);
    return DEFAULT_REPORT[key];
  };
  const config: ReportQueryDefinition = {
    version: 2, what: pick('what'), scope: pick('scope'), contentType: pick('contentType'), range: pick('range'),
    rows: pick('rows'), columns: pick('columns'), sort: pick('sort'),
  };
  return { config, reset };
}

/**
 * Version 1 (the first macro config): `{report, scope, spaces: "A,B", label, pageId, days, limit}`,
 * every value a string. Mapped field by field; what it did not have comes from the defaults.
 */
function upgradeV1(old: Record<string, unknown>): Record<string, unknown> {
  const text = (key: string): string | undefined => (typeof old[key] === 'string' ? (old[key] as string) : typeof old[key] === 'number' ? String(old[key]) : undefined);
  const kinds: Record<string, string> = { top: 'most-viewed', stale: 'least-viewed', trend: 'views-over-time', readers: 'top-readers' };
  // The v1 parameter `scope` is the selection's kind, stored in pages: read under that name.
  const selectionKind = text('scope');
  const selection = selectionKind === 'spaces' ? { kind: 'spaces', spaceKeys: (text('spaces') ?? '').split(',').map((k) => k.trim()).filter(Boolean) }
    : selectionKind === 'label' ? { kind: 'label', label: text('label') ?? '' }
      : selectionKind === 'page-tree' ? { kind: 'page-tree', pageId: text('pageId') ?? '' }
        : selectionKind === undefined || selectionKind === 'space' ? undefined : { kind: selectionKind };
  const days = text('days');
  const limit = text('limit');
  const report = text('report');
  return {
    ...(report !== undefined ? { what: kinds[report] ?? report } : {}),
    ...(selection ? { scope: selection } : {}),
    ...(days !== undefined ? { range: { kind: 'last-days', days: Number(days) } } : {}),
    ...(limit !== undefined ? { rows: Number(limit) } : {}),
    ...(text('type') !== undefined ? { contentType: text('type') } : {}),
  };
}

/**
 * The UTC days a range covers, inclusive, on `today`. Presets and custom days resolve as in the
 * reports (`core/date-range`); a custom range that ends after today is clipped to today. "All time"
 * starts at `firstStoredDay` (the site's first stored view; null: none, today alone), and at most
 * MAX_REPORT_DAYS before today (`allTimeCut` says whether it was cut).
 */
export function resolveReportRange(range: ReportRange, today: string, firstStoredDay: string | null = null): ResolvedRange {
  if (range.kind === 'last-days') return { from: addDays(today, -(range.days - 1)), to: today, days: range.days };
  const clipped = range.kind === 'custom' && range.to > today ? { ...range, to: today < range.from ? range.from : today } : range;
  const oldest = addDays(today, -(MAX_REPORT_DAYS - 1));
  const resolved = resolveRange(clipped, today, firstStoredDay === null ? null : firstStoredDay < oldest ? oldest : firstStoredDay);
  return resolved.ok ? resolved.range : { from: today, to: today, days: 1 };
}

/** "All time" reaches back further than a report reads day by day (views over time, top readers). */
export function allTimeCut(range: ReportRange, today: string, firstStoredDay: string | null): boolean {
  return range.kind === 'preset' && range.preset === 'all' && firstStoredDay !== null && firstStoredDay < addDays(today, -(MAX_REPORT_DAYS - 1));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
