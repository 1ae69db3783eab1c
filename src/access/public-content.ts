/**
 * Content an anonymous visitor may read, by Confluence's answer: the space grants anonymous visitors
 * read access and no read restriction applies to the content or a page above it
 * (`anonymousReadableIds`). A stored anonymous view is never taken as that answer: the page may have
 * been restricted since, and views reach the app from sources (the view API) that cannot vouch for it.
 */
import type { VisibleContent } from '../platform/confluence/permissions';
import { fetchContentAsApp } from '../platform/confluence/permissions';
import { anonymousReadableIds } from './anonymous-readable';

export async function publicContent(contentId: string): Promise<VisibleContent | null> {
  if (!(await anonymousReadableIds([contentId])).has(contentId)) return null;
  const content = await fetchContentAsApp(contentId);
  return content && content.status === 'current' ? content : null;
}
