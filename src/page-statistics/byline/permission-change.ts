import { searchContentIds } from '../../platform/confluence/cql-search';
import { noteContentPermissionChanges, noteSitePermissionChange } from './permission-epoch-store';

/**
 * A page tree bigger than this is not listed: the change then ends every cached answer on the site
 * (one write instead of one per page; the byline re-asks, which costs calls but is never wrong).
 */
export const MAX_LISTED_DESCENDANTS = 1_000;

/**
 * A content's read permission may have changed (its restrictions were updated, or it moved): end the
 * byline's cached answers for it and for everything that inherits its restrictions. Confluence's
 * event names one content; a page's descendants inherit its view restrictions (and take its new
 * place in a move), so they are listed as the app (`ancestor = <id>`, every descendant, restricted
 * or not). A blog post has none. Whatever cannot be listed falls back to the site-wide epoch.
 *
 * `now` is taken before the listing: answers asked during it were asked after the change, so they
 * are right, and every answer from before is ended.
 */
export async function recordPermissionChange(contentId: string, contentType: 'page' | 'blogpost', now: number): Promise<'content' | 'site'> {
  if (contentType === 'blogpost') {
    await noteContentPermissionChanges([contentId], now);
    return 'content';
  }
  let descendants: string[];
  try {
    const found = await searchContentIds('app', `ancestor = ${contentId}`, MAX_LISTED_DESCENDANTS);
    if (found.capped) throw new Error(`more than ${MAX_LISTED_DESCENDANTS} descendants`);
    descendants = found.ids;
  } catch (error) {
    console.warn(`Permission change of ${contentId} ends every cached byline answer: ${String(error)}`);
    await noteSitePermissionChange(now);
    return 'site';
  }
  await noteContentPermissionChanges([contentId, ...descendants], now);
  return 'content';
}
