/**
 * What the byline property of one content should hold, and whether the app must write it. Pure.
 *
 * The property is read by Confluence on render (`contentPropertyKey`: its `title`, `icon` and
 * `tooltip`; Forge's manifest reference, confluence:contentBylineItem, "Content properties to store
 * byline properties") and indexed for CQL (`views`, `views30d`, `lastViewed`; manifest.yml
 * `confluence:contentProperty`). Anyone who may view the content may read its properties through
 * REST ("Users can access entity and app properties using the REST APIs", Confluence entity
 * properties), so it holds counts only, never a person, and nothing when the count must be hidden.
 */
import type { BylineState, ContentStatsRow } from '../../../core/model/rows';
import { isHidden } from '../../../core/model/content-status';

export const DEFAULT_TOOLTIP = 'Open page statistics';
export const HIDDEN_TITLE = 'Page statistics';
export const HIDDEN_TOOLTIP = 'Views are hidden while this content is archived or in the trash';

export interface PropertyValue {
  title: string;
  tooltip: string;
  views?: number;
  views30d?: number;
  /** `date` index type: `YYYY-MM-DDThh:mm:ssZ` (Forge's manifest reference, confluence:contentProperty). */
  lastViewed?: string;
}

export interface Desired {
  shown: 'count' | 'hidden';
  value: PropertyValue;
  views: number;
  views30d: number;
  lastViewedAt: number;
}

/** "1 view", "128 views", "12.3K views": the byline's title, as the dynamicProperties function says it. */
export function viewCountTitle(views: number): string {
  return `${compactNumber(views)} ${views === 1 ? 'view' : 'views'}`;
}

export function compactNumber(value: number): string {
  if (value < 1000) return String(value);
  for (const [size, suffix] of [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']] as const) {
    if (value >= size) {
      const scaled = value / size;
      // One decimal below 100 (12.3K), none above (123K); never round up into a wrong unit label.
      return `${scaled < 100 ? Math.floor(scaled * 10) / 10 : Math.floor(scaled)}${suffix}`;
    }
  }
  return String(value);
}

/** Seconds precision, `Z` offset: the form the `date` index type documents. */
export function cqlDateTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19)}Z`;
}

/**
 * The property for a content row. The View Counter switch off, or archived/trashed content: a neutral
 * title and no figures (the property is readable through REST by the page's readers, so leaving the
 * figures would not hide them). The figures are those of the row as committed, never more.
 */
export function desiredProperty(row: ContentStatsRow, views30d: number, viewCounter: boolean): Desired {
  if (!viewCounter) return { shown: 'hidden', value: { title: HIDDEN_TITLE, tooltip: DEFAULT_TOOLTIP }, views: 0, views30d: 0, lastViewedAt: 0 };
  if (isHidden(row)) return { shown: 'hidden', value: { title: HIDDEN_TITLE, tooltip: HIDDEN_TOOLTIP }, views: 0, views30d: 0, lastViewedAt: 0 };
  const value: PropertyValue = {
    title: viewCountTitle(row.views), tooltip: DEFAULT_TOOLTIP, views: row.views, views30d,
    ...(row.lastViewedAt > 0 ? { lastViewed: cqlDateTime(row.lastViewedAt) } : {}),
  };
  return { shown: 'count', value, views: row.views, views30d, lastViewedAt: row.lastViewedAt };
}

/** Whether the property already shows exactly this (then no write, no point spent). */
export function alreadyShown(state: BylineState | undefined, desired: Desired): boolean {
  if (!state || state.shown === 'fallback') return false;
  return state.shown === desired.shown && state.views === desired.views && state.views30d === desired.views30d && state.lastViewedAt === desired.lastViewedAt;
}

/** Content Confluence would show a byline for: pages and blog posts that still exist. */
export function carriesByline(row: ContentStatsRow): boolean {
  return (row.contentType === 'page' || row.contentType === 'blogpost') && row.status !== 'purged';
}

/** The state recorded with the row once Confluence stored the property. */
export function writtenState(desired: Desired, property: { id: string; version: number }, rowVersion: number, now: number): BylineState {
  return {
    propertyId: property.id, propertyVersion: property.version, rowVersion, shown: desired.shown,
    views: desired.views, views30d: desired.views30d, lastViewedAt: desired.lastViewedAt, writtenAt: now,
  };
}

/** The app may not write this content's property (restricted away from the app user): today's function call renders it. */
export function fallbackState(previous: BylineState | undefined, rowVersion: number, now: number): BylineState {
  return { rowVersion, shown: 'fallback', views: 0, views30d: 0, lastViewedAt: 0, writtenAt: now, ...(previous?.propertyId ? { propertyId: previous.propertyId } : {}) };
}

/** Fallback content is asked again after this long: restrictions change without an event (CONFCLOUD-82583). */
export const FALLBACK_RETRY_MS = 7 * 86_400_000;
