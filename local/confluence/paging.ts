/** Confluence v1 offset paging: `start` and `limit`, `size` on the page, `_links.next` while more remain. */
export interface PageRequest {
  start: number;
  limit: number;
}

export function readPaging(params: URLSearchParams, defaultLimit: number, maxLimit: number): PageRequest {
  const start = clampInt(params.get('start'), 0, 0, Number.MAX_SAFE_INTEGER);
  const limit = clampInt(params.get('limit'), defaultLimit, 1, maxLimit);
  return { start, limit };
}

export function pageOf<T>(items: readonly T[], page: PageRequest, basePath: string, params: URLSearchParams): Record<string, unknown> {
  const results = items.slice(page.start, page.start + page.limit);
  const links: Record<string, string> = { self: withPaging(basePath, params, page.start, page.limit), context: '/wiki' };
  if (page.start + page.limit < items.length) links.next = withPaging(basePath, params, page.start + page.limit, page.limit);
  return { results, start: page.start, limit: page.limit, size: results.length, _links: links };
}

function withPaging(basePath: string, params: URLSearchParams, start: number, limit: number): string {
  const next = new URLSearchParams(params);
  next.set('start', String(start));
  next.set('limit', String(limit));
  return `${basePath}?${next.toString()}`;
}

function clampInt(raw: string | null, fallback: number, min: number, max: number): number {
  if (raw === null || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/**
 * Cursor paging as `GET /wiki/rest/api/content/search` does it on Cloud: `cursor` and `limit` only (a
 * `start` is not a parameter there and is ignored, so it answers the first page again), no `totalSize`,
 * and `_links.next` carrying the next page's opaque cursor.
 */
export function cursorPageOf<T>(items: readonly T[], params: URLSearchParams, defaultLimit: number, maxLimit: number, basePath: string): Record<string, unknown> {
  const limit = clampInt(params.get('limit'), defaultLimit, 1, maxLimit);
  const offset = decodeCursor(params.get('cursor'));
  const results = items.slice(offset, offset + limit);
  const links: Record<string, string> = { base: '', context: '/wiki', self: `${basePath}?${params.toString()}` };
  if (offset + limit < items.length) {
    const next = new URLSearchParams(params);
    next.delete('start');
    next.set('next', 'true');
    next.set('limit', String(limit));
    next.set('cursor', Buffer.from(`_sa_${offset + limit}`).toString('base64url'));
    links.next = `${basePath}?${next.toString()}`;
  }
  return { results, start: offset, limit, size: results.length, _links: links };
}

function decodeCursor(cursor: string | null): number {
  if (!cursor) return 0;
  const match = /^_sa_(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : 0;
}
