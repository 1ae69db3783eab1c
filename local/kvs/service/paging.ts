import { ScanSpec, StoredItem } from '../backend/types';
import { IndexValue } from '../compare';
import { MetadataField } from '../wire';
import { ServiceContext, ServiceResult } from './context';
import { decodeCursor, encodeCursor } from './cursor';
import { itemBody } from './metadata';

/** Omit applied to each member of a union (plain Omit would keep only the common keys). */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface PageRequest {
  /** The scan without paging fields; `after`, `limit`, `now` and `linger` are filled in here. */
  spec: DistributiveOmit<ScanSpec, 'after' | 'limit' | 'now' | 'linger'>;
  /** Identity of the query for cursor validation. */
  queryIdentity: string;
  cursor?: string;
  limit: number;
  metadataFields?: MetadataField[];
  /** Sort value of an item, stored in the cursor. */
  rangeOf: (item: StoredItem) => IndexValue;
  /** In-memory filter applied to the page after the limit, as the service does. */
  filter?: (item: StoredItem) => boolean;
}

/**
 * One page: read `limit` items from the index, then filter them. Like the real service (and
 * DynamoDB's Limit + FilterExpression), filters run after the limit, so a page can hold fewer
 * than `limit` results, even none, while a cursor still points to more. One extra item is
 * read ahead so that the last page carries no cursor.
 */
export function runPage(ctx: ServiceContext, page: PageRequest): ServiceResult {
  const after = page.cursor === undefined ? undefined : decodeCursor(ctx, page.queryIdentity, page.cursor);
  const spec: ScanSpec = { ...page.spec, after, limit: page.limit + 1, now: ctx.clock.now(), linger: ctx.linger };
  const scanned = ctx.backend.scan(spec);
  const items = scanned.slice(0, page.limit);
  const data = items.filter((item) => !page.filter || page.filter(item)).map((item) => itemBody(item, page.metadataFields));
  const last = items[items.length - 1];
  if (scanned.length <= page.limit || !last) {
    return { status: 200, body: { data } };
  }
  const cursor = encodeCursor(ctx, page.queryIdentity, { range: page.rangeOf(last), key: last.key });
  return { status: 200, body: { data, cursor } };
}
