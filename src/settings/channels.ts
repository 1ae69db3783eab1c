import type { Channel } from '@contracts/settings';
import { currentApiToken } from './view-api-token';

/**
 * Channels Forge gives us no way to observe by itself. The JSM portal and Linchpin can only report
 * views through the view API, so their Auto Tracking switch is usable only while an API token exists;
 * otherwise it is shown disabled with the reason, and saving it switched on is refused: a switch must
 * never do nothing. See docs/tracking.md "Channels".
 */
const NEEDS_VIEW_API: Partial<Record<Channel, string>> = {
  'jsm-portal': 'Jira Service Management portals do not report knowledge-base views to Forge apps. Create a view API token below and let the portal integration report them.',
  linchpin: 'Linchpin does not run on Confluence Cloud by itself. Create a view API token below and let Linchpin report its views.',
};

/** No Forge surface runs in the Confluence mobile apps and the view event names no client. */
const NEVER_OBSERVABLE: Partial<Record<Channel, string>> = {
  'confluence-app': 'Forge apps cannot tell the Confluence mobile apps apart: no app module runs there and Confluence\'s view events name no client. Views that Confluence reports from the apps are counted as Desktop.',
};

export async function unavailableChannels(): Promise<Array<{ channel: Channel; reason: string }>> {
  const reasons = { ...NEVER_OBSERVABLE, ...((await currentApiToken()) ? {} : NEEDS_VIEW_API) };
  return (Object.keys(reasons) as Channel[]).map((channel) => ({ channel, reason: reasons[channel]! }));
}
