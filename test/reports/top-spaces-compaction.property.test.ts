import { seededRandom } from '../../local/kvs/rng';
import type { ReportFilters, ReportQuery } from '@contracts/report-query';
import { trackView } from '../../src/tracking/track-view';
import { reportTable } from '../../src/reports/report-tables';
import { compactOne, runSpaceCompaction } from '../../src/lifecycle/space-compaction/space-compaction';
import { compactionOps } from '../../src/core/model/space-compaction';
import { rollupTargetId, type RollupTarget } from '../../src/core/model/lifecycle-rollups';
import { readRollups } from '../../src/lifecycle/storage/lifecycle-store';
import { commitOps } from '../../src/core/storage/commit-ops';
import { processLifecycleEvent } from '../../src/lifecycle/on-content-lifecycle';
import { addDays } from '../../src/core/model/report-periods';
import { openShards, readCompactionJob } from '../../src/lifecycle/space-compaction/space-compaction-store';
import { startAppStore, type AppStore } from '../support/app-store';
import { lifecycleEvent } from '../support/lifecycle-events';
import { modelRanking, modelViews, type RawView } from '../support/report-model';

/**
 * Top spaces after the space compaction job (src/core/model/space-compaction.ts) against the brute-force model
 * over raw views: right after a full compaction, after late views reopened compacted days, after
 * lifecycle moved, trashed and purged content of compacted periods, and once the job settled all that.
 * Twelve spaces and small pages (k of 1 to 3, paged) so the threshold merge must stop early.
 */
const TODAY = '2026-11-20';
const FIRST_DAY = '2026-01-10';
const SPACES = Array.from({ length: 12 }, (_, index) => `SP${index}`);
const at = (iso: string) => Date.parse(iso);

interface Seeded { views: RawView[]; spaceOf: Map<string, string>; typeOf: Map<string, 'page' | 'blogpost'> }

async function track(view: RawView, now: number): Promise<boolean> {
  const outcome = await trackView({
    via: 'auto', now,
    view: { contentId: view.contentId, contentType: view.contentType, spaceKey: view.spaceKey, title: `T${view.contentId}`, at: view.at, source: view.source, viewer: view.viewer ? { kind: 'user', accountId: view.viewer } : { kind: 'anonymous' } },
  });
  return outcome.tracked;
}

function randomView(random: () => number, time: number, contents: number): RawView {
  const content = Math.floor(random() ** 2 * contents);
  return {
    contentId: String(7000 + content), spaceKey: SPACES[(content * 5) % SPACES.length]!, contentType: content % 4 === 0 ? 'blogpost' : 'page',
    viewer: random() < 0.15 ? null : `user-${Math.floor(random() * 30)}`, at: time, source: random() < 0.5 ? 'desktop' : 'mobile-web',
  };
}

async function seed(random: () => number, count: number, until: string): Promise<RawView[]> {
  const start = at(`${FIRST_DAY}T00:00:00Z`);
  const span = at(until) - start;
  const times = Array.from({ length: count }, () => start + Math.floor(random() * span / 60_000) * 60_000).sort((a, b) => a - b);
  const counted: RawView[] = [];
  for (const time of times) {
    const view = randomView(random, time, 48);
    if (await track(view, time)) counted.push(view);
  }
  return counted;
}

function randomQuery(random: () => number): { range: { from: string; to: string }; filters: ReportFilters; pageSize: number } {
  const length = [1, 7, 30, 45, 80, 200, 365][Math.floor(random() * 7)]!;
  const to = random() < 0.5 ? TODAY : addDays(TODAY, -Math.floor(random() * 60));
  const filters: ReportFilters = {};
  if (random() < 0.2) filters.spaceKeys = SPACES.filter(() => random() < 0.3).slice(0, 3);
  if (random() < 0.3) filters.contentTypes = [random() < 0.5 ? 'page' : 'blogpost'];
  if (random() < 0.2) filters.sources = [random() < 0.5 ? 'desktop' : 'mobile-web'];
  if (random() < 0.2) filters.audience = random() < 0.5 ? 'signed-in' : 'anonymous';
  return { range: { from: addDays(to, 1 - length), to }, filters, pageSize: 1 + Math.floor(random() * 3) };
}

async function rankedSpaces(range: { from: string; to: string }, filters: ReportFilters, pageSize: number) {
  const first: ReportQuery = { range, filters, table: 'top-spaces', sort: { column: 'views', direction: 'desc' }, pageSize };
  const rows: Array<{ id: string; total: number; page: number; anonymous: number }> = [];
  let cursor: string | undefined;
  do {
    const page = await reportTable({ ...first, ...(cursor ? { cursor } : {}) }, TODAY);
    if (page.result.table === 'top-spaces') for (const row of page.result.rows) rows.push({ id: row.spaceKey, total: row.views, page: row.pageViews, anonymous: row.anonymousViews });
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

function modelSpaces(views: RawView[], range: { from: string; to: string }, filters: ReportFilters) {
  const chosen = modelViews(views, range, filters);
  return modelRanking(chosen, (view) => view.spaceKey).map(({ id, total }) => {
    const mine = chosen.filter((view) => view.spaceKey === id);
    return { id, total, page: mine.filter((view) => view.contentType === 'page').length, anonymous: mine.filter((view) => view.viewer === null).length };
  });
}

describe('top spaces over compacted periods against the brute-force model', () => {
  let store: AppStore;
  let views: RawView[];
  beforeAll(async () => {
    store = startAppStore();
    views = await seed(seededRandom(77), 900, `${TODAY}T00:20:00Z`);
  }, 240_000);
  afterAll(() => store.stop());

  const checkRandomQueries = async (seedValue: number, rounds: number) => {
    const random = seededRandom(seedValue);
    for (let round = 0; round < rounds; round += 1) {
      const { range, filters, pageSize } = randomQuery(random);
      const label = JSON.stringify({ range, filters, pageSize });
      expect({ label, rows: await rankedSpaces(range, filters, pageSize) }).toEqual({ label, rows: modelSpaces(views, range, filters) });
    }
  };

  it('is exact right after the job compacted every closed day and month', async () => {
    const job = await runSpaceCompaction(600_000, () => at(`${TODAY}T00:30:00Z`));
    expect(job).toMatchObject({ throughDay: addDays(TODAY, -1), throughMonth: '2026-10', fromDay: addDays(TODAY, -731), fromMonth: '2024-11' });
    expect((await readCompactionJob())?.leaseUntil).toBe(0);
    // Nothing is open in the compacted periods: rankings come from the compacted rows.
    expect((await openShards('d', job!.fromDay, job!.throughDay)).rows).toEqual([]);
    expect((await openShards('m', job!.fromMonth, job!.throughMonth)).rows).toEqual([]);
    await checkRandomQueries(5, 30);
    // A second run finds nothing to write.
    expect((await runSpaceCompaction(600_000, () => at(`${TODAY}T00:40:00Z`)))?.compacted).toBe(job!.compacted);
  }, 240_000);

  it('stays exact when late views reopen compacted days (a space new on that day included), before and after the job settles them', async () => {
    const random = seededRandom(11);
    const late: RawView[] = [];
    for (let index = 0; index < 25; index += 1) {
      const view = { ...randomView(random, at(`${addDays(TODAY, -1)}T23:${String(35 + index)}:00Z`), 48) };
      late.push(index === 0 ? { ...view, contentId: '7999', spaceKey: 'SPNEW', contentType: 'page' } : view);
    }
    for (const view of late) if (await track(view, at(`${TODAY}T00:45:00Z`))) views.push(view);
    expect(views.some((view) => view.spaceKey === 'SPNEW')).toBe(true);
    expect((await openShards('d', addDays(TODAY, -1), addDays(TODAY, -1))).rows.length).toBeGreaterThan(0);
    await checkRandomQueries(6, 25);
    await runSpaceCompaction(600_000, () => at(`${TODAY}T01:30:00Z`));
    expect((await openShards('d', addDays(TODAY, -400), addDays(TODAY, -1))).rows).toEqual([]);
    await checkRandomQueries(7, 15);
  }, 240_000);

  it('a view committed between the job\'s read and its write is not lost: the write fails, the retry sums it', async () => {
    const day = addDays(TODAY, -1);
    const view = (viewer: string, minute: number): RawView => ({ contentId: '7999', spaceKey: 'SPNEW', contentType: 'page', viewer, at: at(`${day}T23:${minute}:00Z`), source: 'desktop' });
    expect(await track(view('user-race-1', 50), at(`${TODAY}T00:50:00Z`))).toBe(true);
    views.push(view('user-race-1', 50));
    const shards: RollupTarget[] = Array.from({ length: 8 }, (_, shard) => ({ scope: 'SPNEW', level: 'd', period: day, shard }));
    const compact: RollupTarget = { scope: 'SPNEW', level: 'cd', period: day, shard: 0 };
    const read = await readRollups([...shards, compact]);
    const ops = compactionOps(shards.map((target) => read.get(rollupTargetId(target))).filter((row) => row !== undefined), read.get(rollupTargetId(compact)), { scope: 'SPNEW', level: 'd', period: day });
    expect(ops.length).toBeGreaterThan(0);
    expect(await track(view('user-race-2', 51), at(`${TODAY}T00:51:00Z`))).toBe(true);
    views.push(view('user-race-2', 51));
    expect(await commitOps(ops)).toBe('conflict');
    expect(await compactOne('SPNEW', 'd', day)).toBe(true);
    expect((await openShards('d', day, day)).rows).toEqual([]);
    const summed = (await readRollups([compact])).get(rollupTargetId(compact));
    expect(summed?.views).toBe(views.filter((entry) => entry.spaceKey === 'SPNEW' && new Date(entry.at).toISOString().startsWith(day)).length);
    await checkRandomQueries(10, 10);
  }, 240_000);

  it('stays exact after a move, a trash and a purge rewrite compacted rollups, before and after the job settles them', async () => {
    const counts = modelRanking(views, (view) => view.contentId);
    const [moved, trashed, purged] = [counts[1]!.id, counts[2]!.id, counts[4]!.id];
    const spaceOf = (id: string) => views.find((view) => view.contentId === id)!.spaceKey;
    const typeOf = (id: string) => views.find((view) => view.contentId === id)!.contentType;
    const target = SPACES.find((space) => space !== spaceOf(moved))!;
    const when = at(`${TODAY}T02:00:00Z`);
    const life = (action: 'moved' | 'trashed' | 'deleted', id: string, spaceKey: string, offset: number) =>
      lifecycleEvent({ action, contentId: id, spaceKey, at: when + offset, type: typeOf(id) });
    for (const event of [life('moved', moved, target, 0), life('trashed', trashed, spaceOf(trashed), 0), life('trashed', purged, spaceOf(purged), 0), life('deleted', purged, spaceOf(purged), 1000)]) {
      expect(await processLifecycleEvent(event)).toBe('applied');
    }
    views = views.filter((view) => view.contentId !== trashed && view.contentId !== purged)
      .map((view) => (view.contentId === moved ? { ...view, spaceKey: target } : view));
    expect((await openShards('m', '2026-01', '2026-10')).rows.length).toBeGreaterThan(0);
    await checkRandomQueries(8, 25);
    await runSpaceCompaction(600_000, () => at(`${TODAY}T03:30:00Z`));
    expect((await openShards('d', addDays(TODAY, -400), addDays(TODAY, -1))).rows).toEqual([]);
    expect((await openShards('m', '2025-01', '2026-10')).rows).toEqual([]);
    await checkRandomQueries(9, 20);
  }, 240_000);
});

describe('top spaces while the compaction job is part way', () => {
  let store: AppStore;
  let views: RawView[];
  beforeAll(async () => {
    store = startAppStore();
    views = await seed(seededRandom(78), 400, `${TODAY}T00:20:00Z`);
  }, 240_000);
  afterAll(() => store.stop());

  it('trusts only the periods its runs passed, ranks the rest from shards, and continues where a run stopped', async () => {
    // A clock that moves a second per look: a 40-second budget ends the run after a few dozen checks.
    let clock = at(`${TODAY}T00:30:00Z`);
    const ticking = () => (clock += 1000);
    const first = await runSpaceCompaction(40_000, ticking);
    expect(first!.throughDay).toBe(addDays(TODAY, -1));
    expect(first!.fromDay > first!.floorDay).toBe(true);
    const random = seededRandom(12);
    for (let round = 0; round < 15; round += 1) {
      const { range, filters, pageSize } = randomQuery(random);
      const label = JSON.stringify({ range, filters, pageSize });
      expect({ label, rows: await rankedSpaces(range, filters, pageSize) }).toEqual({ label, rows: modelSpaces(views, range, filters) });
    }
    const second = await runSpaceCompaction(600_000, () => at(`${TODAY}T01:30:00Z`));
    expect(second!.fromDay < first!.fromDay).toBe(true);
    expect(second!.fromDay).toBe(second!.floorDay);
  }, 240_000);
});
