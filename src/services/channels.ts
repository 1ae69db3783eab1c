import type { Channel } from '@contracts/settings';

/**
 * Channels Forge gives us no way to observe on this site. Their Auto Tracking switch is shown
 * disabled with this reason, and saving it switched on is refused: a switch must never do nothing.
 * See README "Channels" for how every channel is detected.
 */
const UNOBSERVABLE: Partial<Record<Channel, string>> = {
  'jsm-portal': 'Jira Service Management portals do not report Confluence article views to Forge apps. Portal views can be reported through the view API.',
  linchpin: 'Linchpin is not installed on this site. Linchpin can report views through the view API.',
};

export function unavailableChannels(): Array<{ channel: Channel; reason: string }> {
  return Object.entries(UNOBSERVABLE).map(([channel, reason]) => ({ channel: channel as Channel, reason }));
}
