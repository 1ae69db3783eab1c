import api, { route } from '@forge/api';
import { z } from 'zod';
import { ConfluenceError } from './client';

/**
 * The content property the byline renders from and CQL indexes (manifest.yml: `contentPropertyKey`
 * of the byline, `propertyKey` of `confluence:contentProperty`). Only letters, digits and "_" are
 * allowed in a property key that is indexed (Forge's manifest reference, confluence:contentProperty).
 */
export const BYLINE_PROPERTY_KEY = 'viewtracker_figures';

export type PropertyContentType = 'page' | 'blogpost';

/** A stored property as v2 answers it (`ContentProperty`: id, key, value, version). */
export interface StoredProperty {
  id: string;
  version: number;
  value: unknown;
}

/**
 * What a property call came to. `missing`: the content (or the property) is not there for the app,
 * which Confluence answers 404 (the app user may be restricted away from it: ECO-822) or 403.
 * `conflict`: 409, the version we sent is not the next one (someone else wrote) or, on create, the
 * key exists already. `throttled`: 429 with its Retry-After, which the caller must honour.
 */
export type PropertyAnswer<T> =
  | { kind: 'ok'; value: T }
  | { kind: 'missing' }
  | { kind: 'conflict' }
  | { kind: 'throttled'; retryAfterSeconds: number };

const property = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  key: z.string(),
  value: z.unknown(),
  version: z.object({ number: z.number().int() }).passthrough(),
}).passthrough();
const listing = z.object({ results: z.array(property) }).passthrough();

interface Answer { status: number; ok: boolean; headers: { get(name: string): string | null }; text(): Promise<string>; json(): Promise<unknown> }

async function settle<T>(response: Answer, path: string, parse: (body: unknown) => T): Promise<PropertyAnswer<T>> {
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('Retry-After') ?? '');
    return { kind: 'throttled', retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 60 };
  }
  if (response.status === 404 || response.status === 403) return { kind: 'missing' };
  if (response.status === 409) return { kind: 'conflict' };
  if (!response.ok) throw new ConfluenceError(response.status, path, await response.text());
  return { kind: 'ok', value: parse(response.status === 204 ? null : await response.json()) };
}

const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/**
 * `GET /wiki/api/v2/pages/{id}/properties?key=…` (or `/blogposts/…`), scope `read:page:confluence`
 * (confluence-v2.json, getPageContentProperties / getBlogpostContentProperties). One point: a read
 * costs 1 plus its page and space objects, and a property is neither.
 */
export async function findByKey(type: PropertyContentType, contentId: string, key: string): Promise<PropertyAnswer<StoredProperty | null>> {
  const response = type === 'page'
    ? await api.asApp().requestConfluence(route`/wiki/api/v2/pages/${contentId}/properties?key=${key}`, { headers: { Accept: 'application/json' } })
    : await api.asApp().requestConfluence(route`/wiki/api/v2/blogposts/${contentId}/properties?key=${key}`, { headers: { Accept: 'application/json' } });
  return settle(response, `${type}s/${contentId}/properties`, (body) => {
    const found = listing.parse(body).results.find((item) => item.key === key);
    return found ? { id: found.id, version: found.version.number, value: found.value } : null;
  });
}

/**
 * `POST /wiki/api/v2/pages/{id}/properties` `{key, value}` (createPageProperty / createBlogpostProperty),
 * scopes `read:page:confluence` + `write:page:confluence`. One point (a write).
 */
export async function createProperty(type: PropertyContentType, contentId: string, key: string, value: unknown): Promise<PropertyAnswer<StoredProperty>> {
  const body = JSON.stringify({ key, value });
  // The method is written at the call site so `forge lint` checks the write scope of the POST.
  const response = type === 'page'
    ? await api.asApp().requestConfluence(route`/wiki/api/v2/pages/${contentId}/properties`, { method: 'POST', headers: JSON_HEADERS, body })
    : await api.asApp().requestConfluence(route`/wiki/api/v2/blogposts/${contentId}/properties`, { method: 'POST', headers: JSON_HEADERS, body });
  // Confluence answers an existing key with 400 or 409 depending on the route's age: both mean "read it first".
  if (response.status === 400) return { kind: 'conflict' };
  return settle(response, `${type}s/${contentId}/properties`, (body) => toStored(body));
}

/**
 * `PUT /wiki/api/v2/pages/{id}/properties/{property-id}` `{key, value, version: {number}}`
 * (updatePagePropertyById / updateBlogpostPropertyById): `number` must be the stored version + 1,
 * otherwise 409. Scopes `read:page:confluence` + `write:page:confluence`; one point.
 */
export async function updateProperty(type: PropertyContentType, contentId: string, current: { id: string; version: number }, key: string, value: unknown): Promise<PropertyAnswer<StoredProperty>> {
  const body = JSON.stringify({ key, value, version: { number: current.version + 1, message: 'Viewtracker figures' } });
  const response = type === 'page'
    ? await api.asApp().requestConfluence(route`/wiki/api/v2/pages/${contentId}/properties/${current.id}`, { method: 'PUT', headers: JSON_HEADERS, body })
    : await api.asApp().requestConfluence(route`/wiki/api/v2/blogposts/${contentId}/properties/${current.id}`, { method: 'PUT', headers: JSON_HEADERS, body });
  return settle(response, `${type}s/${contentId}/properties/${current.id}`, (body) => toStored(body));
}

function toStored(body: unknown): StoredProperty {
  const parsed = property.parse(body);
  return { id: parsed.id, version: parsed.version.number, value: parsed.value };
}
