import { z } from 'zod';
import type { SavedReport } from '@contracts/custom-reports';
import { parseStoredMacroConfig, reportDefinitionSchema } from './report-macro-config';
import { parseWith, type Parsed } from '../../core/parse';

/** A space's saved reports live in one stored document (one read for the space report): keep it small. */
export const MAX_SAVED_REPORTS_PER_SPACE = 20;
export const MAX_REPORT_NAME = 80;

const name = z.string().trim().min(1, 'A name is required').max(MAX_REPORT_NAME, `At most ${MAX_REPORT_NAME} characters`);
const reportId = z.string().regex(/^[a-z0-9]{8,32}$/, 'Not a saved report id');

/** What a space admin sends to save a report: new (no id) or a change of one (with its id). */
export const saveReportPayload = z.object({
  id: reportId.optional(),
  name,
  definition: reportDefinitionSchema,
}).strict();
export type SaveReportInput = z.infer<typeof saveReportPayload>;

/** Names one saved report of the space (to open or delete it). */
export const reportIdPayload = z.object({ id: reportId }).strict();
/** Site admins manage every space's reports: they name the space. */
export const spaceKeySchema = z.string().trim().regex(/^~?[A-Za-z0-9]{1,255}$/, 'Not a valid space key');

export function parseSaveReport(input: unknown): Parsed<SaveReportInput> {
  return parseWith(saveReportPayload, input);
}

export type SaveOutcome =
  | { ok: true; reports: SavedReport[]; saved: SavedReport }
  | { ok: false; code: 'invalid-input' | 'not-found'; message: string; fieldErrors?: Record<string, string> };

/**
 * Applies one save to a space's list (pure): a new report is appended (within the cap, names unique
 * in the space), an existing one keeps its id, author and creation time.
 */
export function applySave(current: SavedReport[], input: SaveReportInput, spaceKey: string, by: string, now: number, newId: string): SaveOutcome {
  const clash = current.find((report) => report.name.toLowerCase() === input.name.toLowerCase() && report.id !== input.id);
  if (clash) return { ok: false, code: 'invalid-input', message: 'A saved report of this space already has this name.', fieldErrors: { name: 'Already used in this space' } };
  if (input.id) {
    const existing = current.find((report) => report.id === input.id);
    if (!existing) return { ok: false, code: 'not-found', message: 'This saved report no longer exists.' };
    const saved: SavedReport = { ...existing, name: input.name, definition: input.definition, updatedAt: now };
    return { ok: true, saved, reports: current.map((report) => (report.id === saved.id ? saved : report)) };
  }
  if (current.length >= MAX_SAVED_REPORTS_PER_SPACE) {
    return { ok: false, code: 'invalid-input', message: `A space keeps at most ${MAX_SAVED_REPORTS_PER_SPACE} saved reports. Delete one first.` };
  }
  const saved: SavedReport = { id: newId, spaceKey, name: input.name, definition: input.definition, createdBy: by, createdAt: now, updatedAt: now };
  return { ok: true, saved, reports: [...current, saved] };
}

/**
 * The list with `accountId`'s authorship replaced by `nobody` (every author's, when `accountId` is
 * null: Extended privacy stores no account id, so a list written then names no author).
 */
export function withoutAuthor(reports: readonly SavedReport[], accountId: string | null, nobody: string): SavedReport[] {
  return reports.map((report) => (accountId === null || report.createdBy === accountId ? { ...report, createdBy: nobody } : report));
}

const storedReport = z.object({
  id: z.string(), spaceKey: z.string(), name: z.string(), definition: z.unknown(),
  createdBy: z.string(), createdAt: z.number(), updatedAt: z.number(),
});

/** Stored lists are read like stored macro configs: older definitions upgrade, damaged entries are dropped. */
export function parseStoredReports(value: unknown): SavedReport[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = storedReport.safeParse(item);
    return parsed.success ? [{ ...parsed.data, definition: parseStoredMacroConfig(parsed.data.definition).config }] : [];
  }).slice(0, MAX_SAVED_REPORTS_PER_SPACE);
}
