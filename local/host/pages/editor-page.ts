import type { DemoContent } from '../../demo/directory';
import { html, type Html } from '../html';
import type { Session } from '../session';
import type { HostContext } from './host-context';
import { frameData, frameTag } from './frames';
import { layout } from './layout';

/**
 * Confluence's editor, reduced to what macros need: the body with each macro rendered as a preview
 * (`isEditing: true`), "Insert" for each macro module, and "Edit" for macros with a custom
 * configuration, which opens the module's `config.resource` in a modal (`macro.isConfiguring`).
 * `view.submit({config})` there stores the config on the page at once (the local editor has no drafts).
 */
export function editorPage(ctx: HostContext, session: Session, content: DemoContent): string {
  const space = ctx.directory.space(content.spaceKey)!;
  const contentRef = { id: content.id, type: content.type };
  const spaceRef = { id: String(space.id), key: space.key };
  const macroModules = ctx.platform.manifest.uiModules.filter((m) => m.type === 'macro');
  const instances = ctx.macros.on(content);
  const previews = instances.flatMap((instance) => {
    const module = ctx.platform.uiModule(instance.moduleKey);
    if (!module) return [];
    const extension = { type: module.type, content: contentRef, space: spaceRef, isEditing: true, ...(instance.config ? { config: instance.config } : {}) };
    const preview = frameTag(module, frameData(ctx, session, module, { localId: instance.localId, extension, container: 'inline' }), 'macro-frame');
    return [html`<div class="editor-macro" data-local-id="${instance.localId}">
  <div class="editor-macro__bar"><span>${module.title}</span>
    ${module.configResource ? configButton(ctx, session, module.key, 'Edit', instance.localId, instance.config, content, contentRef, spaceRef) : ''}
  </div>${preview}</div>`];
  });
  return layout(ctx, session, {
    title: `Editing ${content.title}`,
    main: html`<div class="editor-toolbar" role="toolbar" aria-label="Editor">
  ${macroModules.filter((m) => m.configResource).map((m) => configButton(ctx, session, m.key, `Insert ${m.title}`, null, undefined, content, contentRef, spaceRef))}
  <a class="editor-close" href="${ctx.urls.content(content)}">Close editor</a>
</div>
<h1 class="page-title">${content.title}</h1>
<div class="page-body editor-body">
  ${content.paragraphs.map((text, index) => html`<p>${text}</p>${index === 0 ? previews : ''}`)}
</div>`,
  });
}

function configButton(ctx: HostContext, session: Session, moduleKey: string, label: string, localId: string | null, config: Record<string, unknown> | undefined, content: DemoContent, contentRef: object, spaceRef: object): Html {
  const module = ctx.platform.uiModule(moduleKey)!;
  const configModule = { ...module, resource: module.configResource ?? module.resource, title: module.configTitle ?? module.title };
  const extension = {
    type: module.type, content: contentRef, space: spaceRef, isEditing: true,
    macro: { isConfiguring: true, isInserting: localId === null },
    ...(config ? { config } : {}),
  };
  const frame = frameTag(configModule, frameData(ctx, session, configModule, {
    localId: localId ?? `${content.id}-${module.key}-new`, extension, container: 'modal', macroConfig: { contentId: content.id, localId },
  }), '');
  return html`<button type="button" class="editor-config" data-macro-config data-module-key="${module.key}">${label}</button><template><div class="modal size-${module.configViewportSize ?? 'large'}" role="dialog" aria-label="${configModule.title}">${frame}</div></template>`;
}
