import type { Envelope } from '@contracts/envelope';
import { z } from 'zod';
import type { ContentRanking, GlobalReport, SpaceReport } from '@contracts/resolvers';
import type { ContentStatsRow } from '../domain/rows';
import { stalestContentOfSpace, topContentAllTime, topContentOfSpace } from '../storage/content-ranking';
import { currentSettings } from '../services/settings-source';
import { mayOpenGlobalReport } from '../services/report-access';
import { mapInChunks } from '../services/in-chunks';
import { callerOf } from './context';
import { fetchContentReadableBy } from '../confluence/permissions';
import { isConfluenceAdmin } from '../services/admin-check';
import { fail, ok } from './envelope';

const TOP_CONTENT = 50;

const FORBIDDEN_REPORT = 'Viewtracker reports are open to Confluence administrators and to members of the group an administrator chose.';

export async function getGlobalReportResolver(_payload: unknown, context: unknown): Promise<Envelope<GlobalReport>> {
  const caller = callerOf(context);
  if (caller.kind !== 'user' || !(await mayOpenGlobalReport(caller.accountId, await currentSettings()))) return fail('forbidden', FORBIDDEN_REPORT);
  const rows = await topContentAllTime(TOP_CONTENT);
  return ok({ generatedAt: Date.now(), topContent: await ranked(caller.accountId, rows) });
}

const spaceClaim = z.object({ extension: z.object({ space: z.object({ key: z.string().regex(/^~?[A-Za-z0-9]{1,255}$/) }).passthrough() }).passthrough() }).passthrough();

/** The space report (space page module): same audience as the global report, for one space. */
export async function getSpaceReportResolver(_payload: unknown, context: unknown): Promise<Envelope<SpaceReport>> {
  const caller = callerOf(context);
  if (caller.kind !== 'user' || !(await mayOpenGlobalReport(caller.accountId, await currentSettings()))) return fail('forbidden', FORBIDDEN_REPORT);
  const claim = spaceClaim.safeParse(context);
  if (!claim.success) return fail('invalid-input', 'The space report runs in a space.');
  const spaceKey = claim.data.extension.space.key;
  const [top, stale] = await Promise.all([topContentOfSpace(spaceKey, TOP_CONTENT), stalestContentOfSpace(spaceKey, TOP_CONTENT)]);
  return ok({ spaceKey, generatedAt: Date.now(), topContent: await ranked(caller.accountId, top), staleContent: await ranked(caller.accountId, stale) });
}

async function ranked(accountId: string, rows: ContentStatsRow[]): Promise<ContentRanking[]> {
  const readable = await readableBy(accountId, rows.map((row) => row.contentId));
  return rows.map((row) => ({
    contentId: row.contentId, title: readable.has(row.contentId) ? row.title : '', titleHidden: !readable.has(row.contentId),
    spaceKey: row.spaceKey, contentType: row.contentType,
    views: row.views, viewers: row.viewers, lastViewedAt: row.lastViewedAt > 0 ? row.lastViewedAt : null,
  }));
}

/**
 * Report-group members are not admins: titles of pages they may not read stay hidden (asked of
 * Confluence 10 at a time). Administrators see every title, as in Confluence itself.
 */
async function readableBy(accountId: string, contentIds: string[]): Promise<Set<string>> {
  if (await isConfluenceAdmin(accountId)) return new Set(contentIds);
  const answers = await mapInChunks(contentIds, 10, (id) => fetchContentReadableBy(id, accountId));
  return new Set(contentIds.filter((_, index) => answers[index] !== null));
}
