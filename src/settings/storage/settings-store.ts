import { kvs, Filter, FilterConditions, WhereConditions } from '@forge/kvs';
import type { Settings } from '@contracts/settings';
import type { SettingsAuditEntry, SettingsProblem } from '@contracts/resolvers';
import { parseStoredSettings, DEFAULT_SETTINGS, FAIL_CLOSED_SETTINGS } from '../rules/settings';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { isConditionFailure } from '../../core/storage/kvs-errors';
import { NO_ACCOUNT, registerAccount } from '../../core/storage/account-registry';

export interface StoredSettings {
  settings: Settings;
  /** 0 until the first save. */
  version: number;
  updatedAt: number | null;
  /** Null when the stored document was read as it is. */
  problem: SettingsProblem | null;
}

interface SettingsDocument {
  version: number;
  value: unknown;
  updatedAt: number;
  updatedBy: string;
}

export async function readSettings(): Promise<StoredSettings> {
  const doc = await kvs.entity<SettingsDocument>(ENTITY.settings).get(KEYS.settings);
  if (!doc) return { settings: DEFAULT_SETTINGS, version: 0, updatedAt: null, problem: null };
  const base = { version: doc.version, updatedAt: doc.updatedAt };
  const parsed = parseStoredSettings(doc.value);
  if (parsed.ok) return { ...base, settings: parsed.value, problem: null };
  // Fail closed: the last settings saved, else no tracking at all; never the defaults.
  const problem = `The stored settings (version ${doc.version}) cannot be read: ${parsed.message}`;
  console.error(problem);
  const lastGood = parseStoredSettings(await kvs.get<unknown>(KEYS.settingsLastGood));
  return lastGood.ok
    ? { ...base, settings: lastGood.value, problem: { message: problem, applied: 'last-good' } }
    : { ...base, settings: FAIL_CLOSED_SETTINGS, problem: { message: problem, applied: 'tracking-stopped' } };
}

/**
 * Saves only if nobody saved since `expectedVersion` was read; the audit entry is written in the
 * same transaction, so there is never a change without its trail (or a trail without its change).
 */
export async function writeSettings(
  settings: Settings, expectedVersion: number, audit: SettingsAuditEntry,
): Promise<'saved' | 'conflict'> {
  const doc: SettingsDocument = { version: expectedVersion + 1, value: settings, updatedAt: audit.at, updatedBy: audit.accountId ?? NO_ACCOUNT };
  // Registered before it is stored: there is never an account id in storage that is not reported.
  if (audit.accountId) await registerAccount(audit.accountId, audit.at);
  const condition = new Filter<SettingsDocument>();
  try {
    await kvs.transact()
      .set(KEYS.settings, doc, {
        entityName: ENTITY.settings,
        conditions: expectedVersion === 0
          ? condition.and('version', FilterConditions.notExists())
          : condition.and('version', FilterConditions.equalTo(expectedVersion)),
      })
      .set(KEYS.settingsAudit(doc.version), audit)
      .set(KEYS.settingsLastGood, settings)
      .execute();
    return 'saved';
  } catch (error) {
    if (isConditionFailure(error)) return 'conflict';
    throw error;
  }
}

export async function listSettingsAudit(limit: number): Promise<SettingsAuditEntry[]> {
  const page = await kvs.query().where('key', WhereConditions.beginsWith(KEYS.settingsAuditPrefix)).limit(limit).getMany<SettingsAuditEntry>();
  return page.results.map((result) => result.value);
}
