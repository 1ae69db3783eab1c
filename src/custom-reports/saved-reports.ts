import { randomBytes } from 'node:crypto';
import type { SavedReport } from '@contracts/custom-reports';
import { applySave, withoutAuthor, type SaveOutcome, type SaveReportInput } from './rules/saved-report';
import { forEachSpaceReports, readSpaceReports, writeSpaceReports } from './storage/saved-report-store';
import { NO_ACCOUNT, registerAccount } from '../core/storage/account-registry';

/** Two admins saving at once: the loser re-reads and applies its change again, a few times. */
const ATTEMPTS = 4;

/**
 * `by` is the author, registered as personal data before it is stored (erasure redacts it:
 * `eraseSavedReportAuthor`). Under Extended privacy (`storesAccountIds: false`) no author is stored,
 * and the list written names none, its older reports included.
 */
export async function saveSpaceReport(spaceKey: string, input: SaveReportInput, by: string, storesAccountIds: boolean, now = Date.now()): Promise<SaveOutcome | { ok: false; code: 'conflict'; message: string }> {
  const id = randomBytes(8).toString('hex');
  const author = storesAccountIds ? by : NO_ACCOUNT;
  if (author !== NO_ACCOUNT) await registerAccount(author, now);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await readSpaceReports(spaceKey);
    const applied = applySave(current.reports, input, spaceKey, author, now, id);
    if (!applied.ok) return applied;
    const outcome = storesAccountIds ? applied : { ...applied, reports: withoutAuthor(applied.reports, null, NO_ACCOUNT) };
    if ((await writeSpaceReports(spaceKey, outcome.reports, current.version, now)) === 'saved') return outcome;
  }
  return { ok: false, code: 'conflict', message: 'Someone else is changing this space’s saved reports. Please try again.' };
}

/** Deleting what is already gone is not an error: the answer is the list as it is now. */
export async function deleteSpaceReport(spaceKey: string, id: string, storesAccountIds: boolean, now = Date.now()): Promise<SavedReport[] | 'conflict'> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await readSpaceReports(spaceKey);
    const kept = current.reports.filter((report) => report.id !== id);
    const remaining = storesAccountIds ? kept : withoutAuthor(kept, null, NO_ACCOUNT);
    if (remaining.length === current.reports.length) return current.reports;
    if ((await writeSpaceReports(spaceKey, remaining, current.version, now)) === 'saved') return remaining;
  }
  return 'conflict';
}

/** Every author the saved reports name (registered personal data: reported while stored). */
export async function savedReportAuthors(): Promise<Set<string>> {
  const authors = new Set<string>();
  await forEachSpaceReports(async (_spaceKey, stored) => {
    for (const report of stored.reports) if (report.createdBy !== NO_ACCOUNT) authors.add(report.createdBy);
  });
  return authors;
}

/** A closed account's authorship is replaced by nobody in every space's list; the reports stay. Returns the lists changed. */
export async function eraseSavedReportAuthor(accountId: string, now = Date.now()): Promise<number> {
  let changed = 0;
  await forEachSpaceReports(async (spaceKey, stored) => {
    if (!stored.reports.some((report) => report.createdBy === accountId)) return;
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const current = attempt === 0 ? stored : await readSpaceReports(spaceKey);
      if (!current.reports.some((report) => report.createdBy === accountId)) return;
      if ((await writeSpaceReports(spaceKey, withoutAuthor(current.reports, accountId, NO_ACCOUNT), current.version, now)) === 'saved') {
        changed += 1;
        return;
      }
    }
    // Another write kept winning: the next daily run erases again (the account stays registered until then).
    throw new Error(`Saved reports of ${spaceKey} kept changing during an erasure`);
  });
  return changed;
}
