import type { Envelope } from '@contracts/envelope';
import type { GlobalReport } from '@contracts/resolvers';
import { topContentAllTime } from '../storage/content-ranking';
import { currentSettings } from '../services/settings-source';
import { mayOpenGlobalReport } from '../services/report-access';
import { callerOf } from './context';
import { fetchContentReadableBy } from '../confluence/permissions';
import { isConfluenceAdmin } from '../services/admin-check';
import { fail, ok } from './envelope';

const TOP_CONTENT = 50;

export async function getGlobalReportResolver(_payload: unknown, context: unknown): Promise<Envelope<GlobalReport>> {
  const caller = callerOf(context);
  if (caller.kind !== 'user' || !(await mayOpenGlobalReport(caller.accountId, await currentSettings()))) {
    return fail('forbidden', 'The global report is open to Confluence administrators and to members of the group an administrator chose.');
  }
  const rows = await topContentAllTime(TOP_CONTENT);
  const readable = await readableBy(caller.accountId, rows.map((row) => row.contentId));
  return ok({
    generatedAt: Date.now(),
    topContent: rows.map((row) => ({
      contentId: row.contentId, title: readable.has(row.contentId) ? row.title : '', titleHidden: !readable.has(row.contentId),
      spaceKey: row.spaceKey, contentType: row.contentType,
      views: row.views, viewers: row.viewers, lastViewedAt: row.lastViewedAt > 0 ? row.lastViewedAt : null,
    })),
  });
}

/**
 * Report-group members are not admins: titles of pages they may not read stay hidden (asked of
 * Confluence 10 at a time). Administrators see every title, as in Confluence itself.
 */
async function readableBy(accountId: string, contentIds: string[]): Promise<Set<string>> {
  if (await isConfluenceAdmin(accountId)) return new Set(contentIds);
  const readable = new Set<string>();
  for (let start = 0; start < contentIds.length; start += 10) {
    const chunk = contentIds.slice(start, start + 10);
    const answers = await Promise.all(chunk.map((id) => fetchContentReadableBy(id, accountId)));
    chunk.forEach((id, index) => {
      if (answers[index]) readable.add(id);
    });
  }
  return readable;
}
