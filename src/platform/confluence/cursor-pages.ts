import { ConfluenceError } from './client';

/**
 * The one loop over a Confluence listing that pages by cursor: the v2 listings (`/wiki/api/v2/spaces`,
 * `/pages`, `/blogposts`, `/spaces/{id}/permissions`) and the v1 content search
 * (`/wiki/rest/api/content/search`) answer `_links.next` with a `cursor` when there is more
 * (vendor/confluence-openapi: `cursor` parameter, `MultiEntityLinks.next`; the search has no `start`).
 * The request itself is written by the caller at its call site (as app or as user, with its route
 * template, see client.ts) so that `forge lint` sees its route: this loop only follows the cursors. Listings paged by `start` (v1 groups and members) are not cursor listings.
 */
export interface LinkedPage {
  _links?: { next?: string };
}

/** The `cursor` of a `_links.next` (relative to the site, e.g. `/wiki/api/v2/spaces?limit=250&cursor=…`), or null. */
export function nextCursorOf(next: string | undefined | null): string | null {
  if (!next) return null;
  return new URL(next, 'https://confluence.invalid').searchParams.get('cursor') || null;
}

/**
 * Asks `fetchPage(null)` for the first page, then `fetchPage(cursor)` with the cursor of each
 * `_links.next`, and visits each page once, in order, until a page has no next, `fetchPage` answers
 * null (not visible: the listing ends there), `visit` answers `'stop'` (the caller has enough), or
 * `maxPages` pages were read. A cursor that comes back a second time would visit the same page again
 * and loop for ever: that is a ConfluenceError (502) on `path`, never duplicates.
 *
 * Answers `next`: the cursor the walk stopped before (null when the listing was read to its end), and
 * how many pages were read.
 */
export async function forEachCursorPage<P extends LinkedPage>(
  path: string,
  fetchPage: (cursor: string | null) => Promise<P | null>,
  visit: (page: P) => Promise<void | 'stop'> | void | 'stop',
  maxPages = Infinity,
): Promise<{ next: string | null; pages: number }> {
  const asked = new Set<string>();
  let cursor: string | null = null;
  let pages = 0;
  while (pages < maxPages) {
    if (cursor !== null) {
      if (asked.has(cursor)) throw new ConfluenceError(502, path, 'the listing cursor did not advance');
      asked.add(cursor);
    }
    const page = await fetchPage(cursor);
    if (page === null) return { next: null, pages };
    pages += 1;
    const next = nextCursorOf(page._links?.next);
    if ((await visit(page)) === 'stop' || next === null) return { next, pages };
    cursor = next;
  }
  return { next: cursor, pages };
}
