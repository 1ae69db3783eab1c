/** What an admin changed, as dotted paths with before and after: the audit trail's content. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export function diffSettings(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => diffSettings(before[key], after[key], path ? `${path}.${key}` : key));
  }
  // Lists (groups, spaces) are compared whole: "excludedGroups: [bots] → [bots, robots]" reads best.
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ field: path || '(root)', before, after }];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
