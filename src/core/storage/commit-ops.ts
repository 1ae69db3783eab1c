import { kvs, Filter, FilterConditions } from '@forge/kvs';
import { MAX_TRANSACTION_OPERATIONS } from '../model/kvs-limits';
import { type Expectation, type RowOp, type StoredRow } from '../model/row-ops';
import { ENTITY, KEYS } from './keys';
import { isConditionFailure, isUnclassifiedTransactionFailure, UnclassifiedTransactionError } from './kvs-errors';
import { encode } from './codecs';

/** Where a stored row lives: its entity and key, derived from the row itself (the one key table is keys.ts). */
export function locate(row: StoredRow): { entityName: string; key: string } {
  switch (row.entity) {
    case 'view': return { entityName: ENTITY.view, key: KEYS.view(row.value.contentId, row.value.viewer, row.value.at) };
    case 'viewer-content': return { entityName: ENTITY.viewerContent, key: KEYS.viewerContent(row.value.contentId, row.value.viewer) };
    case 'content-stats': return { entityName: ENTITY.contentStats, key: KEYS.contentStats(row.value.contentId) };
    case 'content-day': return { entityName: ENTITY.contentDay, key: KEYS.contentDay(row.value.contentId, row.value.day) };
    case 'space-day': return { entityName: ENTITY.spaceDay, key: KEYS.spaceDay(row.value.spaceKey, row.value.day, row.value.shard) };
    case 'viewer-day': return { entityName: ENTITY.viewerDay, key: KEYS.viewerDay(row.value.viewer, row.value.day) };
    case 'content-month': return { entityName: ENTITY.contentMonth, key: KEYS.contentMonth(row.value.contentId, row.value.month) };
    case 'viewer-month': return { entityName: ENTITY.viewerMonth, key: KEYS.viewerMonth(row.value.viewer, row.value.month) };
    case 'rollup': return { entityName: ENTITY.rollup, key: KEYS.rollup(row.value.scope, row.value.level, row.value.period, row.value.shard) };
    case 'sketch': return { entityName: ENTITY.sketch, key: KEYS.sketch(row.value.kind, row.value.level, row.value.period, row.value.shard) };
    case 'account': return { entityName: ENTITY.account, key: KEYS.account(row.value.accountId) };
    case 'search-mark': return { entityName: ENTITY.searchMark, key: KEYS.searchMark(row.value.mark) };
    case 'search-query': return { entityName: ENTITY.searchQuery, key: KEYS.searchQuery(row.value.queryId, row.value.month) };
    case 'search-total': return { entityName: ENTITY.searchTotal, key: KEYS.searchTotal(row.value.month, row.value.shard) };
    case 'search-last': return { entityName: ENTITY.searchLast, key: KEYS.searchLast(row.value.searcher) };
  }
}

/** The attribute whose presence says the row exists: the version of counters, a fixed field otherwise. */
const PRESENCE_FIELD: Record<StoredRow['entity'], keyof Conditioned> = {
  view: 'at', account: 'accountId',
  'viewer-content': 'version', 'content-stats': 'version', 'content-day': 'version', 'space-day': 'version', 'viewer-day': 'version',
  'content-month': 'version', 'viewer-month': 'version', rollup: 'version', sketch: 'version',
  'search-mark': 'version', 'search-query': 'version', 'search-total': 'version', 'search-last': 'version',
};

/** Every stored row has at least one of these attributes, which is all a condition needs to name. */
type Conditioned = Partial<Record<'version' | 'at' | 'accountId' | 'lifecycleAt', unknown>>;

function conditionOf(row: StoredRow, expect: Expectation) {
  const field = expect.kind === 'version' ? 'version' : PRESENCE_FIELD[row.entity];
  const filter = new Filter<Conditioned>();
  switch (expect.kind) {
    case 'version': return filter.and(field, FilterConditions.equalTo(expect.version));
    case 'absent': return filter.and(field, FilterConditions.notExists());
    case 'present': return filter.and(field, FilterConditions.exists());
    case 'lifecycle': return filter.and('lifecycleAt', FilterConditions.equalTo(expect.at));
    case 'any': return undefined;
  }
}

/** KVS refuses null attributes: an unknown value is stored as absent (the codecs read it back as null). */
function storable(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== null));
}

/**
 * THE write of the app: commits row operations as ONE transaction (one write unit while small), all
 * or nothing. Returns `conflict` when some expectation no longer held (another writer got there
 * first); the caller re-reads and plans again. Throws UnclassifiedTransactionError for a refusal it
 * cannot classify (see kvs-errors.ts). At most 25 operations (Forge's limit).
 */
export async function commitOps(ops: readonly RowOp[]): Promise<'committed' | 'conflict'> {
  if (ops.length === 0) return 'committed';
  if (ops.length > MAX_TRANSACTION_OPERATIONS) throw new Error(`A transaction holds at most ${MAX_TRANSACTION_OPERATIONS} operations, not ${ops.length}`);
  let transaction = kvs.transact();
  for (const op of ops) {
    const { entityName, key } = locate(op.row);
    const conditions = conditionOf(op.row, op.expect);
    const options = conditions ? { entityName, conditions } : { entityName };
    if (op.kind === 'put') {
      // A transaction's set takes kvs.set's options, TTL included (@forge/kvs TransactionBuilder.set(key, value, entity, SetOptions); TTL: mirror/runtime-reference/storage-api-basic-api/index.md, "Time-to-live (TTL)").
      transaction = op.ttlSeconds === undefined
        ? transaction.set<Conditioned>(key, storable(encode.row(op.row)), options)
        : transaction.set<Conditioned>(key, storable(encode.row(op.row)), options, { ttl: { value: op.ttlSeconds, unit: 'SECONDS' } });
    }
    else if (op.kind === 'delete') transaction = transaction.delete<Conditioned>(key, options);
    else if (conditions) transaction = transaction.check<Conditioned>(key, { entityName, conditions });
  }
  try {
    await transaction.execute();
    return 'committed';
  } catch (error) {
    if (isConditionFailure(error)) return 'conflict';
    // Any other refusal may be a condition failure answered differently: the caller re-reads and
    // plans again (as after a conflict) and, if it persists, fails its invocation so Forge retries.
    if (isUnclassifiedTransactionFailure(error)) throw new UnclassifiedTransactionError(error);
    throw error;
  }
}

