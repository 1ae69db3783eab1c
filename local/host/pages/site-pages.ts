import { canViewContent, canViewSpace } from '../../confluence/permissions';
import type { DemoContent, DemoSpace, DemoUser } from '../../demo/directory';
import { html, type Html } from '../html';
import type { UiModule } from '../manifest';
import type { Session } from '../session';
import type { HostContext } from './host-context';
import { frameData, frameTag } from './frames';
import { callerOf, layout, spaceSidebar } from './layout';

export function homePage(ctx: HostContext, session: Session): string {
  const caller = callerOf(session);
  const spaces = ctx.directory.site.spaces.filter((space) => canViewSpace(ctx.directory, caller, space));
  const recent = [...ctx.directory.site.contents]
    .filter((content) => canViewContent(ctx.directory, caller, content))
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, 12);
  return layout(ctx, session, {
    title: 'Home',
    main: html`<h1 class="page-title">Welcome to ${ctx.directory.site.siteName}</h1>
<p class="notice info">This is a local Confluence running the Viewtracker app exactly as Forge would. Use <b>Act as</b> to switch between demo users, and <b>Channel</b> to view pages as another client.</p>
<h2>Spaces</h2>
<ul class="card-list">${spaces.map((space) => html`<li class="card"><span class="space-icon">${space.key.replace('~', '').slice(0, 2)}</span><h3><a href="${ctx.urls.space(space.key)}">${space.name}</a></h3><p>${space.description}</p>${space.anonymousAccess ? html`<p><span class="lozenge">open to visitors</span></p>` : ''}</li>`)}</ul>
<h2>Recently updated</h2>
<table class="list"><thead><tr><th>Title</th><th>Space</th><th>Type</th></tr></thead><tbody>
${recent.map((c) => html`<tr><td><a href="${ctx.urls.content(c)}">${c.title}</a></td><td>${ctx.directory.space(c.spaceKey)?.name ?? c.spaceKey}</td><td><span class="lozenge">${c.type}</span>${c.hasMacro ? html` <span class="lozenge">macro</span>` : ''}</td></tr>`)}
</tbody></table>`,
  });
}

/** A full-page module (global page, space page, global settings): its Custom UI fills the main area. */
export function modulePage(ctx: HostContext, session: Session, module: UiModule, options: { space?: DemoSpace; routeBase: string; notice?: Html; sidebar?: Html }): string {
  const extension: Record<string, unknown> = options.space
    ? { type: module.type, space: { id: String(options.space.id), key: options.space.key } }
    : { type: module.type };
  const data = frameData(ctx, session, module, { localId: `${module.key}${options.space ? `-${options.space.key}` : ''}`, extension, container: 'inline', routeBase: options.routeBase });
  const sidebar = options.sidebar ?? (options.space ? spaceSidebar(ctx, session, options.space, undefined, module.key) : undefined);
  return layout(ctx, session, {
    title: module.title,
    ...(sidebar ? { sidebar } : {}),
    // Confluence gives a page module the whole content area; the app draws its own heading.
    main: html`${options.notice ?? ''}${frameTag(module, data, 'module-frame')}`,
  });
}

/** General configuration: Confluence's admin area, with the app's globalSettings pages under "Apps". */
export function adminSidebar(ctx: HostContext, session: Session, activeKey?: string): Html {
  const isAdmin = session.user?.isAdmin === true;
  const settings = ctx.platform.manifest.uiModules.filter((m) => m.type === 'confluence:globalSettings');
  return html`<nav class="sidebar" aria-label="Administration">
  <h2>General configuration</h2>
  <h3>Configuration</h3><a href="/wiki/admin">Overview</a>
  <h3>Apps</h3>
  ${settings.map((m) => (isAdmin || activeKey === m.key)
    ? html`<a href="${ctx.urls.settings(m.key)}" class="${activeKey === m.key ? 'active' : ''}">${m.title}</a>`
    : '')}
</nav>`;
}

export function adminIndex(ctx: HostContext, session: Session): string {
  const isAdmin = session.user?.isAdmin === true;
  const settings = ctx.platform.manifest.uiModules.filter((m) => m.type === 'confluence:globalSettings');
  return layout(ctx, session, {
    title: 'General configuration',
    sidebar: adminSidebar(ctx, session),
    main: html`<h1 class="page-title">General configuration</h1>
${isAdmin ? '' : html`<p class="notice">You are not a Confluence administrator. Confluence would not show you this area; the app's settings link is hidden by its <code>displayConditions</code>. The local host still lets you open ${settings.map((m) => html`<a href="${ctx.urls.settings(m.key)}">${m.title}</a> `)}to see the app's server refuse you.</p>`}
<p>Apps installed on this site: ${settings.map((m) => html`<a href="${ctx.urls.settings(m.key)}">${m.title}</a>`)}</p>`,
  });
}

export function notFoundPage(ctx: HostContext, session: Session, what: string): string {
  return layout(ctx, session, {
    title: 'Page not found',
    main: html`<h1 class="page-title">Page not found</h1><p>${what}</p><p>It may have been deleted, or it is restricted and you are not allowed to view it. <a href="/wiki/home">Go to home</a></p>`,
  });
}

export function profilePage(ctx: HostContext, session: Session, user: DemoUser): string {
  const groups = user.groupIds.flatMap((id) => ctx.directory.groupsById.get(id)?.name ?? []);
  return layout(ctx, session, {
    title: user.displayName,
    main: html`<h1 class="page-title">${user.status === 'closed' ? 'Former user' : user.displayName}</h1>
<p>Account ID <code>${user.accountId}</code></p><p>Groups: ${groups.join(', ') || 'none'}</p>`,
  });
}

/** Confluence's search results: titles of content the searcher may see that hold every word of the query. */
export function searchPage(ctx: HostContext, session: Session, query: string, results: readonly DemoContent[]): string {
  return layout(ctx, session, {
    title: query ? `Search: ${query}` : 'Search',
    main: html`<h1 class="page-title">Search</h1>
<form class="search-page" role="search" action="/wiki/search" method="get"><input type="search" name="text" value="${query}" aria-label="Search Confluence"> <button type="submit">Search</button></form>
${query ? html`<p class="search-count">${results.length} ${results.length === 1 ? 'result' : 'results'} for “${query}”</p>` : ''}
<ol class="search-results">${results.map((c) => html`<li><a href="${ctx.urls.content(c)}">${c.title}</a> <span class="lozenge">${c.type}</span> <span class="muted">${ctx.directory.space(c.spaceKey)?.name ?? c.spaceKey}</span></li>`)}</ol>`,
  });
}
