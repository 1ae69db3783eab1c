import { compareIndexValues, IndexValue } from './compare';
import { isIndexValue } from './entity-values';
import { fail } from './errors';
import { isJsonObject, JsonValue } from './json';
import { LIMITS } from './limits';
import { AttributeType, EntitySchema } from './schema';
import { FilterItem, Filters } from './wire';

export type FilterCondition =
  | 'BEGINS_WITH' | 'BETWEEN' | 'CONTAINS' | 'NOT_CONTAINS' | 'EQUAL_TO' | 'NOT_EQUAL_TO'
  | 'EXISTS' | 'NOT_EXISTS' | 'GREATER_THAN' | 'GREATER_THAN_EQUAL_TO' | 'LESS_THAN' | 'LESS_THAN_EQUAL_TO';

type TypedAttribute = Exclude<AttributeType, 'any'>;
const ORDERED: TypedAttribute[] = ['string', 'integer', 'float'];
const ALL: TypedAttribute[] = ['string', 'integer', 'float', 'boolean'];

/** Which attribute types each condition accepts (tables of the entities query page). */
const SUPPORTED: Record<FilterCondition, TypedAttribute[]> = {
  BEGINS_WITH: ['string'], CONTAINS: ['string'], NOT_CONTAINS: ['string'],
  BETWEEN: ORDERED, GREATER_THAN: ORDERED, GREATER_THAN_EQUAL_TO: ORDERED, LESS_THAN: ORDERED, LESS_THAN_EQUAL_TO: ORDERED,
  EQUAL_TO: ALL, NOT_EQUAL_TO: ALL, EXISTS: ALL, NOT_EXISTS: ALL,
};

export const WHERE_CONDITIONS: ReadonlySet<string> = new Set([
  'BEGINS_WITH', 'BETWEEN', 'EQUAL_TO', 'GREATER_THAN', 'GREATER_THAN_EQUAL_TO', 'LESS_THAN', 'LESS_THAN_EQUAL_TO',
]);

export interface CheckedCondition {
  property: string;
  condition: FilterCondition;
  values: IndexValue[];
}

export interface CheckedFilters {
  operator: 'and' | 'or';
  items: CheckedCondition[];
}

function isFilterCondition(name: string): name is FilterCondition {
  return Object.prototype.hasOwnProperty.call(SUPPORTED, name);
}

/** Validates one condition against the attribute type it targets. */
export function checkCondition(
  clause: { condition: string; values: unknown[] },
  property: string,
  type: TypedAttribute,
  allowed: ReadonlySet<string> | undefined,
): CheckedCondition {
  const { condition, values } = clause;
  if (!isFilterCondition(condition) || (allowed && !allowed.has(condition))) {
    fail('INVALID_FILTER_CONDITION', `Condition "${condition}" is not supported here`);
  }
  if (!SUPPORTED[condition].includes(type)) {
    fail('INVALID_FILTER_CONDITION', `Condition ${condition} does not apply to ${type} attribute "${property}"`);
  }
  const expected = condition === 'BETWEEN' ? 2 : 1;
  if (values.length < expected) {
    fail(expected === 2 ? 'INSUFFICIENT_FILTER_VALUES' : 'INVALID_FILTER_VALUES', `${condition} needs ${expected} value(s)`);
  }
  if (values.length > expected) {
    fail('INVALID_FILTER_VALUES', `${condition} takes ${expected} value(s)`);
  }
  if (condition === 'EXISTS' || condition === 'NOT_EXISTS') {
    return { property, condition, values: [] };
  }
  const typed: IndexValue[] = [];
  for (const value of values) {
    if (!isIndexValue(value) || !sameType(type, value)) {
      fail('INVALID_FILTER_VALUES', `Values of ${condition} on "${property}" must be of type ${type}`);
    }
    typed.push(value);
  }
  return { property, condition, values: typed };
}

function sameType(type: TypedAttribute, value: IndexValue): boolean {
  return type === 'string' ? typeof value === 'string' : type === 'boolean' ? typeof value === 'boolean' : typeof value === 'number';
}

/** Validates `{and: [...]}` / `{or: [...]}` against the entity schema (used by filters and transactions). */
export function checkFilters(entity: EntitySchema, filters: Filters, alreadyUsed = 0): CheckedFilters {
  if (filters.and && filters.or) {
    fail('INVALID_FILTER_OPERATORS_COMBINATION', 'Filter operators "and" and "or" cannot be used together');
  }
  const operator = filters.and ? 'and' : 'or';
  const items: FilterItem[] = filters.and ?? filters.or ?? [];
  if (items.length === 0) {
    fail('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty');
  }
  if (items.length + alreadyUsed > LIMITS.queryMaxConditions) {
    fail('MAX_CONDITIONS_EXCEEDED', `A query can use at most ${LIMITS.queryMaxConditions} conditions`);
  }
  return { operator, items: items.map((item) => checkCondition(item, item.property, attributeTypeFor(entity, item.property), undefined)) };
}

/** The docs: attributes of type `any` (and, here, undeclared ones) cannot be filtered: 422. */
function attributeTypeFor(entity: EntitySchema, property: string): TypedAttribute {
  const type = entity.attributes.get(property);
  if (type === undefined || type === 'any') {
    fail('INVALID_FILTER_ATTRIBUTE', `Attribute "${property}" of "${entity.name}" is not a typed, declared attribute`);
  }
  return type;
}

/**
 * Evaluates filters on a stored value; `undefined` is a missing item, which has no attributes.
 * As in DynamoDB condition expressions, a comparison with a missing attribute is false, except
 * the negative forms NOT_EXISTS, NOT_EQUAL_TO and NOT_CONTAINS, which are true.
 */
export function matchesFilters(filters: CheckedFilters, value: JsonValue | undefined): boolean {
  const attrs = isJsonObject(value) ? value : {};
  const test = (c: CheckedCondition): boolean => matches(c, attrs[c.property]);
  return filters.operator === 'and' ? filters.items.every(test) : filters.items.some(test);
}

function matches(c: CheckedCondition, actual: JsonValue | undefined): boolean {
  const [a, b] = c.values;
  const present = isIndexValue(actual);
  switch (c.condition) {
    case 'EXISTS': return actual !== undefined;
    case 'NOT_EXISTS': return actual === undefined;
    case 'NOT_EQUAL_TO': return !present || actual !== a;
    case 'NOT_CONTAINS': return !(typeof actual === 'string' && actual.includes(String(a)));
    default: return present && compareWith(c.condition, actual, a, b);
  }
}

/** Positive conditions on a present value. */
function compareWith(condition: FilterCondition, actual: IndexValue, a: IndexValue | undefined, b?: IndexValue): boolean {
  if (a === undefined || typeof actual !== typeof a) {
    return false;
  }
  const cmp = compareIndexValues(actual, a);
  switch (condition) {
    case 'EQUAL_TO': return cmp === 0;
    case 'GREATER_THAN': return cmp > 0;
    case 'GREATER_THAN_EQUAL_TO': return cmp >= 0;
    case 'LESS_THAN': return cmp < 0;
    case 'LESS_THAN_EQUAL_TO': return cmp <= 0;
    case 'BETWEEN': return cmp >= 0 && b !== undefined && compareIndexValues(actual, b) <= 0;
    case 'BEGINS_WITH': return typeof actual === 'string' && actual.startsWith(String(a));
    case 'CONTAINS': return typeof actual === 'string' && actual.includes(String(a));
    default: return false;
  }
}
