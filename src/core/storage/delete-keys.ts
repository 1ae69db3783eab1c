import { MAX_BATCH_KEYS } from '../model/kvs-limits';
import { kvs } from '@forge/kvs';

/** Deletes entity rows by key, 25 per batch (Forge's limit); a failed item fails the whole call loudly. */
export async function deleteEntityKeys(entityName: string, keys: readonly string[]): Promise<void> {
  for (let start = 0; start < keys.length; start += MAX_BATCH_KEYS) {
    const result = await kvs.batchDelete(keys.slice(start, start + MAX_BATCH_KEYS).map((key) => ({ key, entityName })));
    const failed = result.failedKeys.find((item) => !/NOT_FOUND/.test(item.error.code));
    if (failed) throw new Error(`Deleting ${entityName} ${failed.key} failed: ${failed.error.code}`);
  }
}
