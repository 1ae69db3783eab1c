import { checkCondition } from '../conditions';
import { fail } from '../errors';
import { resolveLimit } from '../limits';
import { keyQueryRequest, parseBody } from '../wire';
import { ServiceContext, ServiceResult } from './context';
import { runPage } from './paging';
import { rangeBounds } from './range';

const KEY_WHERE = new Set(['BEGINS_WITH']);

/**
 * POST /api/v1/query: plain KVS keys (never secrets) in lexicographic key order, optionally
 * restricted to one `where key BEGINS_WITH` clause. The cursor travels as `after`.
 */
export function queryKeys(ctx: ServiceContext, text: string): ServiceResult {
  const req = parseBody(keyQueryRequest, text);
  const where = req.where ?? [];
  if (where.length > 1) {
    fail('QUERY_WHERE_INVALID', 'KVS queries accept a single "where" clause');
  }
  if (where[0] && where[0].property !== 'key') {
    fail('QUERY_WHERE_FIELD_INVALID', `Cannot filter on "${where[0].property}"; only "key" is supported`);
  }
  const condition = where[0] ? checkCondition(where[0], 'key', 'string', KEY_WHERE) : undefined;
  const limit = resolveLimit(req.limit, 'LIST_QUERY_LIMIT_EXCEEDED');
  return runPage(ctx, {
    spec: { kind: 'key', ns: 'kvs', entity: '', bounds: rangeBounds(condition), direction: 'ASC' },
    queryIdentity: JSON.stringify(['kvs', condition?.values ?? null]),
    cursor: req.after,
    limit,
    metadataFields: req.options?.metadataFields,
    rangeOf: (item) => item.key,
  });
}
