import { z } from 'zod';
import { CHANNELS } from '@contracts/settings';
import type { Envelope } from '@contracts/envelope';
import type { ReportViewResult } from '@contracts/resolvers';
import { parseWith } from '../core/parse';
import { fetchContentAsApp, fetchContentAsReader } from '../platform/confluence/permissions';
import { MemoryCache } from '../platform/memory-cache';
import { callerOf, claimedContentId } from '../platform/resolver/context';
import { fail, ok } from '../platform/resolver/envelope';
import { reportChannelResolver } from './tracking-resolvers';
import { trackView } from './track-view';

const reportViewPayload = z.object({ channel: z.enum(CHANNELS) }).strict();

/**
 * Whether the app's own user sees a content, per function instance. On Cloud it sees a page only when
 * no restriction excludes it (ECO-822), and Confluence sends no view event for content it cannot see
 * (ECO-961). Restrictions change without an event (CONFCLOUD-82583), so the answer is kept briefly.
 */
const appSees = new MemoryCache<boolean>(10 * 60_000);
/** Recorded views per reader and minute, per function instance: a script cannot turn the beacon into a write flood. */
const MAX_VIEWS_PER_MINUTE = 30;
const viewBudget = new MemoryCache<number>(60_000);

async function appSeesContent(contentId: string): Promise<boolean> {
  const known = appSees.get(contentId);
  if (known !== undefined) return known;
  const sees = (await fetchContentAsApp(contentId)) !== null;
  appSees.set(contentId, sees);
  return sees;
}

/**
 * The background script's report of one page load, made in the reader's browser on every page.
 * - Content the app's user sees: Confluence's view event counts the view; the beacon only leaves a
 *   channel hint for a non-desktop channel (as `reportChannel`), and the browser may skip the call
 *   for a while (`appSees: true`).
 * - Content restricted away from the app: no event will come, so the beacon records the view itself,
 *   after Confluence confirmed, **as the reader** (`asUser()`), that the reader may read it. The viewer
 *   comes from the trusted context and the time from our clock, so a forged call can at most record
 *   the caller's own view of a page they may read. The view is marked `beacon`: should Confluence send
 *   an event for the same page load after all (the app was added to the restriction meanwhile), the
 *   two are one view (PAIR_WINDOW_MS in core/model/blocking-time.ts), whichever arrives first.
 * Guests and anonymous visitors cannot make `asUser()` calls on Forge: their views of content the app
 * cannot see are not recorded (docs/restricted-content.md).
 */
export async function reportViewResolver(payload: unknown, context: unknown): Promise<Envelope<ReportViewResult>> {
  const parsed = parseWith(reportViewPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const contentId = claimedContentId(context);
  if (!contentId) return fail('invalid-input', 'The background script runs on content pages only.');
  const caller = callerOf(context);
  if (caller.kind !== 'user') return ok({ appSees: null, recorded: false, stored: false });
  if (await appSeesContent(contentId)) {
    if (parsed.value.channel === 'desktop') return ok({ appSees: true, recorded: false, stored: false });
    const hint = await reportChannelResolver(payload, context);
    return hint.ok ? ok({ appSees: true, recorded: false, stored: hint.data.stored }) : hint;
  }
  if (caller.accountType !== 'licensed') return ok({ appSees: false, recorded: false, stored: false });
  const used = viewBudget.get(caller.accountId) ?? 0;
  if (used >= MAX_VIEWS_PER_MINUTE) return ok({ appSees: false, recorded: false, stored: false });
  viewBudget.set(caller.accountId, used + 1);
  const content = await fetchContentAsReader(contentId);
  if (!content || content.type === 'attachment') return fail('not-found', 'This page does not exist or you may not see it.');
  const outcome = await trackView({
    via: 'auto',
    view: {
      contentId: content.id, contentType: content.type, spaceKey: content.space.key, title: content.title,
      viewer: { kind: 'user', accountId: caller.accountId }, at: Date.now(), source: parsed.value.channel, observedBy: 'beacon',
    },
  });
  return ok({ appSees: false, recorded: outcome.tracked, stored: false });
}
