/**
 * The content-month backfill against the real view path: two pages get the same views (late,
 * redelivered, viewers returning after months) through the real trigger; one loses its month rows
 * of the first views, as content viewed before month rows existed did (their share leaves the
 * rollups with them), then receives the later views. After the backfill its month rows equal the
 * other page's, the month rollups again equal the sum of the month rows, a second run changes
 * nothing, and a view committed between the backfill's read and write is not lost.
 */
import { kvs } from '@forge/kvs';
import { seededRandom } from '../../local/kvs/rng';
import type { ContentMonthRow } from '../../src/core/model/content-month';
import { backfilledMonth, backfillRollups, monthBackfillOps } from '../../src/lifecycle/month-backfill/month-backfill-plan';
import { ROLLUP_SHARDS } from '../../src/core/model/report-rows';
import { backfillContent, runMonthBackfill } from '../../src/lifecycle/month-backfill/month-backfill';
import { decode } from '../../src/core/storage/codecs';
import { KEYS } from '../../src/core/storage/keys';
import { commitOps } from '../../src/core/storage/commit-ops';
import { contentMonthsOf, readRollups } from '../../src/lifecycle/storage/lifecycle-store';
import { readContentRows } from '../../src/lifecycle/inventory/inventory-store';
import { FIRST_MONTH_JOB, MONTH_ROWS_GENERATION, monthViewRecords, readMonthFacts, writeMonthBackfillJob } from '../../src/lifecycle/month-backfill/month-backfill-store';
import type { DemoContent } from '../../local/demo/directory';
import { forgetMonths } from '../support/forget-months';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

type Principal = AppPlatform['users']['admin'];

const DAY = 86_400_000;
let app: AppPlatform;
afterAll(() => app.stop());

interface Planned { who: Principal; at: number }

const compared = (row: ContentMonthRow) => {
  const { contentId: _id, version: _version, ...rest } = row;
  return rest;
};

async function monthsOf(contentId: string): Promise<Record<string, ReturnType<typeof compared>>> {
  return Object.fromEntries((await contentMonthsOf(contentId)).map((row) => [row.month, compared(row)]));
}

/** The site's month rollup views (all shards) and the sum of the month's listed content-month rows. */
async function rollupAgainstRows(month: string): Promise<{ rollup: number; rows: number }> {
  const targets = Array.from({ length: ROLLUP_SHARDS }, (_, shard) => ({ scope: 'site', level: 'sm' as const, period: month, shard }));
  const rollups = await readRollups(targets);
  const page = await kvs.entity<unknown>('content-month').query().index('by-month', { partition: [month] }).limit(100).getMany();
  const rows = page.results.map((result) => decode.contentMonth(result.value)).filter((row) => row.status === 'current');
  return { rollup: [...rollups.values()].reduce((sum, row) => sum + row.views, 0), rows: rows.reduce((sum, row) => sum + row.monthViews, 0) };
}

describe('content-month backfill from content-day', () => {
  const midnight = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  let control: DemoContent;
  let page: DemoContent;
  let users: Principal[];
  let newcomer: Principal;

  const deliver = async (views: Planned[], contents: DemoContent[]) => {
    const random = seededRandom(3);
    const deliveries = views.flatMap((view) => (random() < 0.08 ? [view, view] : [view])).map((view) => ({ view, arrives: view.at + random() * 120_000 })).sort((a, b) => a.arrives - b.arrives);
    for (const { view } of deliveries) for (const content of contents) await app.view(view.who, content, view.at);
  };

  const plan = (seed: number, fromDaysAgo: number, toDaysAgo: number, count: number): Planned[] => {
    const random = seededRandom(seed);
    return Array.from({ length: count }, () => ({
      who: random() < 0.15 ? app.users.anonymous : users[Math.floor(random() * users.length)]!,
      at: midnight - toDaysAgo * DAY - Math.floor(random() * (fromDaysAgo - toDaysAgo) * DAY) - 3_600_000,
    }));
  };

  beforeAll(async () => {
    app = await startAppPlatform();
    const candidates = app.directory.site.contents.filter((content) => content.type === 'page');
    const pair = candidates.flatMap((a) => candidates.filter((b) => b.id !== a.id && b.spaceKey === a.spaceKey && app.directory.space(a.spaceKey)?.anonymousAccess === true).map((b) => [a, b] as const))[0]!;
    [control, page] = pair;
    users = app.directory.site.users.filter((u) => u.status === 'active' && u.accountType === 'licensed' && u.role !== 'bot').slice(0, 9).map((u): Principal => ({ kind: 'user', accountId: u.accountId, accountType: 'licensed' }));
    newcomer = users.pop()!;
    await deliver(plan(11, 120, 40, 90), [control, page]);
    await forgetMonths(page.id);
    // Later views: returning viewers move their latest view out of months that now have no row.
    await deliver(plan(12, 40, 0, 60), [control, page]);
  }, 180_000);

  it('before the backfill the page lacks its early months', async () => {
    expect(await monthsOf(page.id)).not.toEqual(await monthsOf(control.id));
  });

  it('a view committed between the backfill\'s read and its write is not lost', async () => {
    const content = (await readContentRows([page.id])).get(page.id)!;
    const month = new Date(midnight - 70 * DAY).toISOString().slice(0, 7);
    const facts = await readMonthFacts(page.id, month);
    const next = backfilledMonth({ content, month, ...facts, records: await monthViewRecords(page.id, month) })!;
    const rollups = await readRollups(backfillRollups(content, month));
    // Someone new (views are minutes late, never months, for a viewer with a history).
    const late = { who: newcomer, at: Date.parse(`${month}-15T12:00:00Z`) + 7 };
    await deliver([late], [control, page]);
    expect(await commitOps(monthBackfillOps(facts.stored, next, rollups))).toBe('conflict');
  });

  it('honours its time budget: with none left it stops before any work and stays running', async () => {
    expect(await runMonthBackfill(0)).toMatchObject({ state: 'running', contents: 0, after: null, leaseUntil: 0 });
  });

  it('builds rows equal to the rows the view path wrote, and rollups equal to the sum of the rows', async () => {
    const [job] = await Promise.all([runMonthBackfill(60_000), deliver(plan(13, 2, 0, 6), [control, page])]);
    expect(job.state).toBe('idle');
    // The views delivered during the run may have raced it: a second pass (idempotent) settles them.
    await backfillContent((await readContentRows([page.id])).get(page.id)!);
    expect(await monthsOf(page.id)).toEqual(await monthsOf(control.id));
    for (const month of Object.keys(await monthsOf(page.id))) {
      const { rollup, rows } = await rollupAgainstRows(month);
      expect(rollup).toBe(rows);
    }
  }, 120_000);

  it('running it again changes nothing', async () => {
    const before = await contentMonthsOf(page.id);
    await writeMonthBackfillJob(FIRST_MONTH_JOB);
    const job = await runMonthBackfill(60_000);
    expect(job).toMatchObject({ state: 'idle', monthsWritten: 0 });
    expect(await contentMonthsOf(page.id)).toEqual(before);
  });

  it('gives a month row written before months carried their anonymous total that total, rollups unchanged', async () => {
    const before = await monthsOf(page.id);
    const legacy = (await contentMonthsOf(page.id)).filter((row) => (row.monthAnonymousViews ?? 0) > 0);
    expect(legacy.length).toBeGreaterThan(0);
    const rollupsBefore = await Promise.all(legacy.map((row) => rollupAgainstRows(row.month)));
    for (const row of legacy) {
      const { monthAnonymousViews: _, ...older } = row;
      await kvs.entity<unknown>('content-month').set(KEYS.contentMonth(row.contentId, row.month), older);
    }
    // Absent from the anonymous ranking index until the backfill rewrites it.
    const listed = async () => (await kvs.entity<unknown>('content-month').query().index('by-month-anonymous', { partition: [legacy[0]!.month] }).limit(100).getMany())
      .results.map((result) => decode.contentMonth(result.value).contentId);
    expect(await listed()).not.toContain(page.id);
    // The job as the previous version left it: finished, without a generation. Nobody restarts it:
    // the upgraded code does, by itself.
    const { generation: _generation, ...finishedBefore } = { ...FIRST_MONTH_JOB, state: 'idle' as const, contents: 2, completedAt: Date.now() - 86_400_000 };
    await writeMonthBackfillJob(finishedBefore);
    expect(await runMonthBackfill(60_000)).toMatchObject({ state: 'idle', monthsWritten: legacy.length, generation: MONTH_ROWS_GENERATION });
    // Finished by this generation: the next hourly run does not start it again.
    expect(await runMonthBackfill(60_000)).toMatchObject({ state: 'idle', monthsWritten: legacy.length });
    expect(await monthsOf(page.id)).toEqual(before);
    expect(await listed()).toContain(page.id);
    expect(await Promise.all(legacy.map((row) => rollupAgainstRows(row.month)))).toEqual(rollupsBefore);
  }, 60_000);

  it('page statistics of a past range equal the control page\'s', async () => {
    const range = { kind: 'custom' as const, from: new Date(midnight - 110 * DAY).toISOString().slice(0, 10), to: new Date(midnight - 45 * DAY).toISOString().slice(0, 10) };
    const answers = await Promise.all([control, page].map((content) => app.invoke(app.users.admin, 'view-counter', 'getPageStatistics', { range }, content)));
    const [a, b] = answers.map((answer) => (answer.ok ? answer.data : null));
    expect(b?.totals).toEqual(a?.totals);
    expect(b?.daily).toEqual(a?.daily);
  });
});
