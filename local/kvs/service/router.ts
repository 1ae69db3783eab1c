import { KvsServiceError } from '../errors';
import { batchDelete, batchGet, batchSet } from './batch-ops';
import { ServiceContext, ServiceResult } from './context';
import { queryEntities } from './entity-query';
import { deleteItem, getItem, setItem } from './item-ops';
import { queryKeys } from './key-query';
import { transact } from './transaction';

/** Reads are metered by response size, writes by request size (see units.ts). */
export type RouteKind = 'read' | 'write';

interface Route {
  kind: RouteKind;
  handle: (ctx: ServiceContext, body: string) => ServiceResult;
}

/** Every path `@forge/kvs` 1.6.x calls. */
const ROUTES: Readonly<Record<string, Route>> = {
  '/api/v1/get': { kind: 'read', handle: (c, b) => getItem(c, 'kvs', b) },
  '/api/v1/set': { kind: 'write', handle: (c, b) => setItem(c, 'kvs', b) },
  '/api/v1/delete': { kind: 'write', handle: (c, b) => deleteItem(c, 'kvs', b) },
  '/api/v1/query': { kind: 'read', handle: queryKeys },
  '/api/v1/secret/get': { kind: 'read', handle: (c, b) => getItem(c, 'secret', b) },
  '/api/v1/secret/set': { kind: 'write', handle: (c, b) => setItem(c, 'secret', b) },
  '/api/v1/secret/delete': { kind: 'write', handle: (c, b) => deleteItem(c, 'secret', b) },
  '/api/v1/entity/get': { kind: 'read', handle: (c, b) => getItem(c, 'entity', b) },
  '/api/v1/entity/set': { kind: 'write', handle: (c, b) => setItem(c, 'entity', b) },
  '/api/v1/entity/delete': { kind: 'write', handle: (c, b) => deleteItem(c, 'entity', b) },
  '/api/v1/entity/query': { kind: 'read', handle: queryEntities },
  '/api/v1/batch/get': { kind: 'read', handle: batchGet },
  '/api/v1/batch/set': { kind: 'write', handle: batchSet },
  '/api/v1/batch/delete': { kind: 'write', handle: batchDelete },
  '/api/v1/transaction': { kind: 'write', handle: transact },
};

function findRoute(path: string): Route | undefined {
  return Object.prototype.hasOwnProperty.call(ROUTES, path) ? ROUTES[path] : undefined;
}

export function routeKind(path: string): RouteKind | undefined {
  return findRoute(path)?.kind;
}

/** Runs one request synchronously against the store and returns the HTTP answer. */
export function handleRequest(ctx: ServiceContext, method: string, path: string, body: string): ServiceResult {
  const route = findRoute(path);
  try {
    if (!route) {
      throw new KvsServiceError('NOT_FOUND', `No KVS operation at ${path}`);
    }
    if (method.toUpperCase() !== 'POST') {
      throw new KvsServiceError('METHOD_NOT_ALLOWED', `${path} only accepts POST`);
    }
    return route.handle(ctx, body);
  } catch (error) {
    if (error instanceof KvsServiceError) {
      return { status: error.status, body: error.toBody() };
    }
    // A bug in the emulator: surface it the way the service reports its own failures.
    const message = error instanceof Error ? error.stack ?? error.message : String(error);
    return { status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: `Emulator failure: ${message}` } };
  }
}
