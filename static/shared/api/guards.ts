/**
 * Tiny runtime type guards for what the backend answers. The UI bundle stays small (no schema library),
 * yet nothing from the bridge is used before its shape has been checked.
 */
export type Guard<T> = (value: unknown) => value is T;

export const isString: Guard<string> = (value): value is string => typeof value === 'string';
export const isNumber: Guard<number> = (value): value is number => typeof value === 'number' && Number.isFinite(value);
export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';
export const isUnknown: Guard<unknown> = (_value): _value is unknown => true;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (value): value is T | null => value === null || guard(value);
}

export function arrayOf<T>(guard: Guard<T>): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.every((item) => guard(item));
}

export function oneOf<T extends string>(options: readonly T[]): Guard<T> {
  return (value): value is T => typeof value === 'string' && (options as readonly string[]).includes(value);
}

/** An object whose listed fields pass their guards; extra fields are allowed (the backend may add some). */
export function shape<T>(fields: { [K in keyof T]-?: Guard<T[K]> }): Guard<T> {
  return (value): value is T => {
    if (!isRecord(value)) return false;
    return (Object.keys(fields) as Array<keyof T & string>).every((key) => fields[key](value[key]));
  };
}

/** An object with exactly the given keys, each passing the same guard (e.g. a switch per channel). */
export function recordOf<K extends string, V>(keys: readonly K[], guard: Guard<V>): Guard<Record<K, V>> {
  return (value): value is Record<K, V> => isRecord(value) && keys.every((key) => guard(value[key]));
}

export function union<A, B>(a: Guard<A>, b: Guard<B>): Guard<A | B> {
  return (value): value is A | B => a(value) || b(value);
}

/** A field that may be absent. */
export const optional = <T>(guard: Guard<T>): Guard<T | undefined> => (value): value is T | undefined => value === undefined || guard(value);
