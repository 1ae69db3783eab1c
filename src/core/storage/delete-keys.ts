import { MAX_BATCH_KEYS } from '../model/kvs-limits';
import { kvs, WhereConditions } from '@forge/kvs';

/** Deletes entity rows by key, 25 per batch (Forge's limit); a failed item fails the whole call loudly. */
export async function deleteEntityKeys(entityName: string, keys: readonly string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += MAX_BATCH_KEYS) {
    const result = await kvs.batchDelete(keys.slice(start, start + MAX_BATCH_KEYS).map((key) => ({ key, entityName })));
    const failed = result.failedKeys.find((item) => !/NOT_FOUND/.test(item.error.code));
    if (failed) throw new Error(`Deleting ${entityName} ${failed.key} failed: ${failed.error.code}`);
  }
}

/**
 * Deletes every plain (non-entity) key that starts with `prefix`, returning how many. Deleting while
 * paging would leave a query cursor pointing past keys not yet seen, so each round asks the first
 * page again until a short page says nothing is left.
 */
export async function deleteKeysWithPrefix(prefix: string): Promise<number> {
  const PAGE = 100;
  let deleted = 0;
  for (;;) {
    const page = await kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(PAGE).getMany<unknown>();
    for (const result of page.results) await kvs.delete(result.key);
    deleted += page.results.length;
    if (page.results.length < PAGE) return deleted;
  }
}
