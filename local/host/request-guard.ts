import type { IncomingMessage } from 'node:http';

/**
 * The local host acts as whoever the session cookie names, and as the admin without one: any web page
 * the developer opens could otherwise post to it cross-site (a form needs no CORS) and act as the admin.
 * Requests that change something must come from the host's own pages: a browser's `Origin` (sent with
 * every POST) must be this host, and a body must be JSON (forms cannot send it without a preflight,
 * which the host never grants). Tools without a browser (curl, tests) send no Origin and pass.
 */
export function crossSiteProblem(request: IncomingMessage): { status: number; message: string } | null {
  const method = (request.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${request.headers.host ?? ''}`) {
    return { status: 403, message: `Cross-site request from ${origin.slice(0, 100)} refused` };
  }
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return { status: 403, message: 'Cross-site request refused' };
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (hasBody && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    return { status: 415, message: 'Bodies must be application/json' };
  }
  return null;
}

/**
 * A navigation from another site (a link or a redirect elsewhere) must not switch the session: the
 * session switcher then only redirects. Browsers say so in `Sec-Fetch-Site`; tools send none.
 */
export function isCrossSiteNavigation(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

/**
 * A `back=` target that stays on this host. Browsers treat `/\evil.example` like `//evil.example`, so
 * backslashes and control characters are refused, and whatever URL parsing makes of the rest must
 * keep our origin.
 */
export function sameSitePath(back: string | null, fallback = '/wiki/home'): string {
  // eslint-disable-next-line no-control-regex
  if (!back || !back.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(back)) return fallback;
  const base = 'http://local.invalid';
  let url: URL;
  try {
    url = new URL(back, base);
  } catch {
    return fallback;
  }
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

/** JSON nested deeper than this is refused before any schema walks it (Forge KVS allows depth 31). */
export const MAX_JSON_DEPTH = 32;

/** Depth of a parsed JSON value, iteratively: a recursive walk would overflow the stack on hostile input. */
export function jsonDepthExceeds(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
