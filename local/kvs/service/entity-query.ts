import { checkCondition, checkFilters, CheckedCondition, matchesFilters, WHERE_CONDITIONS } from '../conditions';
import { matchesType, partitionKey, rangeValueOf } from '../entity-values';
import { fail } from '../errors';
import { JsonValue } from '../json';
import { resolveLimit } from '../limits';
import { EntitySchema, IndexSchema, lookupEntity, lookupIndex } from '../schema';
import { EntityQueryRequest, entityQueryRequest, parseBody } from '../wire';
import { ServiceContext, ServiceResult } from './context';
import { PageRequest, runPage } from './paging';
import { rangeBounds } from './range';

/**
 * POST /api/v1/entity/query: one declared index of one entity, one partition, an optional
 * range condition on the index's sort attribute, optional in-memory filters, ASC/DESC.
 * Results are ordered by the range attribute, then by key.
 */
export function queryEntities(ctx: ServiceContext, text: string): ServiceResult {
  const req = parseBody(entityQueryRequest, text);
  const entity = lookupEntity(ctx.schemas, req.entityName);
  const index = lookupIndex(entity, req.indexName);
  const partition = checkPartition(entity, index, req.partition ?? []);
  const where = req.range ? checkWhere(entity, index, req.range) : undefined;
  const filters = req.filters ? checkFilters(entity, req.filters, where ? 1 : 0) : undefined;
  const limit = resolveLimit(req.limit, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
  const direction = req.sort ?? 'ASC';
  const common = { bounds: rangeBounds(where), direction };
  const spec: PageRequest['spec'] = index.range === null
    ? { kind: 'key', ns: 'entity', entity: entity.name, ...common }
    : { kind: 'index', entity: entity.name, index: index.name, partition: partitionKey(partition), ...common };
  return runPage(ctx, {
    spec,
    queryIdentity: queryIdentityOf(req, partition),
    cursor: req.cursor,
    limit,
    metadataFields: req.options?.metadataFields,
    rangeOf: (item) => rangeValueOf(index, item.key, item.value),
    filter: filters ? (item) => matchesFilters(filters, item.value) : undefined,
  });
}

/** The docs: "you must set a value for each [partition] attribute ... in the order they are declared". */
function checkPartition(entity: EntitySchema, index: IndexSchema, values: unknown[]): JsonValue[] {
  if (values.length !== index.partition.length) {
    fail('INVALID_PARTITION', `Index "${index.name}" needs ${index.partition.length} partition value(s), got ${values.length}`);
  }
  index.partition.forEach((attr, i) => {
    const type = entity.attributes.get(attr) ?? 'any';
    if (!matchesType(type, values[i] as JsonValue)) {
      fail('INVALID_PARTITION', `Partition value for "${attr}" must be of type ${type}`);
    }
  });
  return values as JsonValue[];
}

function checkWhere(entity: EntitySchema, index: IndexSchema, range: { condition: string; values: unknown[] }): CheckedCondition {
  const property = index.range ?? 'key';
  const type = index.range === null ? 'string' : entity.attributes.get(index.range);
  if (type === undefined || type === 'any') {
    fail('INVALID_ENTITY_INDEX', `Index "${index.name}" has no typed range attribute`);
  }
  return checkCondition(range, property, type, WHERE_CONDITIONS);
}

function queryIdentityOf(req: EntityQueryRequest, partition: JsonValue[]): string {
  return JSON.stringify(['entity', req.entityName, req.indexName, partition, req.range ?? null, req.filters ?? null, req.sort ?? 'ASC']);
}
