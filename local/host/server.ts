import { createServer, type Server } from 'node:http';
import { HttpError, sendHtml, sendJson } from './http-util';
import { notFoundPage } from './pages/site-pages';
import { findRoute, type Route } from './router';
import { devRoutes } from './routes/dev';
import { contentLifecycleRoutes } from './routes/content-lifecycle';
import { hostApiRoutes } from './routes/host-api';
import type { HostServices } from './routes/services';
import { siteRoutes } from './routes/site';
import { readSession } from './session';
import { crossSiteProblem, foreignHostProblem } from './request-guard';

export function createHostServer(services: HostServices): Server {
  const routes: Route[] = [...hostApiRoutes(services), ...devRoutes(services), ...contentLifecycleRoutes(services), ...siteRoutes(services)];
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    // Before anything else, pages and web triggers included: a foreign Host is a DNS rebinding attempt.
    const foreign = foreignHostProblem(request);
    if (foreign) return sendJson(response, foreign.status, { error: foreign.message });
    const found = findRoute(routes, request.method ?? 'GET', url.pathname);
    const fail = (status: number, message: string): void => {
      if (response.headersSent) return void response.end();
      if (url.pathname.startsWith('/__')) return sendJson(response, status, { error: message });
      sendHtml(response, status, notFoundPage(services, readSession(request, services.directory, services.defaultUser), message));
    };
    if (!found) return fail(404, `Nothing at ${request.method} ${url.pathname}`);
    // Web triggers (/x1/) are for other tools and authenticate by token; the host's own endpoints act as a user.
    const crossSite = url.pathname.startsWith('/__') ? crossSiteProblem(request) : null;
    if (crossSite) return fail(crossSite.status, crossSite.message);
    Promise.resolve()
      .then(() => found.route.handle({ request, response, match: found.match, url }))
      .catch((error: unknown) => {
        if (error instanceof HttpError) return fail(error.status, error.message);
        // decodeURIComponent of a badly escaped path segment (`%`): the request is wrong, not the host.
        if (error instanceof URIError) return fail(400, `Malformed URL: ${error.message}`);
        console.error(`local host: ${request.method} ${url.pathname} failed`, error);
        fail(500, error instanceof Error ? error.message : String(error));
      });
  });
}
