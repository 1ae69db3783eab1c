import type { Envelope } from '@contracts/envelope';
import type { AttachmentViews, InventoryStatus } from '@contracts/inventory';
import { inventoryStatus, runBackfill, startBackfill } from './inventory-backfill';
import { readInventoryJob } from './inventory-store';
import { readMonthBackfillJob } from '../month-backfill/month-backfill-store';
import { runMonthBackfill } from '../month-backfill/month-backfill';
import { FORBIDDEN, requireAdmin } from '../../access/require-admin';
import { fail, ok } from '../../platform/resolver/envelope';
import { attachmentsOf } from './attachment-views-store';
import { claimedContentId, callerOf } from '../../platform/resolver/context';
import { fetchContentReadableBy } from '../../platform/confluence/permissions';

/** A resolver has 25 s: the settings page's "run now" does a first slice, scheduled runs the rest. */
const RESOLVER_BUDGET_MS = 12_000;

/**
 * The month backfill runs from the hourly trigger; a site with nothing (or little) to backfill would
 * read "running" until then. When an admin looks, a running job takes a short slice first (leased, so
 * it never runs twice at once): a job with nothing to do is done by the time the status answers.
 */
const STATUS_BUDGET_MS = 3_000;

export async function getInventoryStatusResolver(_payload: unknown, context: unknown): Promise<Envelope<InventoryStatus>> {
  if (!(await requireAdmin(context))) return fail('forbidden', FORBIDDEN);
  const months = await readMonthBackfillJob();
  const monthRows = months.state === 'running' ? await runMonthBackfill(STATUS_BUDGET_MS) : months;
  return ok({ ...inventoryStatus(await readInventoryJob()), monthRows: monthRowsOf(monthRows) });
}

export async function startInventoryBackfillResolver(_payload: unknown, context: unknown): Promise<Envelope<InventoryStatus>> {
  if (!(await requireAdmin(context))) return fail('forbidden', FORBIDDEN);
  await startBackfill(Date.now());
  return ok({ ...inventoryStatus(await runBackfill(RESOLVER_BUDGET_MS)), monthRows: monthRowsOf(await readMonthBackfillJob()) });
}

/** The container page's attachments with their views, for the page statistics (same audience as the page). */
export async function getAttachmentViewsResolver(_payload: unknown, context: unknown): Promise<Envelope<AttachmentViews[]>> {
  const caller = callerOf(context);
  if (caller.kind !== 'user') return fail('forbidden', 'Sign in to see page statistics.');
  const contentId = claimedContentId(context);
  if (!contentId || !(await fetchContentReadableBy(contentId, caller.accountId))) return fail('not-found', 'This page does not exist or you may not see it.');
  return ok(await attachmentsOf(contentId));
}

const monthRowsOf = ({ state, contents, monthsWritten, completedAt }: Awaited<ReturnType<typeof readMonthBackfillJob>>) => ({ state, contents, monthsWritten, completedAt });
