import { randomBytes } from 'node:crypto';
import type { SavedReport } from '@contracts/custom-reports';
import { applySave, type SaveOutcome, type SaveReportInput } from './rules/saved-report';
import { readSpaceReports, writeSpaceReports } from './storage/saved-report-store';

/** Two admins saving at once: the loser re-reads and applies its change again, a few times. */
const ATTEMPTS = 4;

export async function saveSpaceReport(spaceKey: string, input: SaveReportInput, by: string, now = Date.now()): Promise<SaveOutcome | { ok: false; code: 'conflict'; message: string }> {
  const id = randomBytes(8).toString('hex');
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await readSpaceReports(spaceKey);
    const outcome = applySave(current.reports, input, spaceKey, by, now, id);
    if (!outcome.ok) return outcome;
    if ((await writeSpaceReports(spaceKey, outcome.reports, current.version, now)) === 'saved') return outcome;
  }
  return { ok: false, code: 'conflict', message: 'Someone else is changing this space’s saved reports. Please try again.' };
}

/** Deleting what is already gone is not an error: the answer is the list as it is now. */
export async function deleteSpaceReport(spaceKey: string, id: string, now = Date.now()): Promise<SavedReport[] | 'conflict'> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await readSpaceReports(spaceKey);
    const remaining = current.reports.filter((report) => report.id !== id);
    if (remaining.length === current.reports.length) return current.reports;
    if ((await writeSpaceReports(spaceKey, remaining, current.version, now)) === 'saved') return remaining;
  }
  return 'conflict';
}
