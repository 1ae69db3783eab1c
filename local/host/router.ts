import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RouteArgs {
  request: IncomingMessage;
  response: ServerResponse;
  match: RegExpMatchArray;
  url: URL;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'ANY';
  pattern: RegExp;
  handle(args: RouteArgs): Promise<void> | void;
}

export function route(method: Route['method'], pattern: RegExp, handle: Route['handle']): Route {
  return { method, pattern, handle };
}

export function findRoute(routes: readonly Route[], method: string, pathname: string): { route: Route; match: RegExpMatchArray } | null {
  for (const candidate of routes) {
    if (candidate.method !== 'ANY' && candidate.method !== method) continue;
    const match = pathname.match(candidate.pattern);
    if (match) return { route: candidate, match };
  }
  return null;
}
