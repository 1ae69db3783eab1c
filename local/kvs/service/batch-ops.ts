import { fail, KvsServiceError } from '../errors';
import { utf8Bytes } from '../json';
import { LIMITS } from '../limits';
import { batchDeleteRequest, batchGetRequest, batchSetRequest, parseBody } from '../wire';
import { ServiceContext, ServiceResult } from './context';
import { itemBody, ItemBody } from './metadata';
import { identityOf, namespaceOf, resolveTarget } from './target';
import { applyWrite, prepareWrite } from './write';

interface BatchKey {
  key: string;
  entityName?: string;
}

interface FailedKey extends BatchKey {
  error: { code: string; message: string };
}

/**
 * Whole-request checks. The docs: a batch "will return an error and fail entirely if it doesn't
 * contain any keys [or] there are multiple requests to set, delete, or get the same key or key
 * plus entity"; at most 25 keys; a batchSet payload is at most 4 MB.
 */
function checkBatch(items: readonly BatchKey[], bodyBytes?: number): void {
  if (items.length === 0) {
    fail('BATCH_EMPTY', 'A batch must contain at least one key');
  }
  if (items.length > LIMITS.batchMaxItems) {
    fail('BATCH_TOO_MANY_ITEMS', `A batch can contain at most ${LIMITS.batchMaxItems} keys`);
  }
  if (new Set(items.map(identityOf)).size !== items.length) {
    fail('BATCH_DUPLICATE_KEYS', 'A batch cannot address the same key (and entity) twice');
  }
  if (bodyBytes !== undefined && bodyBytes > LIMITS.batchMaxBytes) {
    fail('BATCH_PAYLOAD_TOO_LARGE', `A batch payload cannot exceed ${LIMITS.batchMaxBytes} bytes`);
  }
}

function idOf(item: BatchKey): BatchKey {
  return item.entityName === undefined ? { key: item.key } : { key: item.key, entityName: item.entityName };
}

/** Runs each item on its own: a service error fails that item only; anything else fails the batch. */
function eachItem<T extends BatchKey, R>(items: readonly T[], run: (item: T) => R, failed: FailedKey[]): R[] {
  const out: R[] = [];
  for (const item of items) {
    try {
      out.push(run(item));
    } catch (error) {
      if (!(error instanceof KvsServiceError)) {
        throw error;
      }
      failed.push({ ...idOf(item), error: { code: error.code, message: error.message } });
    }
  }
  return out;
}

export function batchSet(ctx: ServiceContext, text: string): ServiceResult {
  const items = parseBody(batchSetRequest, text);
  checkBatch(items, utf8Bytes(text));
  const failedKeys: FailedKey[] = [];
  // One storage transaction for speed (one SQLite commit); items still succeed or fail individually.
  const successfulKeys = ctx.backend.transaction(() => {
    const now = ctx.clock.now();
    return eachItem(items, (item) => {
      const target = resolveTarget(ctx, namespaceOf(item), item.key, item.entityName);
      applyWrite(ctx, prepareWrite(target, item.value, item.options?.ttl), now);
      return idOf(item);
    }, failedKeys);
  });
  return { status: 200, body: { successfulKeys, failedKeys } };
}

/** Missing or expired keys are reported in failedKeys with KEY_NOT_FOUND. */
export function batchGet(ctx: ServiceContext, text: string): ServiceResult {
  const items = parseBody(batchGetRequest, text);
  checkBatch(items);
  const failedKeys: FailedKey[] = [];
  const now = ctx.clock.now();
  const successfulKeys = eachItem(items, (item): ItemBody => {
    const target = resolveTarget(ctx, namespaceOf(item), item.key, item.entityName);
    const found = ctx.backend.get(target.ref, now, ctx.linger);
    if (!found) {
      fail('KEY_NOT_FOUND', 'Key does not exist');
    }
    return { ...itemBody(found, item.options?.metadataFields), ...idOf(item) };
  }, failedKeys);
  return { status: 200, body: { successfulKeys, failedKeys } };
}

/** Deleting a missing key succeeds, as a single delete does. */
export function batchDelete(ctx: ServiceContext, text: string): ServiceResult {
  const items = parseBody(batchDeleteRequest, text);
  checkBatch(items);
  const failedKeys: FailedKey[] = [];
  const successfulKeys = ctx.backend.transaction(() =>
    eachItem(items, (item) => {
      ctx.backend.delete(resolveTarget(ctx, namespaceOf(item), item.key, item.entityName).ref);
      return idOf(item);
    }, failedKeys),
  );
  return { status: 200, body: { successfulKeys, failedKeys } };
}
