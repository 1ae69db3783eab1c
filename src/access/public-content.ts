/**
 * Content an anonymous visitor may read, as far as the app can tell: Confluence counted an anonymous
 * view of it within the evidence window. Forge cannot ask Confluence about anonymous visitors, so this
 * is the only fact available; content never viewed anonymously (or not lately) stays closed to them.
 */
import { READ_EVIDENCE_MS } from './rules/access-policy';
import type { VisibleContent } from '../platform/confluence/permissions';
import { getContentStats } from '../core/storage/content-stats';

export async function publicContent(contentId: string, now: number): Promise<VisibleContent | null> {
  const stats = await getContentStats(contentId);
  const last = stats?.anonymousLastAt ?? 0;
  if (!stats || last <= 0 || now - last > READ_EVIDENCE_MS) return null;
  return { id: contentId, type: stats.contentType, status: 'current', title: stats.title, space: { key: stats.spaceKey } };
}
