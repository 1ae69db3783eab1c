import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Atlassian's published descriptions of the Confluence Cloud REST API (vendor/confluence-openapi/), read
 * as the local Confluence and the tests need them: which operation a request is, the OAuth scopes it
 * needs, the parameters it knows, whether it is deprecated.
 */

export interface Operation {
  /** `v1` for /wiki/rest/api/..., `v2` for /wiki/api/v2/... */
  api: 'v1' | 'v2';
  method: string;
  /** The full path template, e.g. `/wiki/api/v2/spaces/{id}/operations`. */
  template: string;
  /** Scopes of state "Current" (`x-atlassian-oauth2-scopes`): what `forge lint` and Cloud ask a Forge app for. */
  scopes: string[];
  /** Scopes of state "Beta" (granular scopes Cloud also accepts in place of the current ones). */
  betaScopes: string[];
  /** Names of the query parameters the description documents. */
  queryParameters: Set<string>;
  deprecated: boolean;
}

interface Described {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { parameters?: Record<string, RawParameter> };
}
interface RawParameter { name?: string; in?: string; $ref?: string }
interface RawOperation {
  parameters?: RawParameter[];
  deprecated?: boolean;
  'x-atlassian-oauth2-scopes'?: Array<{ state?: string; scopes?: string[] }>;
  security?: Array<Record<string, string[]>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
export const DESCRIPTIONS_DIR = join(__dirname, '..', '..', 'vendor', 'confluence-openapi');

interface Compiled { operation: Operation; pattern: RegExp; literalSegments: number }

function compile(file: string, api: 'v1' | 'v2', prefix: string): Compiled[] {
  const described = JSON.parse(readFileSync(join(DESCRIPTIONS_DIR, file), 'utf8')) as Described;
  const resolve = (parameter: RawParameter): RawParameter => {
    const name = parameter.$ref?.replace('#/components/parameters/', '');
    return name ? described.components?.parameters?.[name] ?? {} : parameter;
  };
  return Object.entries(described.paths).flatMap(([path, methods]) => {
    const template = `${prefix}${path}`;
    const segments = template.split('/').filter(Boolean);
    const pattern = new RegExp(`^/${segments.map((segment) => (/^\{.+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}/?$`);
    return METHODS.filter((method) => methods[method]).map((method) => {
      const raw = methods[method]!;
      const byState = (state: string) => (raw['x-atlassian-oauth2-scopes'] ?? []).filter((entry) => entry.state === state).flatMap((entry) => entry.scopes ?? []);
      const fromSecurity = (raw.security ?? []).flatMap((entry) => entry.oAuthDefinitions ?? []);
      const current = raw['x-atlassian-oauth2-scopes'] ? byState('Current') : fromSecurity;
      return {
        operation: {
          api, method: method.toUpperCase(), template, scopes: current, betaScopes: byState('Beta'), deprecated: raw.deprecated === true,
          queryParameters: new Set((raw.parameters ?? []).map(resolve).filter((parameter) => parameter.in === 'query' && parameter.name).map((parameter) => parameter.name!)),
        },
        pattern,
        literalSegments: segments.filter((segment) => !segment.startsWith('{')).length,
      };
    });
  });
}

let compiled: Compiled[] | undefined;

function all(): Compiled[] {
  compiled ??= [...compile('confluence-v1.json', 'v1', ''), ...compile('confluence-v2.json', 'v2', '/wiki/api/v2')]
    // The most literal template wins: `/group/picker` is not `/group/{groupName}`.
    .sort((a, b) => b.literalSegments - a.literalSegments);
  return compiled;
}

/** The documented operation a request is (path without query), or undefined when Atlassian documents none. */
export function findOperation(method: string, pathname: string): Operation | undefined {
  const upper = method.toUpperCase();
  return all().find((entry) => entry.operation.method === upper && entry.pattern.test(pathname))?.operation;
}

/** Whether the manifest's scopes grant an operation: all its current scopes, or all its beta (granular) ones. */
export function scopesGrant(operation: Operation, granted: ReadonlySet<string>): boolean {
  if (operation.scopes.every((scope) => granted.has(scope))) return true;
  return operation.betaScopes.length > 0 && operation.betaScopes.every((scope) => granted.has(scope));
}
