import type { ViewApiRequestRecord } from '@contracts/resolvers';
import type { ReportedView } from './view-api-request';
import { fetchContentAsApp, fetchMayRead, type VisibleContent } from '../../platform/confluence/permissions';
import { fetchAccountExists } from '../../platform/confluence/users';
import { mapInChunks } from '../../core/in-chunks';
import { MemoryCache } from '../../platform/memory-cache';
import { trackView } from '../track-view';
import { anonymousReadableIds } from '../../access/anonymous-readable';

/** Confluence answers are cached per function instance: a tool reporting the same pages and people all day asks once. */
const contents = new MemoryCache<VisibleContent | null>(5 * 60_000);
const accounts = new MemoryCache<boolean>(10 * 60_000);
const readers = new MemoryCache<boolean>(5 * 60_000);
const PARALLEL_LOOKUPS = 10;

export type CheckedViews =
  | { ok: true; contents: ReadonlyMap<string, VisibleContent | null> }
  | { ok: false; fieldErrors: Record<string, string> };

/**
 * Everything about a batch that can be checked before anything is stored: every named account must be
 * one Confluence knows (a made-up id must not become a viewer, nor be registered as personal data).
 * Content is looked up here too, so that tracking afterwards asks Confluence nothing new.
 */
export async function checkReportedViews(views: readonly ReportedView[]): Promise<CheckedViews> {
  const accountIds = [...new Set(views.flatMap((view) => (view.accountId ? [view.accountId] : [])))];
  const known = new Map(accountIds.map((id, index) => [id, index]));
  const exists = await mapInChunks(accountIds, PARALLEL_LOOKUPS, (id) => cached(accounts, id, () => fetchAccountExists(id)));
  const fieldErrors: Record<string, string> = {};
  views.forEach((view, index) => {
    if (view.accountId && !exists[known.get(view.accountId)!]) fieldErrors[`views.${index}.accountId`] = 'Confluence knows no such account';
  });
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const contentIds = [...new Set(views.map((view) => view.contentId))];
  const found = await mapInChunks(contentIds, PARALLEL_LOOKUPS, (id) => cached(contents, id, () => fetchContentAsApp(id)));
  return { ok: true, contents: new Map(contentIds.map((id, index) => [id, found[index] ?? null])) };
}

/**
 * Tracks checked views one by one, through the same rules and write path as Confluence's events.
 * `onResult` sees each outcome as it happens, so a request interrupted by busy storage still reports
 * what it recorded.
 */
export async function trackReportedViews(
  views: readonly ReportedView[], contentOf: ReadonlyMap<string, VisibleContent | null>,
  onResult: (result: ViewApiRequestRecord['results'][number]) => void,
): Promise<void> {
  for (const [index, view] of views.entries()) {
    onResult({ index, contentId: view.contentId, outcome: await trackOne(view, contentOf.get(view.contentId) ?? null) });
  }
}

async function trackOne(view: ReportedView, content: VisibleContent | null): Promise<string> {
  if (!content) return 'content-not-found';
  const accountId = view.accountId;
  // A reader who cannot open the content did not view it: restricted pages are not counted for them.
  if (accountId && !(await cached(readers, `${accountId}|${content.id}`, () => fetchMayRead(content.id, accountId)))) return 'not-permitted';
  // Nor an anonymous visitor, unless Confluence answers that anonymous visitors may read it (space
  // permission, no restriction): the tool's word is no proof, and a view must not make a page look public.
  if (!accountId && !(await anonymousReadableIds([content.id])).has(content.id)) return 'not-permitted';
  const outcome = await trackView({
    via: 'auto',
    throttleAnonymous: true,
    view: {
      contentId: content.id, contentType: content.type, spaceKey: content.space.key, title: content.title,
      viewer: accountId ? { kind: 'user', accountId } : { kind: 'anonymous' },
      at: view.at, source: view.source,
    },
  });
  return outcome.tracked ? 'counted' : outcome.reason;
}

async function cached<V>(cache: MemoryCache<V>, key: string, load: () => Promise<V>): Promise<V> {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = await load();
  cache.set(key, value);
  return value;
}

