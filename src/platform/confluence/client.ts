import type { APIResponse } from '@forge/api';

/**
 * Every Confluence call is written at its call site (api.asApp() or asUser(), then requestConfluence
 * with a route template literal and an inline options object), so that
 * `@forge/lint`'s permission linter (which `forge deploy` runs) sees the route and checks its scope
 * against the manifest: it does not see a route handed to a wrapper, nor options passed as a variable.
 * The helpers here only read the Response.
 */

/** A Confluence REST answer we did not expect; `transient` ones (429, 5xx) are worth retrying later. */
export class ConfluenceError extends Error {
  constructor(readonly status: number, readonly path: string, detail: string) {
    super(`Confluence ${path} answered ${status}: ${detail.slice(0, 200)}`);
    this.name = 'ConfluenceError';
  }
  get transient(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

export const ACCEPT_JSON = { Accept: 'application/json' } as const;
export const SEND_JSON = { Accept: 'application/json', 'Content-Type': 'application/json' } as const;

/**
 * The JSON of an answer, or null for 404 (and 403, which Confluence uses for content the caller may not
 * see) so callers can treat "not visible" as data. Anything else that is not 2xx is a ConfluenceError.
 */
export async function jsonOrNull(response: APIResponse, path: string): Promise<unknown | null> {
  if (response.status === 404 || response.status === 403) return null;
  if (!response.ok) throw new ConfluenceError(response.status, path, await response.text());
  return response.json();
}

export type Throttled = { kind: 'throttled'; retryAfterSeconds: number };

/** For long walks that pause instead of failing: 429 becomes `throttled` (Retry-After is authoritative when present). */
export async function jsonOrThrottled(response: APIResponse, path: string): Promise<{ kind: 'ok'; body: unknown } | Throttled> {
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('Retry-After') ?? '');
    return { kind: 'throttled', retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 5 };
  }
  if (!response.ok) throw new ConfluenceError(response.status, path, await response.text());
  return { kind: 'ok', body: await response.json() };
}
