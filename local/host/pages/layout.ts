import type { DemoSpace, DemoUser } from '../../demo/directory';
import { canViewContent } from '../../confluence/permissions';
import { CHANNEL_LABELS, HOST_CHANNELS } from '../channels';
import { html, jsonScript, type Html } from '../html';
import type { Session } from '../session';
import type { HostContext } from './host-context';
import { ICONS } from './icons';

const ROLE_LABELS: Record<DemoUser['role'], string> = {
  admin: 'Confluence admin',
  'report-reader': 'report reader',
  reader: 'reader',
  bot: 'bot, excluded group',
  guest: 'guest, unlicensed',
  former: 'closed account',
};

export interface LayoutInput {
  title: string;
  sidebar?: Html;
  main: Html;
  mainClass?: string;
}

export function layout(ctx: HostContext, session: Session, input: LayoutInput): string {
  const page = html`<!doctype html>
<html lang="en" data-color-mode="${session.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} - ${ctx.directory.site.siteName} - Confluence</title>
<link rel="stylesheet" href="/__host/host.css">
</head>
<body>
${topBar(ctx, session)}
<div class="shell">
${input.sidebar ?? ''}
<main class="main ${input.mainClass ?? ''}" id="main">${input.main}</main>
</div>
<div id="flags"></div>
${jsonScript('host-data', { theme: session.theme })}
<script src="/__host/host-page.js"></script>
</body>
</html>`;
  return page.value;
}

function topBar(ctx: HostContext, session: Session): Html {
  const spaces = ctx.directory.site.spaces.filter((space) => space.type === 'global');
  const globalPages = ctx.platform.manifest.uiModules.filter((m) => m.type === 'confluence:globalPage');
  const users = ctx.directory.site.users.filter((user) => user.status === 'active');
  // A reader who administers spaces is listed as their space admin, not as a reader.
  const administers = new Map<string, string[]>();
  for (const space of ctx.directory.site.spaces) for (const id of space.adminIds ?? []) administers.set(id, [...(administers.get(id) ?? []), space.key]);
  const roleOf = (u: DemoUser) => (u.role === 'reader' && administers.has(u.accountId) ? `space admin of ${(administers.get(u.accountId) ?? []).join(', ')}` : ROLE_LABELS[u.role]);
  const current = session.principal.kind === 'user' ? session.principal.accountId : 'anonymous';
  return html`<header class="topbar">
  <a class="logo" href="/wiki/home">${logo()}<span>Confluence</span></a>
  <nav class="topnav">
    <a href="/wiki/home">Home</a>
    <details><summary>Spaces ▾</summary><div class="menu">${spaces.map((s) => html`<a href="${ctx.urls.space(s.key)}">${s.name}</a>`)}</div></details>
    <details><summary>Apps ▾</summary><div class="menu">${globalPages.map((m) => html`<a href="${ctx.urls.globalPage(m.route ?? m.key)}">${m.title}</a>`)}</div></details>
  </nav>
  <form class="topsearch" role="search" action="/wiki/search" method="get"><input type="search" name="text" aria-label="Search Confluence" placeholder="Search"></form>
  <div class="spacer"></div>
  <div class="host-controls">
    <span class="local-badge" title="A local Confluence for development: not Atlassian">LOCAL</span>
    <label>Act as <select id="act-as" aria-label="Act as">
      ${users.map((u) => html`<option value="${u.accountId}"${u.accountId === current ? html` selected` : ''}>${u.displayName} (${roleOf(u)})</option>`)}
      <option value="anonymous"${current === 'anonymous' ? html` selected` : ''}>Anonymous visitor</option>
    </select></label>
    <label>Channel <select id="channel" aria-label="Channel">
      ${HOST_CHANNELS.map((c) => html`<option value="${c}"${c === session.channel ? html` selected` : ''}>${CHANNEL_LABELS[c]}</option>`)}
    </select></label>
    <button id="theme-toggle" type="button" aria-label="Toggle dark mode">${ICONS.moon} Theme</button>
    <a class="gear" href="/wiki/admin" title="Settings (General configuration)" aria-label="Settings">${ICONS.gear}</a>
  </div>
</header>`;
}

export function spaceSidebar(ctx: HostContext, session: Session, space: DemoSpace, activeId?: string, activeModule?: string): Html {
  const visible = ctx.directory.contentsOf(space.key).filter((c) => canViewContent(ctx.directory, callerOf(session), c));
  const pages = visible.filter((c) => c.type === 'page');
  const posts = visible.filter((c) => c.type === 'blogpost');
  const spacePages = ctx.platform.manifest.uiModules.filter((m) => m.type === 'confluence:spacePage');
  const link = (href: string, label: string, active: boolean, icon: Html | string = ''): Html =>
    html`<a href="${href}" class="${active ? 'active' : ''}" title="${label}">${icon}${label}</a>`;
  return html`<nav class="sidebar" aria-label="Space navigation">
  <h2><span class="space-icon">${space.key.replace('~', '').slice(0, 2)}</span>${space.name}</h2>
  ${link(ctx.urls.space(space.key), 'Overview', false)}
  <h3>Apps</h3>
  ${spacePages.map((m) => link(ctx.urls.spacePage(space.key, m.route ?? m.key), m.title, activeModule === m.key, ICONS.app))}
  <h3>Content</h3>
  ${pages.slice(0, 40).map((c) => link(ctx.urls.content(c), c.title, c.id === activeId, ICONS.page))}
  ${posts.length > 0 ? html`<h3>Blog</h3>${posts.slice(0, 15).map((c) => link(ctx.urls.content(c), c.title, c.id === activeId, ICONS.blog))}` : ''}
</nav>`;
}

export function callerOf(session: Session) {
  return session.principal.kind === 'user' ? { kind: 'user' as const, accountId: session.principal.accountId } : { kind: 'anonymous' as const };
}

export function initials(name: string): string {
  return name.split(/\s+/).map((part) => part.charAt(0)).join('').slice(0, 2).toUpperCase();
}

function logo(): Html {
  return html`<svg viewBox="0 0 32 32" aria-hidden="true"><defs><linearGradient id="lg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0052CC"/><stop offset="1" stop-color="#2684FF"/></linearGradient></defs><path fill="url(#lg)" d="M3.2 22.6c-.3.5-.7 1.1-.9 1.5a.9.9 0 0 0 .3 1.2l5.4 3.3a.9.9 0 0 0 1.2-.3c.2-.4.6-1 1-1.6 2.8-4.5 5.6-4 10.6-1.6l5.4 2.5a.9.9 0 0 0 1.2-.4l2.6-5.8a.9.9 0 0 0-.5-1.2c-1.1-.5-3.4-1.6-5.4-2.6C16.8 14 9.4 14.3 3.2 22.6Z"/><path fill="url(#lg)" d="M28.8 9.4c.3-.5.7-1.1.9-1.5a.9.9 0 0 0-.3-1.2L24 3.4a.9.9 0 0 0-1.2.3c-.2.4-.6 1-1 1.6-2.8 4.5-5.6 4-10.6 1.6L5.8 4.4a.9.9 0 0 0-1.2.4L2 10.6a.9.9 0 0 0 .5 1.2c1.1.5 3.4 1.6 5.4 2.6 7.3 3.5 14.7 3.2 20.9-5Z"/></svg>`;
}
