/**
 * The scheduled function that keeps large reach audiences being listed in the background (issue 20:
 * "where a group is too large to answer within one invocation, the answer is prepared in the
 * background"). Runs every five minutes; its `timeoutSeconds` is 120 (manifest.yml), and Forge stops a
 * scheduled function at its `timeoutSeconds` (mirror/manifest-reference/modules/scheduled-trigger), so
 * it works for 100 s and leaves a step's length of room.
 */
import { continuePreparingAudiences } from './audience';

export const PREPARATION_BUDGET_MS = 100_000;

export async function prepareReachAudiences(_event?: unknown, _context?: unknown): Promise<{ steps: number; ready: number }> {
  return continuePreparingAudiences(PREPARATION_BUDGET_MS);
}
