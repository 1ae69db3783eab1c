import type { Channel } from '@contracts/settings';
import { currentApiToken } from './view-api-token';

/**
 * Channels Forge gives us no way to observe by itself. The JSM portal and Linchpin can only report
 * views through the view API, so their Auto Tracking switch is usable only while an API token exists;
 * otherwise it is shown disabled with the reason, and saving it switched on is refused: a switch must
 * never do nothing. See README "Channels".
 */
const NEEDS_VIEW_API: Partial<Record<Channel, string>> = {
  'jsm-portal': 'Jira Service Management portals do not report knowledge-base views to Forge apps. Create a view API token below and let the portal integration report them.',
  linchpin: 'Linchpin does not run on Confluence Cloud by itself. Create a view API token below and let Linchpin report its views.',
};

export async function unavailableChannels(): Promise<Array<{ channel: Channel; reason: string }>> {
  if (await currentApiToken()) return [];
  return (Object.keys(NEEDS_VIEW_API) as Channel[]).map((channel) => ({ channel, reason: NEEDS_VIEW_API[channel]! }));
}
