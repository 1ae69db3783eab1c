/**
 * The channel beacon: an invisible background script on every page, running as the reader.
 * - Confluence's view event names no client, so it tells the backend which channel the reader is on
 *   (see shared/channel/detect-channel.ts).
 * - Confluence sends no view event for content restricted away from the app's own user (ECO-961): for
 *   such content the backend records the view itself, once it confirmed as the reader that they may
 *   read it (src/tracking/beacon-view.ts).
 * A desktop reader of a page the app sees costs one invocation an hour per page (app-sees-cache.ts).
 * No React and no styles: it renders nothing and must stay small.
 */
import { view } from '@forge/bridge';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { browserFacts, detectChannel } from '../../shared/channel/detect-channel';
import { isRecord } from '../../shared/api/guards';
import { appSeesRecently, rememberAppSees, type SmallStorage } from './app-sees-cache';

function storage(): SmallStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function contentIdOf(): Promise<string | null> {
  try {
    const context: unknown = await view.getContext();
    const extension = isRecord(context) ? context.extension : undefined;
    const content = isRecord(extension) ? extension.content : undefined;
    const id = isRecord(content) ? content.id : undefined;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}

async function report(): Promise<void> {
  const channel = detectChannel(browserFacts());
  const contentId = await contentIdOf();
  if (channel === 'desktop' && contentId !== null && appSeesRecently(storage(), contentId, Date.now())) return;
  // Fire and forget: a lost report only files this one view under Desktop (or, on a page the app
  // cannot see, leaves this one page load uncounted).
  const answer = await invokeResolver('reportView', { channel });
  if (answer.ok && answer.data.appSees === true && contentId !== null) rememberAppSees(storage(), contentId, Date.now());
}

void report();
