import { ScanBounds } from '../backend/types';
import { prefixSuccessor } from '../compare';
import { CheckedCondition } from '../conditions';

/**
 * Turns a `where` condition on the sort value into scan bounds, so the backend seeks straight
 * to the first match and stops after the last one (no scan of the rest of the partition).
 * BETWEEN is inclusive at both ends; BEGINS_WITH p is [p, successor(p)).
 */
export function rangeBounds(where: CheckedCondition | undefined): ScanBounds {
  if (!where) {
    return {};
  }
  const [a, b] = where.values;
  if (a === undefined) {
    return {};
  }
  switch (where.condition) {
    case 'EQUAL_TO':
      return { lower: { value: a, inclusive: true }, upper: { value: a, inclusive: true } };
    case 'GREATER_THAN':
      return { lower: { value: a, inclusive: false } };
    case 'GREATER_THAN_EQUAL_TO':
      return { lower: { value: a, inclusive: true } };
    case 'LESS_THAN':
      return { upper: { value: a, inclusive: false } };
    case 'LESS_THAN_EQUAL_TO':
      return { upper: { value: a, inclusive: true } };
    case 'BETWEEN':
      return { lower: { value: a, inclusive: true }, upper: b === undefined ? undefined : { value: b, inclusive: true } };
    case 'BEGINS_WITH':
      return prefixBounds(String(a));
    default:
      return {};
  }
}

export function prefixBounds(prefix: string): ScanBounds {
  const next = prefixSuccessor(prefix);
  return {
    lower: { value: prefix, inclusive: true },
    upper: next === undefined ? undefined : { value: next, inclusive: false },
  };
}
