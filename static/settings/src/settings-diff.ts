/** Which settings differ between two versions, as dotted paths (lists compare as one value). */
import type { Settings } from '@contracts/settings';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/** Leaf paths: `autoTracking.desktop`, `privacy.mode`, `excludedGroups` (a whole list). */
export function changedPaths(before: Settings, after: Settings): string[] {
  const paths: string[] = [];
  const walk = (a: unknown, b: unknown, prefix: string) => {
    if (isPlainObject(a) && isPlainObject(b) && !('id' in a && 'name' in a)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], prefix ? `${prefix}.${key}` : key);
    } else if (!deepEqual(a, b)) {
      paths.push(prefix);
    }
  };
  walk(before, after, '');
  return paths;
}
