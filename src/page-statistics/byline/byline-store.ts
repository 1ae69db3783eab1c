import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { ContentStatsRow } from '../../core/model/rows';
import { EMPTY_GROUP_ANSWERS, type ContentGroupAnswers } from './byline-group-evidence';
import { decode } from '../../core/storage/codecs';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { ANSWER_TTL, parsePermissionEpoch } from './permission-epoch-store';
import { parseCachedGroups, type CachedGroups } from '../../core/storage/user-groups-cache';

export interface BylineRead {
  stats: ContentStatsRow | undefined;
  /** The viewer's latest counted view of the content (0: none). */
  viewedAt: number;
  /** Confluence's answer for this caller and when it was asked (ms). */
  cachedPermission: { allowed: boolean; at: number } | undefined;
  /** When the app last learned of a permission change touching this content (0: never); older answers do not stand. */
  permissionsChangedAt: number;
  /** Which groups Confluence recently said may (or may not) read the content. */
  groupAnswers: ContentGroupAnswers;
  /** The caller's cached groups (asked only when not in memory). */
  callerGroups: CachedGroups | undefined;
}

/**
 * Everything the byline needs in ONE batch read (one read unit: the rows are small): the content's
 * totals, its group answers, the caller's own viewer row (evidence they could read it), a cached
 * permission answer, the site's permission epoch and, when `withGroups`, the caller's cached groups.
 * The permission answer is keyed by `cacheViewer`, the caller's daily pseudonym in every privacy mode
 * (`pseudonymFor`): the key holds no account id, and once the day's salt is gone nobody can tell whose
 * it was, so an erased account leaves nothing behind in the answers that outlive it (TTL 12 h).
 */
export async function readBylineFacts(contentId: string, storedViewer: string | null, withGroups = false, cacheViewer: string | null = storedViewer): Promise<BylineRead> {
  const items = [
    { key: KEYS.contentStats(contentId), entityName: ENTITY.contentStats },
    ...(storedViewer ? [
      { key: KEYS.contentGroupAnswers(contentId) },
      { key: KEYS.permissionEpoch },
      { key: KEYS.contentPermissionEpoch(contentId) },
      { key: KEYS.viewerContent(contentId, storedViewer), entityName: ENTITY.viewerContent },
      ...(cacheViewer ? [{ key: KEYS.readPermission(contentId, cacheViewer) }] : []),
      ...(withGroups ? [{ key: KEYS.userGroups(storedViewer) }] : []),
    ] : []),
  ];
  const result = await kvs.batchGet<unknown>(items);
  const found = new Map(result.successfulKeys.map((item) => [`${item.entityName ?? ''}|${item.key}`, item.value]));
  const stats = found.get(`${ENTITY.contentStats}|${KEYS.contentStats(contentId)}`);
  const viewer = storedViewer ? found.get(`${ENTITY.viewerContent}|${KEYS.viewerContent(contentId, storedViewer)}`) : undefined;
  const permission = storedViewer && cacheViewer ? found.get(`|${KEYS.readPermission(contentId, cacheViewer)}`) : undefined;
  return {
    stats: stats === undefined ? undefined : decode.contentStats(stats),
    viewedAt: viewer === undefined ? 0 : decode.viewerContent(viewer).lastAt,
    cachedPermission: parseCachedPermission(permission),
    permissionsChangedAt: Math.max(parsePermissionEpoch(found.get(`|${KEYS.permissionEpoch}`)), parsePermissionEpoch(found.get(`|${KEYS.contentPermissionEpoch(contentId)}`))),
    groupAnswers: parseGroupAnswers(found.get(`|${KEYS.contentGroupAnswers(contentId)}`)),
    callerGroups: storedViewer && withGroups ? parseCachedGroups(found.get(`|${KEYS.userGroups(storedViewer)}`)) : undefined,
  };
}

/**
 * Confluence's answer for one caller, with the time it was asked: it stands as long as a group's
 * answer (`answerStands`: dropped by the next permission change the app learns of, 12 h at most).
 */
export async function cacheReadPermission(contentId: string, cacheViewer: string, allowed: boolean, askedAt: number): Promise<void> {
  await kvs.set(KEYS.readPermission(contentId, cacheViewer), { allowed, at: askedAt }, ANSWER_TTL);
}

const cachedPermissionSchema = z.object({ allowed: z.boolean(), at: z.number() });

/** A bare boolean (the 30-minute cache of earlier versions) carries no time: it is not trusted. */
export function parseCachedPermission(value: unknown): { allowed: boolean; at: number } | undefined {
  const parsed = cachedPermissionSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Last writer wins, on purpose: two renders recording different groups at once may lose one entry,
 * which only costs a later re-check; every entry that stays is Confluence's own answer.
 */
export async function cacheGroupAnswers(contentId: string, answers: ContentGroupAnswers): Promise<void> {
  await kvs.set(KEYS.contentGroupAnswers(contentId), answers, ANSWER_TTL);
}

const groupAnswersSchema = z.object({ readers: z.record(z.string(), z.number()), nonReaders: z.record(z.string(), z.number()) });

export function parseGroupAnswers(value: unknown): ContentGroupAnswers {
  const parsed = groupAnswersSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_GROUP_ANSWERS;
}
