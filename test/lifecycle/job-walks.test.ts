/**
 * Background jobs walk every content row across many invocations. Forge: query cursors "are not
 * stable and should not be persisted" (mirror/storage-reference/entities/index.md, "Cursors"). With
 * the emulator as strict as Cloud (a cursor kept for a later invocation answers 400 INVALID_CURSOR,
 * and so does any cursor after a restart), the month backfill and the reconciliation pass each keep
 * their own position (the last row's key) and finish their walk over runs that each do one slice,
 * with time passing and views arriving between runs: every row is done once, none twice, none
 * skipped (a view moves a row in the `views` order, never in key order).
 */
import { CLOUD_STRICTNESS } from '../../local/kvs/strictness';
import { ManualClock } from '../../local/kvs';
import { runMonthBackfill } from '../../src/lifecycle/month-backfill/month-backfill';
import { FIRST_MONTH_JOB, readMonthBackfillJob, writeMonthBackfillJob } from '../../src/lifecycle/month-backfill/month-backfill-store';
import { reconcileInventory } from '../../src/lifecycle/inventory/inventory-reconcile';
import { contentRowsAfter, readInventoryJob } from '../../src/lifecycle/inventory/inventory-store';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

const MINUTE = 60_000;
let app: AppPlatform;
const clock = new ManualClock(Date.now());
beforeAll(async () => {
  app = await startAppPlatform({ clock, strictness: CLOUD_STRICTNESS });
  await app.platform.deliverEvent({ eventType: 'avi:forge:installed:app', eventCreatedDate: new Date().toISOString() });
});
afterAll(() => app.stop());

/** A clock for the job's own budget: each reading a second later, so a budget of 1.5 s is one slice. */
const ticking = () => { let t = Date.now(); return () => (t += 1000); };

async function allContentIds(): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await contentRowsAfter(after, 100);
    ids.push(...page.rows.map((row) => row.contentId));
    if (!page.more) return ids;
    after = page.last;
  }
}

/** Between two runs: later than any cursor lives, and views move rows in the `views` order. */
async function betweenRuns(run: number): Promise<void> {
  clock.advance(20 * MINUTE);
  await app.view(app.users.reader, app.directory.site.contents[(run * 7) % app.directory.site.contents.length]!);
}

describe('job walks survive cursors that expire between invocations', () => {
  it('the reconciliation pass checks every content row exactly once over many runs', async () => {
    const ids = await allContentIds();
    expect(ids.length).toBeGreaterThan(20);
    let checked = 0;
    let runs = 0;
    for (let complete = false; !complete; runs += 1) {
      if (runs > 0) await betweenRuns(runs);
      const result = await reconcileInventory(1500, ticking(), 5);
      checked += result.checked;
      complete = result.complete;
      expect(runs).toBeLessThan(50);
    }
    expect(runs).toBe(Math.ceil(ids.length / 5));
    expect(checked).toBe(ids.length);
    expect(await readInventoryJob()).toMatchObject({ reconcileAfter: null });
    expect((await readInventoryJob()).reconciledAt).not.toBeNull();
  });

  it('the month backfill goes through every content row exactly once over many runs', async () => {
    const ids = await allContentIds();
    await writeMonthBackfillJob(FIRST_MONTH_JOB);
    let runs = 0;
    for (let job = FIRST_MONTH_JOB; job.state === 'running'; runs += 1) {
      if (runs > 0) await betweenRuns(runs);
      // A budget of a few clock readings: each run stops inside a page of 25 content rows.
      job = await runMonthBackfill(3500, ticking());
      expect(runs).toBeLessThan(50);
    }
    expect(runs).toBeGreaterThan(2);
    expect(await readMonthBackfillJob()).toMatchObject({ state: 'idle', after: null, contents: ids.length });
  });
});
