import { kvs } from '@forge/kvs';
import type { ContentStatsRow } from '../domain/rows';
import { decode } from './codecs';
import { ENTITY, KEYS } from './keys';

export interface BylineRead {
  stats: ContentStatsRow | undefined;
  /** The viewer's latest counted view of the content (0: none). */
  viewedAt: number;
  cachedPermission: boolean | undefined;
}

/**
 * Everything the byline needs in ONE batch read (one read unit): the content's totals, the caller's
 * own viewer row (evidence they could read it) and a cached permission answer.
 */
export async function readBylineFacts(contentId: string, storedViewer: string | null): Promise<BylineRead> {
  const items = [
    { key: KEYS.contentStats(contentId), entityName: ENTITY.contentStats },
    ...(storedViewer ? [
      { key: KEYS.viewerContent(contentId, storedViewer), entityName: ENTITY.viewerContent },
      { key: KEYS.readPermission(contentId, storedViewer) },
    ] : []),
  ];
  const result = await kvs.batchGet<unknown>(items);
  const found = new Map(result.successfulKeys.map((item) => [`${item.entityName ?? ''}|${item.key}`, item.value]));
  const stats = found.get(`${ENTITY.contentStats}|${KEYS.contentStats(contentId)}`);
  const viewer = storedViewer ? found.get(`${ENTITY.viewerContent}|${KEYS.viewerContent(contentId, storedViewer)}`) : undefined;
  const permission = storedViewer ? found.get(`|${KEYS.readPermission(contentId, storedViewer)}`) : undefined;
  return {
    stats: stats === undefined ? undefined : decode.contentStats(stats),
    viewedAt: viewer === undefined ? 0 : decode.viewerContent(viewer).lastAt,
    cachedPermission: typeof permission === 'boolean' ? permission : undefined,
  };
}

/** Confluence's answer, kept briefly: permissions change, and a stale "yes" must not last. */
export const READ_PERMISSION_TTL_MINUTES = 30;

export async function cacheReadPermission(contentId: string, storedViewer: string, allowed: boolean): Promise<void> {
  await kvs.set(KEYS.readPermission(contentId, storedViewer), allowed, { ttl: { value: READ_PERMISSION_TTL_MINUTES, unit: 'MINUTES' } });
}
