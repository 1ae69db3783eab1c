import type { ReportContentType, ReportScope } from '@contracts/custom-reports';

/** A scope of more pages than this is cut here, and the report says "included N of M". */
export const MAX_SCOPE_IDS = 1000;

/**
 * The CQL that selects a report's content. Values are validated before they get here (space keys
 * are letters and digits, labels have no quotes, page ids are digits), and quoted all the same.
 * `contextSpaceKey` is the verified space of the page or space report the report is shown in.
 */
export function scopeCql(scope: ReportScope, contentType: ReportContentType, contextSpaceKey: string): string {
  const where = scopeClause(scope, contextSpaceKey);
  const types = contentType === 'all' ? 'type in (page,blogpost)' : `type = ${contentType}`;
  return `${where} and ${types}`;
}

function scopeClause(scope: ReportScope, contextSpaceKey: string): string {
  switch (scope.kind) {
    case 'this-space':
      return `space in (${quote(contextSpaceKey)})`;
    case 'spaces':
      return `space in (${scope.spaceKeys.map(quote).join(',')})`;
    case 'label':
      return `label = ${quote(scope.label)}`;
    case 'page-tree':
      // The page itself and everything below it.
      return `(id = ${scope.pageId} or ancestor = ${scope.pageId})`;
  }
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '')}"`;
}

