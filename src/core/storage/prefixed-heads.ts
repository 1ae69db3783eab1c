import { kvs, WhereConditions } from '@forge/kvs';
import { forEachQueryPage } from './query-pages';

/**
 * Work prepared over several calls is stored as a head item plus `:part:` items under one key prefix
 * (reach audiences, group-filtered report preparations). This walks the heads under `prefix`, skips
 * the parts, and keeps what `pick` returns for a head (undefined: not wanted), at most `max`, in key
 * order: the scheduled run's list of preparations still to continue.
 */
export async function pickHeadsWithPrefix<T>(prefix: string, pick: (value: unknown) => T | undefined, max: number): Promise<T[]> {
  const found: T[] = [];
  const query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(100);
  await forEachQueryPage((cursor) => (cursor ? query.cursor(cursor) : query).getMany<unknown>(), (page) => {
    for (const result of page.results) {
      if (result.key.includes(':part:')) continue;
      const picked = pick(result.value);
      if (picked !== undefined) found.push(picked);
    }
    return found.length >= max ? 'stop' : undefined;
  });
  return found.slice(0, max);
}
