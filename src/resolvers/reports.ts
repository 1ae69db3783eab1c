import type { Envelope } from '@contracts/envelope';
import type { GlobalReport } from '@contracts/resolvers';
import { topContentAllTime } from '../storage/content-ranking';
import { currentSettings } from '../services/settings-source';
import { mayOpenGlobalReport } from '../services/report-access';
import { callerOf } from './context';
import { fail, ok } from './envelope';

const TOP_CONTENT = 50;

export async function getGlobalReportResolver(_payload: unknown, context: unknown): Promise<Envelope<GlobalReport>> {
  const caller = callerOf(context);
  if (caller.kind !== 'user' || !(await mayOpenGlobalReport(caller.accountId, await currentSettings()))) {
    return fail('forbidden', 'The global report is open to Confluence administrators and to members of the group an administrator chose.');
  }
  const rows = await topContentAllTime(TOP_CONTENT);
  return ok({
    generatedAt: Date.now(),
    topContent: rows.map((row) => ({
      contentId: row.contentId, title: row.title, spaceKey: row.spaceKey, contentType: row.contentType,
      views: row.views, viewers: row.viewers, lastViewedAt: row.lastViewedAt > 0 ? row.lastViewedAt : null,
    })),
  });
}
