import type { DemoContent, Directory } from '../demo/directory';
import type { Caller } from './caller';
import { canViewContent } from './permissions';

/**
 * Content properties as Confluence Cloud keeps them (v2 `/wiki/api/v2/pages/{id}/properties` and
 * `/blogposts/{id}/properties`): one JSON value per key and content, a version that every PUT must
 * raise by exactly one (409 otherwise), readable by whoever may view the content (and by nobody
 * else: 404, as for the content itself), written by whoever may update it. Scopes as
 * confluence-v2.json lists them: `read:page:confluence` to read, plus `write:page:confluence` to write.
 * Each request costs points as Confluence's quota counts them (a write 1, a read 1 plus its page and
 * space objects, of which a property list has none); the index (`confluence:contentProperty`)
 * follows every write, so CQL answers on the figures at once.
 */
export interface StoredContentProperty { id: string; key: string; value: unknown; version: number }

export interface IndexedField { path: string; type: 'number' | 'string' | 'text' | 'user' | 'date'; searchAlias: string }
export interface IndexedProperty { propertyKey: string; values: IndexedField[] }

export interface PropertyResponse { status: number; body: unknown }

const READ_SCOPES = ['read:page:confluence'];
const WRITE_SCOPES = ['read:page:confluence', 'write:page:confluence'];

export class ContentPropertyStore {
  private readonly byContent = new Map<string, Map<string, StoredContentProperty>>();
  private nextId = 1;
  /** Content restricted away from the app user (ECO-822): the app can neither read nor write its properties. */
  readonly appDenied = new Set<string>();
  /** The manifest's scopes; null accepts every call (unit tests of the fake itself). */
  private scopes: ReadonlySet<string> | null = null;
  private indexed: IndexedProperty[] = [];
  /** Quota points spent by the app's property calls, and the calls by method. */
  points = 0;
  readonly calls: Record<string, number> = {};

  constructor(private readonly directory: Directory) {}

  declareScopes(scopes: readonly string[]): void {
    this.scopes = new Set(scopes);
  }

  /** The manifest's `confluence:contentProperty` modules: what CQL may ask for. */
  declareIndex(properties: readonly IndexedProperty[]): void {
    this.indexed = [...properties];
  }

  /** A property as a reader sees it: undefined when absent or when the reader may not view the content. */
  read(caller: Caller, contentId: string, key: string): StoredContentProperty | undefined {
    const content = this.directory.content(contentId);
    if (!content || !this.visible(caller, content)) return undefined;
    return this.byContent.get(contentId)?.get(key);
  }

  /** The value an indexed field holds for a content (CQL): `alias` or `propertyKey.path`. */
  indexedValue(contentId: string, field: { alias: string } | { propertyKey: string; path: string }): { type: IndexedField['type']; value: unknown } | undefined {
    for (const property of this.indexed) {
      const match = property.values.find((value) => ('alias' in field
        ? value.searchAlias.toLowerCase() === field.alias.toLowerCase()
        : property.propertyKey === field.propertyKey && value.path === field.path));
      if (!match) continue;
      const stored = this.byContent.get(contentId)?.get(property.propertyKey);
      const raw = stored === undefined ? undefined : match.path.split('.').reduce<unknown>((node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), stored.value);
      return { type: match.type, value: raw };
    }
    return undefined;
  }

  isIndexedAlias(alias: string): boolean {
    return this.indexed.some((property) => property.values.some((value) => value.searchAlias.toLowerCase() === alias.toLowerCase()));
  }

  isIndexedPath(propertyKey: string, path: string): boolean {
    return this.indexed.some((property) => property.propertyKey === propertyKey && property.values.some((value) => value.path === path));
  }

  all(): Array<{ contentId: string; property: StoredContentProperty }> {
    return [...this.byContent.entries()].flatMap(([contentId, map]) => [...map.values()].map((property) => ({ contentId, property })));
  }

  /** `/wiki/api/v2/{pages|blogposts}/{id}/properties[/{property-id}]`; null when the path is not one of them. */
  handle(method: string, url: URL, body: string | undefined, caller: Caller): PropertyResponse | null {
    const match = url.pathname.match(/^\/wiki\/api\/v2\/(pages|blogposts)\/(\d+)\/properties(?:\/(\d+))?$/);
    if (!match) return null;
    const [, collection, contentId, propertyId] = match as unknown as [string, 'pages' | 'blogposts', string, string | undefined];
    this.calls[method] = (this.calls[method] ?? 0) + 1;
    const writing = method !== 'GET';
    if (caller.kind === 'app' && this.scopes) {
      const missing = (writing ? WRITE_SCOPES : READ_SCOPES).filter((scope) => !this.scopes!.has(scope));
      if (missing.length > 0) return { status: 401, body: { code: 401, message: `Unauthorized; scope does not match (needs ${missing.join(', ')})` } };
    }
    this.points += 1;
    const content = this.directory.content(contentId);
    const wantedType = collection === 'pages' ? 'page' : 'blogpost';
    if (!content || content.type !== wantedType || !this.visible(caller, content)) return notFound();
    // Writing needs the right to update the content: the app, or a licensed user who may view it.
    if (writing && caller.kind !== 'app' && (caller.kind === 'anonymous' || this.directory.user(caller.accountId)?.accountType !== 'licensed')) return { status: 403, body: { errors: [{ status: 403, title: 'Forbidden' }] } };
    const properties = this.byContent.get(contentId) ?? new Map<string, StoredContentProperty>();
    const byId = (id: string) => [...properties.values()].find((property) => property.id === id);
    if (propertyId === undefined) {
      if (method === 'GET') {
        const key = url.searchParams.get('key');
        const results = [...properties.values()].filter((property) => key === null || property.key === key).map(shape);
        return { status: 200, body: { results, _links: {} } };
      }
      if (method !== 'POST') return { status: 405, body: { message: `${method} not allowed` } };
      const parsed = parseBody(body);
      if (!parsed || typeof parsed.key !== 'string' || parsed.key === '') return { status: 400, body: { errors: [{ status: 400, title: 'A key is required' }] } };
      if (properties.has(parsed.key)) return { status: 409, body: { errors: [{ status: 409, title: `Property ${parsed.key} exists already` }] } };
      const created: StoredContentProperty = { id: String(this.nextId++), key: parsed.key, value: parsed.value ?? null, version: 1 };
      properties.set(created.key, created);
      this.byContent.set(contentId, properties);
      return { status: 200, body: shape(created) };
    }
    const current = byId(propertyId);
    if (!current) return notFound();
    if (method === 'GET') return { status: 200, body: shape(current) };
    if (method === 'DELETE') {
      properties.delete(current.key);
      return { status: 204, body: null };
    }
    if (method !== 'PUT') return { status: 405, body: { message: `${method} not allowed` } };
    const parsed = parseBody(body);
    const version = parsed?.version;
    const number = version !== null && typeof version === 'object' ? (version as Record<string, unknown>).number : undefined;
    if (!parsed || typeof number !== 'number') return { status: 400, body: { errors: [{ status: 400, title: 'version.number is required' }] } };
    if (parsed.key !== undefined && parsed.key !== current.key) return { status: 400, body: { errors: [{ status: 400, title: 'The key cannot be changed' }] } };
    if (number !== current.version + 1) return { status: 409, body: { errors: [{ status: 409, title: `Version ${number} is not the next version of ${current.version}` }] } };
    const updated: StoredContentProperty = { ...current, value: parsed.value ?? null, version: number };
    properties.set(updated.key, updated);
    return { status: 200, body: shape(updated) };
  }

  private visible(caller: Caller, content: DemoContent): boolean {
    if (caller.kind === 'app') return !this.appDenied.has(content.id) && canViewContent(this.directory, caller, content);
    return canViewContent(this.directory, caller, content);
  }
}

function shape(property: StoredContentProperty): unknown {
  return { id: property.id, key: property.key, value: property.value, version: { number: property.version, message: '', minorEdit: false, createdAt: new Date().toISOString() } };
}

function notFound(): PropertyResponse {
  return { status: 404, body: { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found' }] } };
}

function parseBody(body: string | undefined): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(body ?? '');
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed as Record<string, unknown> : null;
  } catch {
    return null;
  }
}

/**
 * Wires the store to the manifest (scopes, index) and gives the platform its byline reader: a
 * property as the rendering principal may read it. Used by the local host and the in-process tests.
 */
export function propertyReader(store: ContentPropertyStore, manifest: { scopes?: string[]; contentProperties?: IndexedProperty[] }) {
  store.declareScopes(manifest.scopes ?? []);
  store.declareIndex(manifest.contentProperties ?? []);
  return (principal: { kind: 'anonymous' } | { kind: 'user'; accountId: string }, contentId: string, key: string): unknown => {
    const caller: Caller = principal.kind === 'user' ? { kind: 'user', accountId: principal.accountId } : { kind: 'anonymous' };
    return store.read(caller, contentId, key)?.value;
  };
}
