import { IndexValue } from './compare';
import { fail } from './errors';
import { isJsonObject, JsonObject, JsonValue } from './json';
import { AttributeType, EntitySchema, IndexSchema } from './schema';

/** One row of an entity index: which partition, which sort value. */
export interface IndexEntry {
  index: string;
  partition: string;
  range: IndexValue;
}

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;
const FLOAT_MIN_MAGNITUDE = 1e-130;
const FLOAT_MAX_MAGNITUDE = 9.9999999999999999999999999999999999999e125;

/** Type rules from the docs' "Values" table. */
export function matchesType(type: AttributeType, value: JsonValue): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string' && value.trim().length > 0;
    case 'integer':
      return Number.isInteger(value) && (value as number) >= INT32_MIN && (value as number) <= INT32_MAX;
    case 'float':
      return typeof value === 'number' && isStorableFloat(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return value !== null;
  }
}

function isStorableFloat(value: number): boolean {
  const magnitude = Math.abs(value);
  return value === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude <= FLOAT_MAX_MAGNITUDE);
}

/**
 * The store "strictly enforces attribute types". We also refuse attributes the manifest does not
 * declare: accepting them locally could hide a manifest omission until deployment.
 */
export function validateEntityValue(entity: EntitySchema, value: JsonValue): JsonObject {
  if (!isJsonObject(value)) {
    fail('INVALID_ENTITY_VALUE', `A value of entity "${entity.name}" must be an object`);
  }
  for (const [name, attr] of Object.entries(value)) {
    const type = entity.attributes.get(name);
    if (type === undefined) {
      fail('INVALID_ENTITY_VALUE', `Attribute "${name}" is not declared on entity "${entity.name}"`);
    }
    if (!matchesType(type, attr)) {
      fail('INVALID_ENTITY_VALUE', `Attribute "${name}" of entity "${entity.name}" must be of type ${type}`);
    }
  }
  return value;
}

/**
 * Index rows for a stored entity value. Like a DynamoDB secondary index, an index is sparse:
 * an item lacking any partition or range attribute of an index is simply not in that index.
 */
export function indexEntriesFor(entity: EntitySchema, value: JsonObject): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const index of entity.indexes.values()) {
    if (index.range === null) {
      continue; // by-key is served from the item table itself
    }
    const range = value[index.range];
    const partition = index.partition.map((attr) => value[attr]);
    if (isIndexValue(range) && partition.every(isIndexValue)) {
      entries.push({ index: index.name, partition: partitionKey(partition), range });
    }
  }
  return entries;
}

export function isIndexValue(value: unknown): value is IndexValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Partition values are matched exactly, so their JSON text is a precise, typed identity. */
export function partitionKey(values: readonly JsonValue[]): string {
  return JSON.stringify(values);
}

/** The sort value of an item in an index: its range attribute, or its key for by-key. */
export function rangeValueOf(index: IndexSchema, key: string, value: JsonValue): IndexValue {
  if (index.range === null) {
    return key;
  }
  const range = isJsonObject(value) ? value[index.range] : undefined;
  return isIndexValue(range) ? range : key;
}
