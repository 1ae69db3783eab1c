/**
 * Whether the background script must call the `reportView` resolver on this page load. Pure apart
 * from the functions it is given, so that the decision is unit-tested (test/ui/beacon-decision.test.ts).
 *
 * A desktop page load of content the app sees needs no call: Confluence's view event counts the view
 * (and a desktop channel needs no hint). The app writes its content property (`viewtracker_figures`,
 * docs/view-counter.md) only to content its own user sees, so the property's presence is that proof,
 * read **in the browser as the reader** through `@forge/bridge`'s `requestConfluence`: no function
 * runs for it. "The requestConfluence method inherits the Atlassian app permissions of the user that
 * is interacting with the app" (forge-docs-snapshot mirror/call-a-confluence-api/index.md; the bridge
 * calls the product REST API directly since bridge 2.0, "Previously, you'd need to define a resolver",
 * developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/requestConfluence/).
 * Only when no property is found (a page not yet written, or restricted away from the app) or the
 * read fails does the beacon call `reportView`, at most once an hour per page in this browser once
 * the app answered that it sees the page (app-sees-cache.ts).
 *
 * The read itself costs the app Confluence points (as every Forge app request does, user context
 * included: docs/platform-limits.md), about 2 a render. So Confluence is asked instead, for free, by
 * the manifest: two background script modules on the same resource, one shown only where the content
 * carries the property and one only where it does not (`displayConditions` with
 * `entityPropertyExists`, forge-docs-snapshot mirror/manifest-reference/display-conditions/
 * entity-property-conditions/index.md; `confluence:backgroundScript` takes `displayConditions`,
 * mirror/manifest-reference/modules/confluence-background-script/index.md). The module that runs tells
 * the answer (`propertyShown`), and the beacon reads the property only when no module says it.
 */
import type { Channel } from '@contracts/settings';

export const FIGURES_PROPERTY_KEY = 'viewtracker_figures';

export type PropertyLookup = 'present' | 'absent' | 'unknown';

/**
 * `GET /wiki/api/v2/{pages|blogposts}/{id}/properties?key=viewtracker_figures` (confluence-v2.json,
 * getPageContentProperties / getBlogpostContentProperties, scope `read:page:confluence`, which the
 * manifest holds). A 200 with a result: present; a 200 without one: absent; anything else (404 for a
 * reader who may not read it, 429, a network error): unknown, and the beacon falls back to the call.
 */
export function propertyPath(contentType: string, contentId: string): string | null {
  if (!/^\d+$/.test(contentId)) return null;
  const collection = contentType === 'blogpost' ? 'blogposts' : contentType === 'page' ? 'pages' : null;
  return collection ? `/wiki/api/v2/${collection}/${contentId}/properties?key=${FIGURES_PROPERTY_KEY}` : null;
}

export function readLookup(status: number, body: unknown): PropertyLookup {
  if (status !== 200 || typeof body !== 'object' || body === null) return 'unknown';
  const results = (body as { results?: unknown }).results;
  if (!Array.isArray(results)) return 'unknown';
  return results.some((item) => typeof item === 'object' && item !== null && (item as { key?: unknown }).key === FIGURES_PROPERTY_KEY) ? 'present' : 'absent';
}

/** The background script module shown only where the content carries the property (manifest.yml). */
export const FIGURED_BEACON_MODULE = 'channel-beacon-figured';
/** The one shown only where it does not (and on views without content). */
export const PLAIN_BEACON_MODULE = 'channel-beacon';

/**
 * What the running module says of the property: present, absent, or unknown (another module key,
 * e.g. a host that does not evaluate display conditions: then the beacon reads it).
 */
export function propertyShownBy(moduleKey: unknown): boolean | undefined {
  if (moduleKey === FIGURED_BEACON_MODULE) return true;
  if (moduleKey === PLAIN_BEACON_MODULE) return false;
  return undefined;
}

export interface BeaconDeps {
  channel: Channel;
  content: { id: string; type: string } | null;
  now: number;
  /** What Confluence's display condition told (propertyShownBy); undefined: read the property. */
  propertyShown?: boolean | undefined;
  appSeesRecently(contentId: string, now: number): boolean;
  rememberAppSees(contentId: string, now: number): void;
  /** The property read as the reader (bridge `requestConfluence`); never throws. */
  lookupProperty(path: string): Promise<PropertyLookup>;
  /** The `reportView` resolver; true when it answered that the app sees the content. */
  reportView(channel: Channel): Promise<boolean>;
}

export type BeaconOutcome = 'cached' | 'property' | 'reported';

export async function runBeacon(deps: BeaconDeps): Promise<BeaconOutcome> {
  const { channel, content, now } = deps;
  if (channel === 'desktop' && content !== null) {
    if (deps.appSeesRecently(content.id, now)) return 'cached';
    const path = propertyPath(content.type, content.id);
    // Known from the module that runs: no read. Absent: the call below (the view event may never come).
    const present = deps.propertyShown ?? (path !== null && (await deps.lookupProperty(path)) === 'present');
    if (present && path !== null) {
      deps.rememberAppSees(content.id, now);
      return 'property';
    }
  }
  const appSees = await deps.reportView(channel);
  if (appSees && content !== null) deps.rememberAppSees(content.id, now);
  return 'reported';
}
