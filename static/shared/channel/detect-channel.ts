/**
 * Which channel a page is being viewed on, from what the browser shows (used by the macro and by the
 * background channel beacon). Forge tells a Custom UI nothing about the client, so this is the only place
 * the channel can be learnt. The rule, in order:
 *
 * 1. Jira Service Management portal: the page embedding the macro is a portal article
 *    (`/servicedesk/customer/portal/` in the iframe's referrer).
 * 2. Confluence mobile app: its web view names the app in the user agent (`AtlassianMobileApp`,
 *    `ConfluenceCloud/…`).
 * 3. Mobile web: a mobile browser, by `navigator.userAgentData.mobile` where the browser offers it, else
 *    by the user agent's mobile tokens (`Mobi`, `Android`, `iPhone`, `iPad`, `iPod`), else an iPad in
 *    desktop mode (a "Macintosh" that has a touch screen).
 * 4. Desktop: everything else.
 *
 * The viewport width is deliberately not used: inside an iframe it is the frame's width, not the screen's.
 * Linchpin views never reach a Custom UI; Linchpin reports them through the view API.
 */
import type { Channel } from '@contracts/settings';
import { isRecord } from '../api/guards';

export interface BrowserFacts {
  userAgent: string;
  /** `navigator.userAgentData?.mobile`; undefined where the browser does not offer client hints. */
  mobileHint?: boolean;
  maxTouchPoints: number;
  referrer: string;
}

const PORTAL_PATH = /\/servicedesk\/customer\/portal\//;
const CONFLUENCE_APP = /\bAtlassianMobileApp\b|\bConfluenceCloud\//i;
const MOBILE_TOKENS = /Mobi|Android|iPhone|iPad|iPod|Opera Mini|IEMobile/i;

export function detectChannel(facts: BrowserFacts): Channel {
  if (PORTAL_PATH.test(facts.referrer)) return 'jsm-portal';
  if (CONFLUENCE_APP.test(facts.userAgent)) return 'confluence-app';
  if (facts.mobileHint === true) return 'mobile-web';
  if (MOBILE_TOKENS.test(facts.userAgent)) return 'mobile-web';
  if (/Macintosh/.test(facts.userAgent) && facts.maxTouchPoints > 1) return 'mobile-web';
  return 'desktop';
}

/** The facts of the current browser. */
export function browserFacts(): BrowserFacts {
  // User-agent client hints are not in TypeScript's DOM types (and not in every browser): read them as unknown.
  const hints: unknown = Reflect.get(navigator, 'userAgentData');
  return {
    userAgent: navigator.userAgent,
    mobileHint: isRecord(hints) && typeof hints.mobile === 'boolean' ? hints.mobile : undefined,
    maxTouchPoints: navigator.maxTouchPoints ?? 0,
    referrer: document.referrer,
  };
}
