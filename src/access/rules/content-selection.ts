import type { ContentSelection, ReportContentType } from '@contracts/custom-reports';

/** A content selection of more pages than this is cut here, and the report says "included N of M". */
export const MAX_SELECTED_IDS = 1000;

/**
 * The CQL of a custom report's content selection. Values are validated before they get here (space keys
 * are letters and digits, labels have no quotes, page ids are digits), and quoted all the same.
 * `contextSpaceKey` is the verified space of the page or space report the report is shown in.
 */
export function selectionCql(selection: ContentSelection, contentType: ReportContentType, contextSpaceKey: string): string {
  const where = selectionClause(selection, contextSpaceKey);
  const types = contentType === 'all' ? 'type in (page,blogpost)' : `type = ${contentType}`;
  return `${where} and ${types}`;
}

function selectionClause(selection: ContentSelection, contextSpaceKey: string): string {
  switch (selection.kind) {
    case 'this-space':
      return `space in (${quote(contextSpaceKey)})`;
    case 'spaces':
      return `space in (${selection.spaceKeys.map(quote).join(',')})`;
    case 'label':
      return `label = ${quote(selection.label)}`;
    case 'page-tree':
      // The page itself and everything below it.
      return `(id = ${selection.pageId} or ancestor = ${selection.pageId})`;
  }
}

function quote(value: string): string {
  return `"${value.replace(/["\\]/g, '')}"`;
}

