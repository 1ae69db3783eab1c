import { Namespace } from '../backend/types';
import { fail } from '../errors';
import { JsonValue, utf8Bytes } from '../json';
import { deleteRequest, getRequest, parseBody, setRequest, SetOptions } from '../wire';
import { NO_CONTENT, ServiceContext, ServiceResult } from './context';
import { itemBody } from './metadata';
import { resolveTarget } from './target';
import { applyWrite, prepareWrite } from './write';

/** POST .../get, .../secret/get, .../entity/get. A missing key is 404 KEY_NOT_FOUND, which the client maps to undefined. */
export function getItem(ctx: ServiceContext, ns: Namespace, text: string): ServiceResult {
  const req = parseBody(getRequest, text);
  const target = resolveTarget(ctx, ns, req.key, req.entityName);
  const item = ctx.backend.get(target.ref, ctx.clock.now(), ctx.linger);
  if (!item) {
    fail('KEY_NOT_FOUND', 'Provided key does not exist');
  }
  return { status: 200, body: itemBody(item, req.options?.metadataFields) };
}

/**
 * POST .../set. 204 without a body unless `returnValue` asks for the LATEST or PREVIOUS item;
 * PREVIOUS with nothing overwritten is also 204, which the client turns into undefined.
 */
export function setItem(ctx: ServiceContext, ns: Namespace, text: string): ServiceResult {
  const req = parseBody(setRequest, text);
  const options = req.options ?? {};
  checkSetOptions(options);
  const target = resolveTarget(ctx, ns, req.key, req.entityName);
  const write = prepareWrite(target, req.value, options.ttl);
  if (ns === 'secret') {
    checkSecretSize(ctx, write.value);
  }
  return ctx.backend.transaction(() => {
    const now = ctx.clock.now();
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && ctx.backend.get(target.ref, now, ctx.linger)) {
      fail('KEY_ALREADY_EXISTS', `Key "${req.key}" already exists`);
    }
    const { item, previous } = applyWrite(ctx, write, now);
    const returned = options.returnValue === 'LATEST' ? item : options.returnValue === 'PREVIOUS' ? previous : undefined;
    return returned ? { status: 200, body: itemBody(returned, options.returnMetadataFields) } : NO_CONTENT;
  });
}

/**
 * Forge: secrets "may be up to 128 KiB in size" (forge-docs-snapshot mirror/runtime-reference/
 * storage-api-secret/index.md, "kvs.setSecret"), against 240 KiB for other values; answered with
 * the documented MAX_SIZE ("The provided value has exceeded the maximum size limit",
 * mirror/storage-reference/handling-errors-kvs/index.md).
 */
function checkSecretSize(ctx: ServiceContext, value: JsonValue): void {
  const bytes = utf8Bytes(JSON.stringify(value));
  if (bytes > ctx.strictness.secretMaxBytes) {
    fail('MAX_SIZE', `Secret value exceeds the maximum size of ${ctx.strictness.secretMaxBytes} bytes`);
  }
}

/** The docs: returnValue needs keyPolicy OVERRIDE (or none), returnMetadataFields needs returnValue. */
function checkSetOptions(options: SetOptions): void {
  if (options.returnValue && options.keyPolicy === 'FAIL_IF_EXISTS') {
    fail('BAD_REQUEST', 'returnValue can only be used with keyPolicy OVERRIDE');
  }
  if (options.returnMetadataFields && !options.returnValue) {
    fail('BAD_REQUEST', 'returnMetadataFields requires returnValue');
  }
}

/** POST .../delete. Succeeds whether or not the key exists (documented). */
export function deleteItem(ctx: ServiceContext, ns: Namespace, text: string): ServiceResult {
  const req = parseBody(deleteRequest, text);
  const target = resolveTarget(ctx, ns, req.key, req.entityName);
  ctx.backend.delete(target.ref);
  return NO_CONTENT;
}
