import { z } from 'zod';
import { CHANNELS } from '@contracts/settings';
import type { Envelope } from '@contracts/envelope';
import type { TrackViewResult } from '@contracts/resolvers';
import { parseWith } from '../core/parse';
import { fetchContentReadableBy, type VisibleContent } from '../platform/confluence/permissions';
import { MemoryCache } from '../platform/memory-cache';
import { writeChannelHint } from './storage/view-store';
import { refineRecentView } from './refine-channel';
import { getContentStats } from '../core/storage/content-stats';
import { currentSettings } from '../settings/index';
import { storedViewerFor, trackView } from './track-view';
import { pseudonymFor } from '../privacy/index';
import { callerOf, claimedContentId } from '../platform/resolver/context';
import { fail, ok } from '../platform/resolver/envelope';

/**
 * The channel is the browser's own observation. A signed-in caller who forges it only relabels their
 * own view, and the blocking time still stops the macro and the view event from counting one page load twice.
 */
const trackViewPayload = z.object({ channel: z.enum(CHANNELS) }).strict();

const SIGN_IN = 'Sign in to see and record page views here. Anonymous visits are counted from Confluence\'s own view events.';

/**
 * The macro reports a view where its channel is not auto-tracked. The viewer comes from the trusted
 * context, the time from our clock, and the content must be visible to the caller: a forged call can
 * at most record the caller's own view of a page they may see, and the blocking time still applies.
 */
export async function trackViewResolver(payload: unknown, context: unknown): Promise<Envelope<TrackViewResult>> {
  const parsed = parseWith(trackViewPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const caller = callerOf(context);
  // An app cannot ask Confluence what an anonymous visitor may see, so it takes nothing from them.
  if (caller.kind !== 'user') return fail('forbidden', SIGN_IN);
  const content = await verifiedContent(context, caller.accountId);
  if (!content) return fail('not-found', 'This page does not exist or you may not see it.');

  const settings = await currentSettings();
  if (settings.autoTracking[parsed.value.channel]) {
    // Confluence's own view event already counts this channel; counting here too would count twice.
    return ok({ tracked: false, reason: 'auto-tracked', views: await viewsOf(content.id) });
  }
  const outcome = await trackView({
    via: 'macro',
    view: {
      contentId: content.id, contentType: content.type, spaceKey: content.space.key, title: content.title,
      viewer: { kind: 'user', accountId: caller.accountId },
      at: Date.now(), source: parsed.value.channel,
    },
  });
  const views = await viewsOf(content.id);
  return ok(outcome.tracked ? { tracked: true, views } : { tracked: false, reason: outcome.reason, views });
}

/** Desktop is the default: nothing is stored for it. */
const reportChannelPayload = z.object({ channel: z.enum(CHANNELS) }).strict();
/** Hints per user and minute, per function instance: a script cannot turn the beacon into a write flood. */
const MAX_HINTS_PER_MINUTE = 30;
const hintBudget = new MemoryCache<number>(60_000);

/**
 * The background script runs in the reader's browser on every page and tells which channel it sees.
 * Desktop is the default and costs nothing; other channels leave a short-lived hint that the view
 * event's handler reads in its batch. The hint must name content the caller may read, and it is
 * stored only for a channel whose Auto Tracking is on: any other hint would be ignored anyway (see
 * rules/channel-hint.ts), so a forged one can at most relabel the caller's own view. A hint that
 * arrives after its view was recorded refines that view (refine-channel.ts).
 */
export async function reportChannelResolver(payload: unknown, context: unknown): Promise<Envelope<{ stored: boolean }>> {
  const parsed = parseWith(reportChannelPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  if (!claimedContentId(context)) return fail('invalid-input', 'The background script runs on content pages only.');
  const caller = callerOf(context);
  // Anonymous visitors share one identity: one visitor's hint would relabel everyone's views.
  if (parsed.value.channel === 'desktop' || caller.kind !== 'user') return ok({ stored: false });
  if (!(await currentSettings()).autoTracking[parsed.value.channel]) return ok({ stored: false });
  const used = hintBudget.get(caller.accountId) ?? 0;
  if (used >= MAX_HINTS_PER_MINUTE) return ok({ stored: false });
  hintBudget.set(caller.accountId, used + 1);
  const content = await verifiedContent(context, caller.accountId);
  if (!content) return fail('not-found', 'This page does not exist or you may not see it.');
  const now = Date.now();
  const storedViewer = await storedViewerFor({ kind: 'user', accountId: caller.accountId }, now);
  // Keyed by the day's pseudonym in every privacy mode: the hint's key holds no account id.
  await writeChannelHint(content.id, await pseudonymFor(caller.accountId, now), parsed.value.channel);
  // The view event may have come first and filed the view under Desktop: the hint refines it (once).
  await refineRecentView(content.id, storedViewer, parsed.value.channel, now);
  return ok({ stored: true });
}

/** Permission answers are cached briefly: the macro's view and the channel beacon of one page ask twice. */
const readable = new MemoryCache<VisibleContent | null>(60_000);

async function verifiedContent(context: unknown, accountId: string): Promise<VisibleContent | null> {
  const contentId = claimedContentId(context);
  if (!contentId) return null;
  const key = `${accountId}|${contentId}`;
  const cached = readable.get(key);
  if (cached !== undefined) return cached;
  const content = await fetchContentReadableBy(contentId, accountId);
  readable.set(key, content);
  return content;
}

async function viewsOf(contentId: string): Promise<number> {
  return (await getContentStats(contentId))?.views ?? 0;
}
