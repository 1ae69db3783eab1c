import { canViewContent, canViewSpace } from '../../confluence/permissions';
import type { DemoContent } from '../../demo/directory';
import { channelFiresProductEvent } from '../channels';
import { html } from '../html';
import { redirect, sendHtml } from '../http-util';
import { contentPage } from '../pages/content-page';
import { editorPage } from '../pages/editor-page';
import { callerOf } from '../pages/layout';
import { adminIndex, adminSidebar, homePage, modulePage, notFoundPage, profilePage, searchPage } from '../pages/site-pages';
import { route, type Route } from '../router';
import { readSession, type Session } from '../session';
import { deliveryFromQuery } from '../views';
import type { HostServices } from './services';

const APP = '([^/]+)';

/** Confluence's own pages: home, spaces, pages and blog posts, the admin area and the app's page modules. */
export function siteRoutes(host: HostServices): Route[] {
  const session = (request: Parameters<Route['handle']>[0]['request']): Session => readSession(request, host.directory, host.defaultUser);
  const visibleContent = (s: Session, id: string): DemoContent | undefined => {
    const content = host.directory.content(id);
    return content && canViewContent(host.directory, callerOf(s), content) ? content : undefined;
  };
  const pageModules = (type: 'confluence:globalPage' | 'confluence:spacePage', routeName: string) =>
    host.platform.manifest.uiModules.find((m) => m.type === type && (m.route ?? m.key) === routeName);

  return [
    route('GET', /^\/(wiki\/?)?$/, ({ response }) => redirect(response, '/wiki/home')),
    route('GET', /^\/wiki\/home$/, ({ request, response }) => sendHtml(response, 200, homePage(host, session(request)))),
    route('GET', /^\/wiki\/spaces\/([^/]+)(\/overview)?\/?$/, ({ request, response, match }) => {
      const s = session(request);
      const space = host.directory.space(decodeURIComponent(match[1]!));
      const home = space && host.directory.contentsOf(space.key).find((c) => visibleContent(s, c.id));
      if (!space || !home || !canViewSpace(host.directory, callerOf(s), space)) return sendHtml(response, 404, notFoundPage(host, s, 'This space does not exist or you may not see it.'));
      redirect(response, host.urls.content(home));
    }),
    route('GET', /^\/wiki\/spaces\/([^/]+)\/(pages|blog)\/(\d+)(\/.*)?$/, ({ request, response, match, url }) => {
      const s = session(request);
      const content = visibleContent(s, match[3]!);
      if (!content) return sendHtml(response, 404, notFoundPage(host, s, `We can't find page ${match[3]}.`));
      if (s.channel === 'jsm-portal') return redirect(response, host.urls.portalArticle(content) + url.search);
      const viewId = channelFiresProductEvent(s.channel) ? host.views.recordView(s.principal, content, deliveryFromQuery(url.searchParams)) : null;
      sendHtml(response, 200, contentPage(host, s, content, viewId, false));
    }),
    route('GET', /^\/wiki\/spaces\/([^/]+)\/(pages|blog)\/edit-v2\/(\d+)$/, ({ request, response, match }) => {
      const s = session(request);
      const content = visibleContent(s, match[3]!);
      // Editing needs a licensed user who may see the page (the demo has no separate edit permission).
      if (!content || s.user?.accountType !== 'licensed') return sendHtml(response, 404, notFoundPage(host, s, `We can't find page ${match[3]} to edit.`));
      sendHtml(response, 200, editorPage(host, s, content));
    }),
    route('GET', /^\/wiki\/pages\/viewpage\.action$/, ({ request, response, url }) => {
      const content = visibleContent(session(request), url.searchParams.get('pageId') ?? '');
      if (!content) return sendHtml(response, 404, notFoundPage(host, session(request), 'No such page.'));
      redirect(response, host.urls.content(content));
    }),
    route('GET', /^\/servicedesk\/customer\/portal\/\d+\/article\/(\d+)$/, ({ request, response, match }) => {
      const s = session(request);
      const content = visibleContent(s, match[1]!);
      if (!content) return sendHtml(response, 404, notFoundPage(host, s, 'No such article.'));
      sendHtml(response, 200, contentPage(host, s, content, null, true));
    }),
    route('GET', new RegExp(`^/wiki/apps/${APP}/local/([^/]+)(/.*)?$`), ({ request, response, match }) => {
      const s = session(request);
      const module = pageModules('confluence:globalPage', match[2]!);
      if (!module) return sendHtml(response, 404, notFoundPage(host, s, 'No such app page.'));
      sendHtml(response, 200, modulePage(host, s, module, { routeBase: host.urls.globalPage(module.route ?? module.key) }));
    }),
    route('GET', new RegExp(`^/wiki/spaces/([^/]+)/apps/${APP}/local/([^/]+)(/.*)?$`), ({ request, response, match }) => {
      const s = session(request);
      const space = host.directory.space(decodeURIComponent(match[1]!));
      const module = pageModules('confluence:spacePage', match[3]!);
      if (!space || !module || !canViewSpace(host.directory, callerOf(s), space)) return sendHtml(response, 404, notFoundPage(host, s, 'No such space page.'));
      sendHtml(response, 200, modulePage(host, s, module, { space, routeBase: host.urls.spacePage(space.key, module.route ?? module.key) }));
    }),
    // Confluence's search: results the searcher may see, then `avi:confluence:performed:search` (src/search).
    route('GET', /^\/wiki\/search\/?$/, ({ request, response, url }) => {
      const s = session(request);
      const query = (url.searchParams.get('text') ?? '').slice(0, 500);
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const results = words.length === 0 ? [] : host.directory.site.contents
        .filter((c) => words.every((word) => c.title.toLowerCase().includes(word)) && visibleContent(s, c.id)).slice(0, 50);
      if (words.length > 0) host.views.recordSearch(s.principal, query, results.length, deliveryFromQuery(url.searchParams));
      sendHtml(response, 200, searchPage(host, s, query, results));
    }),
    route('GET', /^\/wiki\/admin\/?$/, ({ request, response }) => sendHtml(response, 200, adminIndex(host, session(request)))),
    route('GET', new RegExp(`^/wiki/admin/forge/apps/${APP}/local/([^/]+)(/.*)?$`), ({ request, response, match }) => {
      const s = session(request);
      const module = host.platform.manifest.uiModules.find((m) => m.type === 'confluence:globalSettings' && m.key === match[2]);
      if (!module) return sendHtml(response, 404, notFoundPage(host, s, 'No such settings page.'));
      // displayConditions {isAdmin: true} would hide this page in Confluence; it is no security, so the
      // host shows it to everyone and the app's resolvers must refuse non-admins themselves.
      const notice = s.user?.isAdmin ? undefined : html`<p class="notice">You are not a Confluence administrator: Confluence's display condition would hide this page from you. It is shown here so you can see that the app's server refuses you, not only hides the link.</p>`;
      sendHtml(response, 200, modulePage(host, s, module, { routeBase: host.urls.settings(module.key), sidebar: adminSidebar(host, s, module.key), ...(notice ? { notice } : {}) }));
    }),
    route('GET', /^\/wiki\/people\/([^/]+)$/, ({ request, response, match }) => {
      const s = session(request);
      const user = host.directory.user(decodeURIComponent(match[1]!));
      if (!user || s.principal.kind === 'anonymous') return sendHtml(response, 404, notFoundPage(host, s, 'No such person.'));
      sendHtml(response, 200, profilePage(host, s, user));
    }),
  ];
}
