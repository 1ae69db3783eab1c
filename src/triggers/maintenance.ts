import { currentStoredSettings } from '../services/settings-source';
import { applyRetention, type RetentionResult } from '../services/retention';

/** Leaves a margin under the function's 900 s timeout (manifest.yml) for the last page in flight. */
const BUDGET_MS = 800_000;

/**
 * The daily scheduled trigger. Forge does not retry scheduled triggers and may run one twice: the
 * purge is idempotent (deleting what is already gone is a no-op), and an unfinished run resumes
 * tomorrow from the oldest rows.
 */
export async function maintenance(_event?: unknown, _context?: unknown): Promise<RetentionResult> {
  const { settings } = await currentStoredSettings();
  const result = await applyRetention(settings, Date.now(), BUDGET_MS);
  console.log(`Retention: cutoff ${result.cutoff === null ? 'none (keep all)' : new Date(result.cutoff).toISOString()}, deleted ${JSON.stringify(result.deleted)}${result.complete ? '' : ', to be continued tomorrow'}`);
  return result;
}
