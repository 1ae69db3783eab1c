import api, { route } from '@forge/api';

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

type Caller = 'app' | 'user';
type Route = ReturnType<typeof route>;

/**
 * GET a Confluence REST route as the app or as the calling user. Returns null for 404 (and 403,
 * which Confluence uses for content the user may not see) so callers can treat "not visible" as data.
 */
export async function getJson(as: Caller, path: Route): Promise<unknown | null> {
  const requester = as === 'app' ? api.asApp() : api.asUser();
  const response = await requester.requestConfluence(path, { headers: { Accept: 'application/json' } });
  if (response.status === 404 || response.status === 403) return null;
  if (!response.ok) throw new ConfluenceError(response.status, String(path), await response.text());
  return response.json();
}

/** POST a JSON body as the app; null for 404/403 like getJson. */
export async function postJsonAsApp(path: Route, body: unknown): Promise<unknown | null> {
  const response = await api.asApp().requestConfluence(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status === 404 || response.status === 403) return null;
  if (!response.ok) throw new ConfluenceError(response.status, String(path), await response.text());
  return response.json();
}
