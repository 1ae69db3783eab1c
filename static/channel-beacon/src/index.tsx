/**
 * The channel beacon: an invisible background script on every page, running as the reader.
 * - Confluence's view event names no client, so it tells the backend which channel the reader is on
 *   (see shared/channel/detect-channel.ts).
 * - Confluence sends no view event for content restricted away from the app's own user (ECO-961): for
 *   such content the backend records the view itself, once it confirmed as the reader that they may
 *   read it (src/tracking/beacon-view.ts).
 * A desktop reader of a page that carries the app's content property costs no invocation: the beacon
 * reads the property as the reader through the bridge and skips the call (beacon-decision.ts).
 * No React and no styles: it renders nothing and must stay small.
 */
import { requestConfluence, view } from '@forge/bridge';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { browserFacts, detectChannel } from '../../shared/channel/detect-channel';
import { isRecord } from '../../shared/api/guards';
import { appSeesRecently, rememberAppSees, type SmallStorage } from './app-sees-cache';
import { propertyShownBy, readLookup, runBeacon, type PropertyLookup } from './beacon-decision';

function storage(): SmallStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The module key this script runs as: which of the two display conditions Confluence found true. */
async function moduleKeyOf(): Promise<unknown> {
  try {
    const context: unknown = await view.getContext();
    return isRecord(context) ? context.moduleKey : undefined;
  } catch {
    return undefined;
  }
}

async function contentOf(): Promise<{ id: string; type: string } | null> {
  try {
    const context: unknown = await view.getContext();
    const extension = isRecord(context) ? context.extension : undefined;
    const content = isRecord(extension) ? extension.content : undefined;
    const id = isRecord(content) ? content.id : undefined;
    const type = isRecord(content) && typeof content.type === 'string' ? content.type : 'page';
    return typeof id === 'string' || typeof id === 'number' ? { id: String(id), type } : null;
  } catch {
    return null;
  }
}

/** The app's content property, read as the reader (no function runs for it). */
async function lookupProperty(path: string): Promise<PropertyLookup> {
  try {
    const response = await requestConfluence(path, { headers: { Accept: 'application/json' } });
    return readLookup(response.status, response.status === 200 ? await response.json() : null);
  } catch {
    return 'unknown';
  }
}

async function report(): Promise<void> {
  const local = storage();
  await runBeacon({
    channel: detectChannel(browserFacts()),
    content: await contentOf(),
    propertyShown: propertyShownBy(await moduleKeyOf()),
    now: Date.now(),
    appSeesRecently: (id, now) => appSeesRecently(local, id, now),
    rememberAppSees: (id, now) => rememberAppSees(local, id, now),
    lookupProperty,
    // Fire and forget: a lost report only files this one view under Desktop (or, on a page the app
    // cannot see, leaves this one page load uncounted).
    reportView: async (channel) => {
      const answer = await invokeResolver('reportView', { channel });
      return answer.ok && answer.data.appSees === true;
    },
  });
}

void report();
