import { AsyncLocalStorage } from 'node:async_hooks';
import { unitsFor } from '../../local/kvs';
import { pointsOf } from '../../local/confluence/points';

/** KVS units spent inside one async task (one view, one byline render), even with many in flight. */
export interface Units {
  read: number; write: number; requests: number; /** Confluence REST calls (not KVS). */ confluence?: number;
  /** Confluence points of those calls, as Cloud counts them (local/confluence/points.ts). */
  confluencePoints?: number;
  /** Those points by route (`GET /wiki/rest/api/user/memberof`, ids as `{id}`), to see where they go. */
  pointsByRoute?: Map<string, number>;
}

/** A request's route for the breakdown: method and path without its query, numbers and group/account ids as `{id}`. */
export function routeOf(method: string, path: string): string {
  const bare = path.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/{id}').replace(/\/group\/[^/]+\/membersByGroupId/, '/group/{id}/membersByGroupId');
  return `${method.toUpperCase()} ${bare}`;
}

/** Adds a task's points by route into a total. */
export function addPointsByRoute(total: Map<string, number>, units: Units): void {
  for (const [route, points] of units.pointsByRoute ?? []) total.set(route, (total.get(route) ?? 0) + points);
}

/** `route=points per n` for the largest routes first. */
export function formatByRoute(total: Map<string, number>, n: number): string {
  const round = (value: number) => Math.round(value * 10_000) / 10_000;
  return [...total].sort((a, b) => b[1] - a[1]).map(([route, points]) => `${route}=${round(points / Math.max(1, n))}`).join(' ') || 'none';
}

const scope = new AsyncLocalStorage<Units>();
const READ_PATHS = /\/(get|query|batch\/get|entity\/get|entity\/query|secret\/get)$/;

type ForgeFetch = (target: { type: string }, path: string, init?: { body?: unknown; method?: string }) => Promise<Response>;

/**
 * Wraps the installed `__forge_fetch__` and charges each KVS request to the task that made it,
 * with Forge's rule: max(1, ceil(bytes / 10 KB)), request size for writes, response size for reads.
 */
export function meterKvsPerTask(): void {
  const holder = globalThis as { __forge_fetch__?: ForgeFetch };
  const inner = holder.__forge_fetch__;
  if (!inner) throw new Error('Install the KVS emulator first');
  holder.__forge_fetch__ = async (target, path, init) => {
    const response = await inner(target, path, init);
    const units = scope.getStore();
    // A read of a missing key is still a read request; only refused (throttled, failed) requests are free.
    if (units && target.type === 'fpp') {
      units.confluence = (units.confluence ?? 0) + 1;
      const text = await response.clone().text();
      let body: unknown = text;
      try { body = JSON.parse(text); } catch { /* not JSON */ }
      const points = response.status === 429 ? 0 : pointsOf(init?.method ?? 'GET', path, response.status, body);
      units.confluencePoints = (units.confluencePoints ?? 0) + points;
      units.pointsByRoute ??= new Map();
      const route = routeOf(init?.method ?? 'GET', path);
      units.pointsByRoute.set(route, (units.pointsByRoute.get(route) ?? 0) + points);
    }
    if (!units || target.type !== 'kvs' || (!response.ok && response.status !== 404)) return response;
    units.requests += 1;
    if (READ_PATHS.test(path)) {
      const text = await response.clone().text();
      units.read += unitsFor(Buffer.byteLength(text));
    } else {
      units.write += unitsFor(Buffer.byteLength(typeof init?.body === 'string' ? init.body : ''));
    }
    return response;
  };
}

export async function measured<T>(run: () => Promise<T>): Promise<{ result: T; units: Units }> {
  const units: Units = { read: 0, write: 0, requests: 0, confluence: 0, confluencePoints: 0 };
  const result = await scope.run(units, run);
  return { result, units };
}
