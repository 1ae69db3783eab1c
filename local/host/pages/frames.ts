import type { FrameData } from '../client/protocol';
import { html, type Html } from '../html';
import type { UiModule } from '../manifest';
import { accountIdOf, accountTypeOf } from '../principal';
import type { Session } from '../session';
import type { HostContext } from './host-context';

export interface FrameOptions {
  localId: string;
  extension: Record<string, unknown>;
  container: FrameData['container'];
  routeBase?: string;
  macroConfig?: FrameData['macroConfig'];
}

/** What `view.getContext()` answers inside this frame (the theme is added by the host page at call time). */
export function frameData(ctx: HostContext, session: Session, module: UiModule, options: FrameOptions): FrameData {
  const accountId = accountIdOf(session.principal);
  const { identity } = ctx.platform;
  return {
    moduleKey: module.key,
    localId: options.localId,
    extension: options.extension,
    container: options.container,
    ...(options.routeBase ? { routeBase: options.routeBase } : {}),
    ...(options.macroConfig ? { macroConfig: options.macroConfig } : {}),
    context: {
      ...(accountId ? { accountId } : {}),
      accountType: accountTypeOf(session.principal),
      cloudId: identity.cloudId,
      siteUrl: identity.siteUrl,
      environmentId: identity.environmentId,
      environmentType: 'DEVELOPMENT',
      locale: 'en-US',
      timezone: 'UTC',
      moduleKey: module.key,
      localId: options.localId,
      extension: options.extension,
    },
  };
}

export function frameTag(module: UiModule, data: FrameData, className: string): Html {
  return html`<iframe class="${className}" title="${module.title}" data-module-key="${module.key}" src="/__forge/resources/${module.resource}/index.html" data-forge-frame="${JSON.stringify(data)}"></iframe>`;
}
