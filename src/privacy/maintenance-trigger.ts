import { currentStoredSettings } from '../settings/index';
import { applyRetention, type RetentionResult } from './retention';
import { reportPersonalData, type PersonalDataResult } from './personal-data';

/** Leaves a margin under the function's 900 s timeout (manifest.yml) for the last page in flight. */
const BUDGET_MS = 800_000;

/**
 * The daily scheduled trigger: personal data reporting (and erasure of closed accounts), then retention. Forge does not retry scheduled triggers and may run one twice: the
 * purge is idempotent (deleting what is already gone is a no-op), and an unfinished run resumes
 * tomorrow from the oldest rows.
 */
export async function maintenance(_event?: unknown, _context?: unknown): Promise<{ retention: RetentionResult; personalData: PersonalDataResult }> {
  const started = Date.now();
  const { settings } = await currentStoredSettings();
  // Personal data first: erasing closed accounts is an obligation, purging old views a preference.
  const personalData = await reportPersonalData(started, started + BUDGET_MS / 2).catch((error: unknown): PersonalDataResult => {
    // Not retried by Forge: tomorrow's run reports the same accounts again. Retention still runs.
    console.error('Personal data reporting failed', error);
    return { reported: 0, erased: [], released: 0, complete: false };
  });
  console.log(`Personal data: reported ${personalData.reported} accounts, erased ${personalData.erased.length} closed ones, released ${personalData.released} with nothing left${personalData.complete ? '' : ', to be continued tomorrow'}`);
  const retention = await applyRetention(settings, started, started + BUDGET_MS - Date.now());
  console.log(`Retention: cutoff ${retention.cutoff === null ? 'none (keep all)' : new Date(retention.cutoff).toISOString()}, deleted ${JSON.stringify(retention.deleted)}${retention.complete ? '' : ', to be continued tomorrow'}`);
  return { retention, personalData };
}
