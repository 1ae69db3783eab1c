import type { DemoContent } from '../../demo/directory';
import { html, type Html } from '../html';
import type { Session } from '../session';
import type { HostContext } from './host-context';
import { frameData, frameTag } from './frames';
import { ICONS } from './icons';
import { macroConfig } from '../macro-configs';
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
<div class="byline">
  <span class="avatar" aria-hidden="true">${initials(author?.displayName ?? '?')}</span>
  <span>${content.type === 'page' ? 'Owned by' : 'By'} ${author?.displayName ?? 'Former user'}</span>
  <span>Last updated ${new Date(content.updatedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}</span>
  ${content.restriction ? html`<span class="restricted" title="Only some people can view this">${ICONS.lock} Restricted</span>` : ''}
  ${bylineItems(ctx, session, content, contentRef, spaceRef, viewId)}
</div>
<div class="page-body">
  ${content.paragraphs.map((text, index) => html`<p>${text}</p>${index === 0 && content.hasMacro ? macros(ctx, session, content, contentRef, spaceRef) : ''}`)}
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

function macros(ctx: HostContext, session: Session, content: DemoContent, contentRef: object, spaceRef: object): Html[] {
  return ctx.platform.manifest.uiModules.filter((m) => m.type === 'macro').map((module, index) => {
    const localId = `${content.id}-${module.key}-${index}`;
    const config = macroConfig(localId);
    const extension = { type: module.type, content: contentRef, space: spaceRef, isEditing: false, ...(config ? { config } : {}) };
    const frame = frameTag(module, frameData(ctx, session, module, { localId, extension, container: 'inline' }), 'macro-frame');
    if (!module.configResource || session.principal.kind !== 'user') return frame;
    // Editing the page: the macro's configuration opens in a modal; its preview renders with isEditing.
    const configModule = { ...module, resource: module.configResource, title: module.configTitle ?? module.title };
    const configExtension = { ...extension, isEditing: true };
    const configFrame = frameTag(configModule, { ...frameData(ctx, session, configModule, { localId, extension: configExtension, container: 'modal' }), configFor: localId }, '');
    return html`${frame}<button type="button" class="macro-edit" data-macro-config data-local-id="${localId}">Edit macro</button><template><div class="modal size-medium" role="dialog" aria-label="${configModule.title}">${configFrame}</div></template>`;
  });
}

/** confluence:backgroundScript modules run invisibly on every content page. */
function backgroundScripts(ctx: HostContext, session: Session, content: DemoContent, contentRef: object, spaceRef: object): Html[] {
  return ctx.platform.manifest.uiModules.filter((m) => m.type === 'confluence:backgroundScript').map((module) => {
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
