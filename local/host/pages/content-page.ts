import type { DemoContent } from '../../demo/directory';
import { html, type Html } from '../html';
import type { Session } from '../session';
import type { HostContext } from './host-context';
import { frameData, frameTag } from './frames';
import { ICONS } from './icons';
import { initials, layout, spaceSidebar } from './layout';

/**
 * A page or blog post as Confluence shows it: title, byline (with each contentBylineItem, whose title
 * comes from its dynamicProperties function), the body, and the macro where the page carries it.
 */
export function contentPage(ctx: HostContext, session: Session, content: DemoContent, viewId: string | null, portal: boolean): string {
  const space = ctx.directory.space(content.spaceKey)!;
  const author = ctx.directory.user(content.authorId);
  const contentRef = { id: content.id, type: content.type };
  const spaceRef = { id: String(space.id), key: space.key };
  const article = html`
<div class="breadcrumbs"><a href="${ctx.urls.space(space.key)}">${space.name}</a> / ${content.type === 'page' ? 'Pages' : 'Blog'}</div>
<h1 class="page-title">${content.title}</h1>
${session.user?.accountType === 'licensed' ? html`<a class="edit-link" href="${editPath(content)}">Edit</a>` : ''}
<div class="byline">
  <span class="avatar" aria-hidden="true">${initials(author?.displayName ?? '?')}</span>
  <span>${content.type === 'page' ? 'Owned by' : 'By'} ${author?.displayName ?? 'Former user'}</span>
  <span>Last updated ${new Date(content.updatedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}</span>
  ${content.restriction ? html`<span class="restricted" title="Only some people can view this">${ICONS.lock} Restricted</span>` : ''}
  ${bylineItems(ctx, session, content, contentRef, spaceRef, viewId)}
</div>
<div class="page-body">
  ${content.paragraphs.map((text, index) => html`<p>${text}</p>${index === 0 ? macros(ctx, session, content, contentRef, spaceRef) : ''}`)}
</div>
${backgroundScripts(ctx, session, content, contentRef, spaceRef)}`;
  if (portal) return portalLayout(ctx, session, content, article);
  const narrow = session.channel === 'mobile-web' || session.channel === 'confluence-app';
  return layout(ctx, session, {
    title: content.title,
    ...(narrow ? {} : { sidebar: spaceSidebar(ctx, session, space, content.id) }),
    main: article,
    ...(narrow ? { mainClass: 'narrow' } : {}),
  });
}

function bylineItems(ctx: HostContext, session: Session, content: DemoContent, contentRef: object, spaceRef: object, viewId: string | null): Html[] {
  return ctx.platform.manifest.uiModules.filter((m) => m.type === 'confluence:contentBylineItem').map((module) => {
    const localId = `${module.key}-${content.id}`;
    const extension = { type: module.type, content: contentRef, space: spaceRef };
    const container = module.viewportContainer === 'modal' ? 'modal' : 'popup';
    const frame = frameTag(module, frameData(ctx, session, module, { localId, extension, container }), '');
    const shell = container === 'modal'
      ? html`<div class="modal size-${module.viewportSize ?? 'medium'}" role="dialog" aria-label="${module.title}">${frame}</div>`
      : html`<div class="popup" role="dialog" aria-label="${module.title}">${frame}</div>`;
    return html`<button type="button" class="byline-item" data-byline data-state="loading" data-module-key="${module.key}" data-local-id="${localId}"
      data-extension="${JSON.stringify(extension)}" data-container="${container}" data-default-title="${module.title}" data-view-id="${viewId ?? ''}"
      title="${module.tooltip ?? module.title}">${ICONS.eye}<span class="byline-label">${module.title}</span></button><template>${shell}</template>`;
  });
}

/** The page's macros, each with the config its author saved (Forge passes it as `extension.config`). */
export function macros(ctx: HostContext, session: Session, content: DemoContent, contentRef: object, spaceRef: object, isEditing = false): Html[] {
  return ctx.macros.on(content).flatMap((instance) => {
    const module = ctx.platform.uiModule(instance.moduleKey);
    if (!module) return [];
    const extension = { type: module.type, content: contentRef, space: spaceRef, isEditing, ...(instance.config ? { config: instance.config } : {}) };
    return [frameTag(module, frameData(ctx, session, module, { localId: instance.localId, extension, container: 'inline' }), 'macro-frame')];
  });
}

/** confluence:backgroundScript modules run invisibly on every content page whose display conditions hold for the viewer. */
function backgroundScripts(ctx: HostContext, session: Session, content: DemoContent, contentRef: object, spaceRef: object): Html[] {
  return ctx.platform.manifest.uiModules.filter((m) => m.type === 'confluence:backgroundScript' && ctx.platform.shows(m, session.principal, content.id)).map((module) => {
    const extension = { type: module.type, content: contentRef, space: spaceRef };
    return frameTag(module, frameData(ctx, session, module, { localId: `${module.key}-${content.id}`, extension, container: 'hidden' }), 'background-frame');
  });
}

/** A Confluence page as a knowledge-base article in a Jira Service Management help center. */
function portalLayout(ctx: HostContext, session: Session, content: DemoContent, article: Html): string {
  return layout(ctx, session, {
    title: content.title,
    main: html`<div class="portal-header">Help Center</div><div class="portal-main">${article}</div>`,
    mainClass: 'portal',
  });
}

/** Confluence's editor URL for a page or blog post. */
export function editPath(content: DemoContent): string {
  return `/wiki/spaces/${encodeURIComponent(content.spaceKey)}/${content.type === 'page' ? 'pages' : 'blog'}/edit-v2/${content.id}`;
}
