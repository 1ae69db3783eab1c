/**
 * The scheduled function that keeps large work being prepared in the background, one machinery for
 * both: reach's audiences listed from Confluence (issue 20) and group-filtered reports whose members'
 * views take more than one call to read (issue 17). Runs every five minutes (manifest.yml,
 * `reach-preparation-schedule`); its `timeoutSeconds` is 120, and Forge stops a scheduled function at
 * its `timeoutSeconds` (mirror/manifest-reference/modules/scheduled-trigger), so it works for 100 s
 * and leaves a step's length of room.
 */
import { continuePreparations } from './group-preparation';

export const PREPARATION_BUDGET_MS = 100_000;

export async function continueBackgroundPreparations(_event?: unknown, _context?: unknown): Promise<{ steps: number; ready: number }> {
  return continuePreparations(PREPARATION_BUDGET_MS);
}
