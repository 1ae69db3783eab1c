import { forEachQueryPage } from '../../core/storage/query-pages';
import { kvs, Filter, FilterConditions, WhereConditions } from '@forge/kvs';
import type { SettingsAuditEntry } from '@contracts/resolvers';
import { readApiToken, writeApiTokenRecord } from '../../settings/index';
import { eraseSavedReportAuthor, savedReportAuthors } from '../../custom-reports/index';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { isConditionFailure } from '../../core/storage/kvs-errors';
import { NO_ACCOUNT } from '../../core/storage/account-registry';

/**
 * Account ids stored outside the view data, for accountability: the settings audit trail, the
 * settings document's `updatedBy`, the view API token's `createdBy`, the saved space reports'
 * `createdBy`. They are personal data too:
 * registered when written (core/storage/account-registry.ts), and redacted when Atlassian reports the account closed.
 */
interface SettingsDocument { version: number; updatedBy: string }

async function forEachAuditEntry(visit: (key: string, entry: SettingsAuditEntry) => Promise<void>): Promise<void> {
  const query = kvs.query().where('key', WhereConditions.beginsWith(KEYS.settingsAuditPrefix)).limit(100);
  await forEachQueryPage((cursor) => (cursor ? query.cursor(cursor) : query).getMany<SettingsAuditEntry>(), async (page) => {
    for (const result of page.results) await visit(result.key, result.value);
  });
}

/** Every account id the admin records name: an account in here still has data stored. */
export async function accountsInAdminRecords(): Promise<Set<string>> {
  const ids = new Set<string>();
  await forEachAuditEntry(async (_key, entry) => {
    if (entry.accountId) ids.add(entry.accountId);
  });
  const doc = await kvs.entity<SettingsDocument>(ENTITY.settings).get(KEYS.settings);
  if (doc?.updatedBy && doc.updatedBy !== NO_ACCOUNT) ids.add(doc.updatedBy);
  const token = await readApiToken();
  if (token?.createdBy && token.createdBy !== NO_ACCOUNT) ids.add(token.createdBy);
  for (const author of await savedReportAuthors()) ids.add(author);
  return ids;
}

/** Replaces a closed account's id in the admin records: the entries stay, without saying who. */
export async function redactAccountInAdminRecords(accountId: string): Promise<number> {
  let redacted = 0;
  await forEachAuditEntry(async (key, entry) => {
    if (entry.accountId !== accountId) return;
    await kvs.set(key, { ...entry, accountId: null });
    redacted += 1;
  });
  const doc = await kvs.entity<SettingsDocument>(ENTITY.settings).get(KEYS.settings);
  if (doc?.updatedBy === accountId) {
    try {
      // Conditional on the version read: a save meanwhile has replaced `updatedBy` anyway.
      await kvs.transact().set(KEYS.settings, { ...doc, updatedBy: NO_ACCOUNT }, {
        entityName: ENTITY.settings, conditions: new Filter<SettingsDocument>().and('version', FilterConditions.equalTo(doc.version)),
      }).execute();
      redacted += 1;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  const token = await readApiToken();
  if (token?.createdBy === accountId) {
    await writeApiTokenRecord({ ...token, createdBy: NO_ACCOUNT });
    redacted += 1;
  }
  redacted += await eraseSavedReportAuthor(accountId);
  return redacted;
}

/** Whether any view data is stored under this account (views, histories, daily rows). */
export async function hasViewData(accountId: string): Promise<boolean> {
  for (const entityName of [ENTITY.view, ENTITY.viewerContent, ENTITY.viewerDay]) {
    const page = await kvs.entity<unknown>(entityName).query().index('by-viewer', { partition: [accountId] }).limit(1).getMany();
    if (page.results.length > 0) return true;
  }
  return false;
}
