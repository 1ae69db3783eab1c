import type { Channel, Settings, Source } from '@contracts/settings';

/**
 * The browser's channel hint is an unverifiable claim: it may refine the source of a view, never
 * decide whether the view exists. It is taken only for a channel whose Auto Tracking is on (so the
 * view is counted under it); a hint naming a channel that is off, or cannot be switched on at all
 * (the Confluence app), is ignored and the view keeps its default source, under that source's rules.
 * A forged hint therefore cannot hide a reader's own view; it can at most relabel it.
 */
export function refineSource(settings: Settings, defaultSource: Source, hint: Channel | undefined): Source {
  return hint !== undefined && settings.autoTracking[hint] ? hint : defaultSource;
}
