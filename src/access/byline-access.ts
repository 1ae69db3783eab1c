/**
 * The byline's question, asked on every page render: may this caller see this content's count? The
 * rule is pure (`decideBylineCount`); the facts come from one batch read, and only when they do not
 * decide it from Confluence's permission check, whose answer is then cached for 30 minutes.
 */
import { decideBylineCount } from '../domain/access-policy';
import type { ContentStatsRow } from '../domain/rows';
import { fetchMayRead } from '../confluence/permissions';
import { cacheReadPermission, readBylineFacts } from '../storage/byline-store';
import { storedViewerFor } from '../services/track-view';

export type BylineAnswer = { show: true; stats: ContentStatsRow | undefined } | { show: false };

export async function bylineCountFor(accountId: string | null, contentId: string, now: number): Promise<BylineAnswer> {
  // Extended privacy: the caller is known by the day's pseudonym, even in cache keys.
  const storedViewer = accountId ? await storedViewerFor({ kind: 'user', accountId }, now) : null;
  const facts = await readBylineFacts(contentId, storedViewer);
  const decision = decideBylineCount({
    signedIn: accountId !== null, anonymousLastAt: facts.stats?.anonymousLastAt ?? 0, viewedAt: facts.viewedAt,
    cachedPermission: facts.cachedPermission, now,
  });
  if (decision === 'show') return { show: true, stats: facts.stats };
  if (decision === 'hide' || !accountId || !storedViewer) return { show: false };
  const allowed = await fetchMayRead(contentId, accountId);
  await cacheReadPermission(contentId, storedViewer, allowed);
  return allowed ? { show: true, stats: facts.stats } : { show: false };
}
