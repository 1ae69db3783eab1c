import type { DemoContent, DemoSpace, Directory, Restriction } from '../demo/directory';
import { errorJson } from './shapes';

/**
 * What happened to the demo site's content since it was generated: trashed, archived, moved or
 * purged, or its restrictions changed, through the developer endpoints. The REST fake answers from the directory with these applied.
 */
export class ContentOverlay {
  readonly status = new Map<string, 'current' | 'trashed' | 'archived'>();
  readonly space = new Map<string, string>();
  readonly title = new Map<string, string>();
  readonly purged = new Set<string>();
  /** Read restrictions changed since the demo site was generated (null: restriction removed). */
  readonly restriction = new Map<string, Restriction | null>();

  view(content: DemoContent): { content: DemoContent; status: 'current' | 'trashed' | 'archived' } | null {
    if (this.purged.has(content.id)) return null;
    return {
      content: {
        ...content, spaceKey: this.space.get(content.id) ?? content.spaceKey, title: this.title.get(content.id) ?? content.title,
        restriction: this.restriction.has(content.id) ? this.restriction.get(content.id) ?? null : content.restriction,
      },
      status: this.status.get(content.id) ?? 'current',
    };
  }
}

/**
 * Confluence's v2 content listing, rate limited like the real one: more than `maxPerSecond`
 * requests in one second are answered 429 with `Retry-After: 1`.
 */
export class RateLimiter {
  private windowStart = 0;
  private used = 0;
  constructor(private readonly maxPerSecond: number) {}

  take(now = Date.now()): number | null {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.used = 0;
    }
    this.used += 1;
    return this.used > this.maxPerSecond ? 1 : null;
  }
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/** What the caller may see: the app's own user sees less than everything (see permissions.ts). */
export interface V2Visibility {
  content(content: DemoContent): boolean;
  space(space: DemoSpace): boolean;
}

const SEES_ALL: V2Visibility = { content: () => true, space: () => true };

/**
 * `GET /wiki/api/v2/pages|blogposts` (cursor, limit ≤ 250, status, id filters) and `/wiki/api/v2/spaces?ids=`.
 * Content and spaces the caller may not see are left out, as Confluence leaves them out: a restricted
 * page is missing from the listing exactly as a purged one is.
 */
export function answerV2(directory: Directory, overlay: ContentOverlay, pathname: string, params: URLSearchParams, visible: V2Visibility = SEES_ALL): Answer | null {
  const listing = pathname.match(/^\/wiki\/api\/v2\/(pages|blogposts)$/);
  if (listing) {
    const type = listing[1] === 'pages' ? 'page' : 'blogpost';
    const statuses = (params.get('status') ?? 'current').split(',');
    const ids = params.get('id')?.split(',').filter(Boolean);
    const spaceIds = params.get('space-id')?.split(',').filter(Boolean);
    const limit = Math.min(250, Math.max(1, Number(params.get('limit') ?? 25) || 25));
    const start = params.get('cursor') ? Number(Buffer.from(params.get('cursor')!, 'base64url').toString()) || 0 : 0;
    const all = directory.site.contents.filter((c) => c.type === type && (!ids || ids.includes(c.id)))
      .filter((c) => !spaceIds || spaceIds.includes(String(directory.space(overlay.space.get(c.id) ?? c.spaceKey)?.id)))
      .flatMap((c) => overlay.view(c) ?? []).filter((entry) => statuses.includes(entry.status) && visible.content(entry.content));
    const results = all.slice(start, start + limit).map(({ content, status }) => ({
      id: content.id, status, title: content.title, spaceId: String(directory.space(content.spaceKey)?.id ?? 0),
      createdAt: new Date(content.createdAt).toISOString(), version: { number: content.version, createdAt: new Date(content.updatedAt).toISOString() },
    }));
    const next = start + limit < all.length ? `/wiki/api/v2/${listing[1]}?${withCursor(params, start + limit)}` : undefined;
    return { status: 200, body: { results, _links: next ? { next } : {} } };
  }
  if (pathname === '/wiki/api/v2/spaces') return answerSpacesV2(directory, params, (space) => visible.space(space));
  return pathname.startsWith('/wiki/api/v2/') ? { status: 404, body: errorJson(404, `local Confluence: no v2 route ${pathname}`) } : null;
}

/**
 * `GET /wiki/api/v2/spaces`: the spaces the caller may view (`visible`), filtered by `ids`, `keys` and
 * `type` (comma-separated), `limit` ≤ 250 (default 25), paged by `cursor` with `_links.next`.
 */
export function answerSpacesV2(directory: Directory, params: URLSearchParams, visible: (space: Directory['site']['spaces'][number]) => boolean): Answer {
  const list = (name: string) => (params.get(name) ?? '').split(',').map((value) => value.trim()).filter(Boolean);
  const ids = list('ids');
  const keys = list('keys');
  const type = params.get('type');
  const limit = Math.min(250, Math.max(1, Number(params.get('limit') ?? 25) || 25));
  const start = params.get('cursor') ? Number(Buffer.from(params.get('cursor')!, 'base64url').toString()) || 0 : 0;
  const all = directory.site.spaces.filter((space) => visible(space)
    && (ids.length === 0 || ids.includes(String(space.id))) && (keys.length === 0 || keys.includes(space.key)) && (!type || space.type === type));
  const results = all.slice(start, start + limit).map((space) => ({ id: String(space.id), key: space.key, name: space.name, type: space.type, status: 'current', _links: { webui: `/spaces/${space.key}` } }));
  const next = start + limit < all.length ? `/wiki/api/v2/spaces?${withCursor(params, start + limit)}` : undefined;
  return { status: 200, body: { results, _links: next ? { next } : {} } };
}

function withCursor(params: URLSearchParams, start: number): string {
  const next = new URLSearchParams(params);
  next.set('cursor', Buffer.from(String(start)).toString('base64url'));
  return next.toString();
}
