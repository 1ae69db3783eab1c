import type { IncomingMessage } from 'node:http';

/**
 * The local host acts as whoever the session cookie names, and as the admin without one: any web page
 * the developer opens could otherwise post to it cross-site (a form needs no CORS) and act as the admin.
 * Requests that change something must come from the host's own pages: a browser's `Origin` (sent with
 * every POST) must be this host, and a body must be JSON (forms cannot send it without a preflight,
 * which the host never grants). Tools without a browser (curl, tests) send no Origin and pass.
 */
export function crossSiteProblem(request: IncomingMessage): { status: number; message: string } | null {
  const foreign = foreignHostProblem(request);
  if (foreign) return foreign;
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
 * DNS rebinding: a page of http://evil.example:4600 whose name is then re-pointed at 127.0.0.1 talks to
 * this host as its own origin (its `Origin` equals its `Host`), without cookies, so as the admin, and
 * reads the answers. Its `Host` header still names evil.example: only the names this host is reached
 * under are accepted, with the port the connection arrived on, for every request (pages and GETs too).
 */
export function foreignHostProblem(request: IncomingMessage): { status: number; message: string } | null {
  const host = request.headers.host?.toLowerCase();
  const port = request.socket?.localPort;
  if (host !== undefined && port !== undefined && listeningHosts(port).includes(host)) return null;
  return { status: 421, message: `Host ${JSON.stringify((host ?? '').slice(0, 100))} is not this local host; use http://127.0.0.1:${port ?? 'PORT'}` };
}

/** The names the host answers under: it listens on loopback only. */
export function listeningHosts(port: number): string[] {
  const names = ['127.0.0.1', 'localhost', '[::1]'];
  return [...names.map((name) => `${name}:${port}`), ...(port === 80 ? names : [])];
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
 * keep our origin. The answer is the NORMALISED path, so it must itself be a single-slash absolute
 * path: `/.//evil.example`, `/..//evil.example` and `/%2e//evil.example` all normalise to
 * `//evil.example`, which a browser reads as another host. Whatever is returned parses back to itself
 * on this origin, so the Location header means what was checked.
 */
export function sameSitePath(back: string | null, fallback = '/wiki/home'): string {
  const base = 'http://local.invalid';
  const normalised = normalisedPath(back, base);
  if (normalised === null || !isSingleSlashPath(normalised)) return fallback;
  return normalisedPath(normalised, base) === normalised ? normalised : fallback;
}

function normalisedPath(candidate: string | null, base: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (!candidate || !candidate.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(candidate)) return null;
  try {
    const url = new URL(candidate, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}

/** `/x...` but not `//x...`: a path on this host, never a scheme-relative URL. */
function isSingleSlashPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//');
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
