/**
 * The channel beacon: an invisible background script on every page. Confluence's view event names no
 * client, so this tells the backend which channel the reader is on (see shared/channel/detect-channel.ts).
 * Desktop is what the backend assumes without a hint, so desktop readers cost no invocation at all.
 * No React and no styles: it renders nothing and must stay small.
 */
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { browserFacts, detectChannel } from '../../shared/channel/detect-channel';

const channel = detectChannel(browserFacts());
if (channel !== 'desktop') {
  // Fire and forget: a lost hint only files this one view under Desktop.
  void invokeResolver('reportChannel', { channel });
}
