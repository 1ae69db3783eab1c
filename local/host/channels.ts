import type { Channel } from '@contracts/settings';

/**
 * The channels a visitor can choose in the host's top bar. Forge tells an app nothing about the
 * client, so the host reproduces what a Custom UI can observe in the browser on each channel:
 * - the iframe's `navigator.userAgent` (and `navigator.userAgentData.mobile`), set by the injected
 *   bridge script before the app's bundle runs;
 * - for the JSM portal, the page is the portal's article URL (`/servicedesk/customer/portal/...`), which
 *   the iframe sees as `document.referrer`.
 * No field is added to the Forge context: an app that relied on one would work here and fail on Cloud.
 */
export const HOST_CHANNELS = ['desktop', 'mobile-web', 'confluence-app', 'jsm-portal'] as const satisfies readonly Channel[];
export type HostChannel = (typeof HOST_CHANNELS)[number];

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)';

/** User agents shown to Custom UIs; `null` keeps the browser's own. */
export const CHANNEL_USER_AGENTS: Record<HostChannel, string | null> = {
  desktop: null,
  'mobile-web': `${IPHONE} Version/17.4 Mobile/15E148 Safari/604.1`,
  // Confluence's mobile apps render content in a web view whose user agent names the app.
  'confluence-app': `${IPHONE} Mobile/15E148 AtlassianMobileApp/Confluence ConfluenceCloud/7.4.0`,
  'jsm-portal': null,
};

export const CHANNEL_LABELS: Record<HostChannel, string> = {
  desktop: 'Desktop',
  'mobile-web': 'Mobile web',
  'confluence-app': 'Confluence app',
  'jsm-portal': 'JSM portal',
};

export function isHostChannel(value: string | undefined): value is HostChannel {
  return (HOST_CHANNELS as readonly string[]).includes(value ?? '');
}

/** Confluence fires `avi:confluence:viewed:*` for its own clients; a JSM portal article view does not reach Forge. */
export function channelFiresProductEvent(channel: HostChannel): boolean {
  return channel !== 'jsm-portal';
}
