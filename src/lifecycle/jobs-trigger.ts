import { runBackfill, startBackfill } from './inventory/inventory-backfill';
import { reconcileInventory, type ReconcileResult } from './inventory/inventory-reconcile';
import type { InventoryJob } from './inventory/inventory-store';
import { runMonthBackfill } from './month-backfill/month-backfill';
import type { MonthBackfillJob } from './month-backfill/month-backfill-store';
import { runSpaceCompaction } from './space-compaction/space-compaction';
import type { CompactionJob } from './space-compaction/space-compaction-store';

/** Product-event triggers run for at most 25 s by default: the installed trigger does a first slice. */
const INSTALLED_BUDGET_MS = 18_000;
/** The scheduled run's function has 900 s (manifest.yml); a margin is left for the page in flight. */
const SCHEDULED_BUDGET_MS = 780_000;

/** `avi:forge:installed:app`: the inventory backfill starts with the installation. */
export async function onAppInstalled(_event?: unknown, _context?: unknown): Promise<InventoryJob> {
  await startBackfill(Date.now());
  return runBackfill(INSTALLED_BUDGET_MS);
}

/**
 * Hourly: continue a running backfill (resumable, one saved cursor per page), then the
 * reconciliation pass that finds content Confluence deleted without an event (cascades).
 */
export async function inventoryMaintenance(_event?: unknown, _context?: unknown): Promise<{ backfill: InventoryJob; reconcile: ReconcileResult; months: MonthBackfillJob; spaces: CompactionJob | null }> {
  const started = Date.now();
  const backfill = await runBackfill(SCHEDULED_BUDGET_MS * 0.6);
  const reconcile = await reconcileInventory(Math.max(0, SCHEDULED_BUDGET_MS * 0.8 - (Date.now() - started)));
  // Month rows of content viewed before they existed (runs until done, then returns at once).
  const months = await runMonthBackfill(Math.max(0, SCHEDULED_BUDGET_MS * 0.9 - (Date.now() - started)));
  // Closed days and months of every space summed into one row each (top spaces), reopened shards settled.
  const spaces = await runSpaceCompaction(Math.max(0, SCHEDULED_BUDGET_MS - (Date.now() - started)));
  console.log(`Inventory: ${backfill.state} (${backfill.processed} read); reconciliation checked ${reconcile.checked}, purged ${reconcile.purged.length}; month backfill ${months.state} (${months.contents} content, ${months.monthsWritten} months); space compaction through ${spaces?.throughDay ?? '-'} (${spaces?.compacted ?? 0} written)`);
  return { backfill, reconcile, months, spaces };
}
