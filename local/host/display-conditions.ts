/**
 * The display conditions the local host evaluates as Confluence does for a module on a content page:
 * entity property conditions on the content (`entityPropertyExists`, forge-docs-snapshot
 * mirror/manifest-reference/display-conditions/entity-property-conditions/index.md: true when the
 * content has a property with that key, false when it has none or there is no content) and the
 * operators `and`, `or`, `not`. The property is read with the viewer's own rights, as the byline reads
 * it. Other conditions (`isAdmin`, ...) are not decided here: they count as true (the pages that use
 * them say so themselves).
 */
export type PropertyExists = (contentId: string, propertyKey: string) => boolean;

export function displayConditionHolds(condition: unknown, contentId: string | null, exists: PropertyExists): boolean {
  if (typeof condition !== 'object' || condition === null) return true;
  return Object.entries(condition as Record<string, unknown>).every(([name, value]) => {
    if (name === 'not') return !displayConditionHolds(value, contentId, exists);
    if (name === 'and') return (Array.isArray(value) ? value : [value]).every((part) => displayConditionHolds(part, contentId, exists));
    if (name === 'or') return (Array.isArray(value) ? value : Object.entries(value as object).map(([k, v]) => ({ [k]: v }))).some((part) => displayConditionHolds(part, contentId, exists));
    if (name === 'entityPropertyExists') {
      const { entity, propertyKey } = (value ?? {}) as { entity?: unknown; propertyKey?: unknown };
      return entity === 'content' && typeof propertyKey === 'string' && contentId !== null && exists(contentId, propertyKey);
    }
    return true;
  });
}
