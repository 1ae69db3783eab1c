import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { findOperation, scopesGrant } from './openapi';
import { errorJson } from './shapes';

/**
 * How closely the local Confluence holds the app to Confluence Cloud's published contract
 * (vendor/confluence-openapi/). Strict by default: the whole suite runs this way.
 */
export interface CloudStrictness {
  /** The scopes the app holds (manifest.yml's); an operation they do not grant answers 401, as Cloud does. Null: no check. */
  scopes: ReadonlySet<string> | null;
  /** Query parameters the operation's description does not document are dropped before answering, as Cloud ignores them. */
  ignoreUndocumentedParameters: boolean;
  /** A deprecated operation answers 500 naming it (and logs it), unless listed in `allowDeprecated`. */
  failDeprecated: boolean;
  /** `METHOD template` of deprecated operations the app still uses on purpose (docs/cloud-readiness.md says why). */
  allowDeprecated: ReadonlySet<string>;
}

/**
 * Deprecated v1 operations the app still calls, each for want of a documented v2 equivalent that answers
 * in one call: a content of unknown type with its space key, ancestors and read restrictions (v2 needs the
 * type, then a space lookup), and a space's anonymous access (v2 space permissions name no anonymous principal).
 */
export const STILL_ON_DEPRECATED_V1: ReadonlySet<string> = new Set(['GET /wiki/rest/api/content/{id}', 'GET /wiki/rest/api/space/{spaceKey}']);

let manifestScopes: ReadonlySet<string> | undefined;

/** `permissions.scopes` of the project's manifest.yml. */
export function manifestScopeSet(): ReadonlySet<string> {
  if (!manifestScopes) {
    const manifest = parseYaml(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as { permissions?: { scopes?: unknown } };
    const scopes = manifest.permissions?.scopes;
    manifestScopes = new Set(Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : []);
  }
  return manifestScopes;
}

export function cloudStrictness(overrides: Partial<CloudStrictness> = {}): CloudStrictness {
  return { scopes: manifestScopeSet(), ignoreUndocumentedParameters: true, failDeprecated: true, allowDeprecated: STILL_ON_DEPRECATED_V1, ...overrides };
}

export type Screened = { kind: 'answer'; status: number; body: unknown } | { kind: 'pass'; url: URL };

/**
 * Holds one request to the contract before the fake answers it: 401 for a scope the app lacks, 500 for a
 * deprecated operation, and undocumented query parameters dropped. Operations Atlassian does not document
 * pass unchanged (the fake then answers 404 for routes it does not know either).
 */
export function screen(strictness: CloudStrictness, method: string, url: URL): Screened {
  const operation = findOperation(method, url.pathname);
  if (!operation) return { kind: 'pass', url };
  if (strictness.scopes && !scopesGrant(operation, strictness.scopes)) {
    const message = `Unauthorized; scope does not match (${operation.method} ${operation.template} needs ${operation.scopes.join(', ')})`;
    console.error(`\n!!! local Confluence: ${message}: add the scope to manifest.yml\n`);
    return { kind: 'answer', status: 401, body: { ...errorJson(401, message), code: 401 } };
  }
  const name = `${operation.method} ${operation.template}`;
  if (operation.deprecated && strictness.failDeprecated && !strictness.allowDeprecated.has(name)) {
    const message = `local Confluence: ${name} is deprecated in Atlassian's description (vendor/confluence-openapi); use its v2 equivalent`;
    console.error(`\n!!! ${message}\n`);
    return { kind: 'answer', status: 500, body: errorJson(500, message) };
  }
  if (!strictness.ignoreUndocumentedParameters) return { kind: 'pass', url };
  const kept = new URL(url.toString());
  for (const key of [...kept.searchParams.keys()]) if (!operation.queryParameters.has(key)) kept.searchParams.delete(key);
  return { kind: 'pass', url: kept };
}
