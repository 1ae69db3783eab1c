import type { SelectionCoverage } from '@contracts/custom-reports';
import type { CallerStanding } from './rules/access-policy';
import { MAX_SELECTED_IDS } from './rules/content-selection';
import { searchContentIds, type FoundContent } from '../platform/confluence/cql-search';
import type { Caller } from '../platform/resolver/context';
import { anonymousReadableIds } from './anonymous-readable';
import { readableContentIds } from './readable-content';

/**
 * Guests cannot search as themselves, so their content selection is searched as the app and every id is checked
 * for them (one permission check each): fewer ids keep that within a few seconds.
 */
export const MAX_CHECKED_SELECTED_IDS = 200;

export interface ReadableSelection {
  ids: string[];
  /** The readable content with the title and space Confluence gave it, in the search's order. */
  found: FoundContent[];
  coverage: SelectionCoverage;
}

/**
 * The content of a custom report's selection that this caller may read, and how much of the selection that is.
 * Licensed users (admins included) search as themselves: Confluence leaves out what they may not
 * read, and its total counts only what they may read. Guests and anonymous visitors cannot search
 * as themselves: the app searches, then keeps only ids verified for them, and the coverage counts only
 * those, so the size of what they may not read is never revealed.
 */
export async function readableSelection(caller: Caller, standing: CallerStanding, cql: string): Promise<ReadableSelection> {
  if (caller.kind === 'user' && caller.accountType === 'licensed') {
    const found = await searchContentIds('user', cql, MAX_SELECTED_IDS);
    return { ids: found.ids, found: found.found, coverage: { included: found.ids.length, total: found.total, capped: found.capped } };
  }
  const found = await searchContentIds('app', cql, MAX_CHECKED_SELECTED_IDS);
  const readable = caller.kind === 'user' ? await readableContentIds(caller, standing, found.ids) : await anonymousReadableIds(found.ids);
  const ids = found.ids.filter((id) => readable.has(id));
  return { ids, found: found.found.filter((item) => readable.has(item.id)), coverage: { included: ids.length, total: ids.length, capped: found.capped, ...(found.capped ? { checked: found.ids.length } : {}) } };
}
