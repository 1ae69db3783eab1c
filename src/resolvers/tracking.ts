import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import { CHANNELS } from '@contracts/settings';
import type { ContentSummary, TrackViewResult } from '@contracts/resolvers';
import { parseWith } from '../domain/parse';
import { fetchVisibleContent, type VisibleContent } from '../confluence/permissions';
import { getContentStats, writeChannelHint } from '../storage/view-store';
import { currentSettings } from '../services/settings-source';
import { storedViewerFor, trackView } from '../services/track-view';
import { callerOf, claimedContentId, type Caller } from './context';
import { fail, ok } from './envelope';

const trackViewPayload = z.object({ channel: z.enum(CHANNELS) }).strict();

/**
 * The macro reports a view where its channel is not auto-tracked. The viewer comes from the trusted
 * context, the time from our clock, and the content must be visible to the caller: a forged call can
 * at most record the caller's own view of a page they may see, and the blocking time still applies.
 */
export async function trackViewResolver(payload: unknown, context: unknown): Promise<Envelope<TrackViewResult>> {
  const parsed = parseWith(trackViewPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const caller = callerOf(context);
  const content = await verifiedContent(context, caller);
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
      viewer: caller.kind === 'user' ? { kind: 'user', accountId: caller.accountId } : { kind: 'anonymous' },
      at: Date.now(), source: parsed.value.channel,
    },
  });
  const views = await viewsOf(content.id);
  return ok(outcome.tracked ? { tracked: true, views } : { tracked: false, reason: outcome.reason, views });
}

const reportChannelPayload = z.object({ channel: z.enum(CHANNELS) }).strict();

/**
 * The background script runs in the reader's browser on every page and tells which channel it sees.
 * Desktop is the default and costs nothing; other channels leave a short-lived hint that the view
 * event's handler reads in its batch. A forged hint can only misfile the caller's own view.
 */
export async function reportChannelResolver(payload: unknown, context: unknown): Promise<Envelope<{ stored: boolean }>> {
  const parsed = parseWith(reportChannelPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const contentId = claimedContentId(context);
  if (!contentId) return fail('invalid-input', 'The background script runs on content pages only.');
  if (parsed.value.channel === 'desktop') return ok({ stored: false });
  const caller = callerOf(context);
  const viewer = caller.kind === 'user' ? { kind: 'user' as const, accountId: caller.accountId } : { kind: 'anonymous' as const };
  await writeChannelHint(contentId, await storedViewerFor(viewer, Date.now()), parsed.value.channel);
  return ok({ stored: true });
}

export async function getContentSummaryResolver(_payload: unknown, context: unknown): Promise<Envelope<ContentSummary>> {
  const content = await verifiedContent(context, callerOf(context));
  if (!content) return fail('not-found', 'This page does not exist or you may not see it.');
  const [stats, settings] = await Promise.all([getContentStats(content.id), currentSettings()]);
  return ok({
    contentId: content.id,
    views: stats?.views ?? 0,
    viewers: stats?.viewers ?? 0,
    anonymousViews: stats?.anonymousViews ?? 0,
    lastViewedAt: stats && stats.lastViewedAt > 0 ? stats.lastViewedAt : null,
    viewCounterEnabled: settings.viewCounter,
  });
}

async function verifiedContent(context: unknown, caller: Caller): Promise<VisibleContent | null> {
  const contentId = claimedContentId(context);
  if (!contentId) return null;
  return fetchVisibleContent(contentId, caller.kind === 'user' ? 'user' : 'app');
}

async function viewsOf(contentId: string): Promise<number> {
  return (await getContentStats(contentId))?.views ?? 0;
}
