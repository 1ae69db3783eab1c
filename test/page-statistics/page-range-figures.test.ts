/**
 * Range figures against a reference model: views spread over 100 days (across month ends, viewers
 * returning after months), delivered Forge-like (late, reordered within minutes, some twice, several
 * at once) through the real trigger; the statistics resolver's totals and daily series must equal
 * what an independent greedy count of the same views gives.
 */
import { seededRandom } from '../../local/kvs/rng';
import type { PageStatistics } from '../../src/contracts/page-statistics';
import type { DateRange } from '../../src/contracts/report-range';
import { kvs, WhereConditions } from '@forge/kvs';
import { deleteEntityKeys } from '../../src/core/storage/delete-keys';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

const BLOCKING = 5000;
const CHUNK = Number(process.env.CHUNK ?? 6);
const DAY = 86_400_000;
let app: AppPlatform;
afterAll(() => app.stop());

interface Planned { accountId: string | null; at: number }

function plan(now: number, users: string[]): Planned[] {
  const random = seededRandom(42);
  const views: Planned[] = [];
  for (let i = 0; i < 240; i += 1) {
    const anonymous = random() < 0.1;
    const at = now - Math.floor(random() * 100 * DAY) - 60_000;
    const accountId = anonymous ? null : users[Math.floor(random() ** 1.4 * users.length)]!;
    views.push({ accountId, at });
    if (random() < 0.2) views.push({ accountId, at: at + 500 + Math.floor(random() * 9000) });
  }
  // A busy hour around a midnight: many concurrent views, reloads and reordering across two days.
  for (let i = 0; i < 120; i += 1) {
    const anonymous = random() < 0.1;
    views.push({ accountId: anonymous ? null : users[Math.floor(random() * users.length)]!, at: now - 10 * DAY - 20 * 60_000 + Math.floor(random() * 40 * 60_000) });
  }
  return views;
}

/** The reference: per viewer, a view counts when it is at least the blocking time after the last counted one. */
function counted(views: Planned[]): Planned[] {
  const byViewer = new Map<string, number[]>();
  for (const view of views) byViewer.set(view.accountId ?? '', [...(byViewer.get(view.accountId ?? '') ?? []), view.at]);
  return [...byViewer].flatMap(([viewer, times]) => {
    const result: Planned[] = [];
    let last: number | null = null;
    for (const at of [...new Set(times)].sort((a, b) => a - b)) {
      if (viewer !== '' && last !== null && at - last < BLOCKING) continue;
      last = at;
      result.push({ accountId: viewer === '' ? null : viewer, at });
    }
    return result;
  });
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function expected(views: Planned[], from: string, to: string) {
  const inRange = views.filter((view) => dayOf(view.at) >= from && dayOf(view.at) <= to);
  const signedIn = inRange.filter((view) => view.accountId !== null);
  const daily = new Map<string, { views: number; viewers: Set<string>; anonymousViews: number }>();
  for (const view of inRange) {
    const entry = daily.get(dayOf(view.at)) ?? { views: 0, viewers: new Set(), anonymousViews: 0 };
    entry.views += 1;
    if (view.accountId) entry.viewers.add(view.accountId); else entry.anonymousViews += 1;
    daily.set(dayOf(view.at), entry);
  }
  return {
    views: inRange.length, anonymousViews: inRange.length - signedIn.length, viewers: new Set(signedIn.map((view) => view.accountId)).size,
    daily: Object.fromEntries([...daily].map(([day, entry]) => [day, { views: entry.views, viewers: entry.viewers.size, anonymousViews: entry.anonymousViews }])),
  };
}

function dailyOf(stats: PageStatistics) {
  return Object.fromEntries(stats.daily.filter((day) => day.views !== 0 || day.viewers !== 0).map(({ day, ...rest }) => [day, rest]));
}

describe('page statistics over ranges', () => {
  const now = Date.now();
  let views: Planned[];
  let page: ReturnType<AppPlatform['publicContent']>;

  beforeAll(async () => {
    app = await startAppPlatform();
    page = app.publicContent(1);
    const users = app.directory.site.users.filter((u) => u.status === 'active' && u.accountType === 'licensed' && u.role !== 'bot').map((u) => u.accountId).slice(0, 12);
    // Views relative to today's midnight (UTC): the same day boundaries on every run.
    views = plan(Date.parse(`${dayOf(now)}T00:00:00Z`), users);
    const random = seededRandom(7);
    const deliveries = views.flatMap((view) => (random() < 0.05 ? [view, view] : [view]))
      .map((view) => ({ view, arrives: view.at + random() * 180_000 })).sort((a, b) => a.arrives - b.arrives);
    // Events that arrive within the same few minutes are handled at once (as Forge does); a quiet
    // page's views hours apart are not, so no view is more than minutes out of order.
    for (let start = 0; start < deliveries.length;) {
      let end = start + 1;
      while (end < deliveries.length && end - start < CHUNK && deliveries[end]!.arrives - deliveries[start]!.arrives < 240_000) end += 1;
      await Promise.all(deliveries.slice(start, end).map(({ view }) => app.view(view.accountId ? { kind: 'user', accountId: view.accountId, accountType: 'licensed' } : app.users.anonymous, page, view.at)));
      start = end;
    }
  }, 120_000);

  const today = dayOf(now);
  const RANGES: Array<[string, DateRange]> = [
    ['last 7 days', { kind: 'preset', preset: '7d' }],
    ['last 30 days', { kind: 'preset', preset: '30d' }],
    ['last 90 days', { kind: 'preset', preset: '90d' }],
    ['last 365 days', { kind: 'preset', preset: '365d' }],
    ['this month', { kind: 'preset', preset: 'this-month' }],
    ['all time', { kind: 'preset', preset: 'all' }],
    ['a custom range ending today', { kind: 'custom', from: dayOf(now - 45 * DAY), to: today }],
  ];

  it.each(RANGES)('%s: totals and the daily series equal the reference', async (_name, range) => {
    const answer = await app.invoke(app.users.admin, 'view-counter', 'getPageStatistics', { range }, page);
    if (!answer.ok) throw new Error(answer.error.message);
    const stats = answer.data;
    const want = expected(counted(views), stats.range.from, stats.range.to);
    expect(stats.totals).toMatchObject({ views: want.views, anonymousViews: want.anonymousViews, viewers: want.viewers, viewersExact: true });
    expect(dailyOf(stats)).toEqual(want.daily);
    const previous = expected(counted(views), stats.previousRange.from, stats.previousRange.to);
    expect(stats.previousTotals).toMatchObject({ views: previous.views, anonymousViews: previous.anonymousViews });
    expect(stats.sources.reduce((sum, source) => sum + source.views, 0)).toBe(want.views);
  });

  const PAST: Array<[string, DateRange]> = [
    ['80 to 50 days ago (viewers returning later)', { kind: 'custom', from: dayOf(now - 80 * DAY), to: dayOf(now - 50 * DAY) }],
    ['30 days ending yesterday (the busy midnight: late, reordered, redelivered views)', { kind: 'custom', from: dayOf(now - 30 * DAY), to: dayOf(now - DAY) }],
    ['last month', { kind: 'preset', preset: 'last-month' }],
    ['one past day', { kind: 'custom', from: dayOf(now - 10 * DAY), to: dayOf(now - 10 * DAY) }],
  ];

  it.each(PAST)('a range in the past, %s: exact views and exact viewers from the raw views', async (_name, range) => {
    const answer = await app.invoke(app.users.admin, 'view-counter', 'getPageStatistics', { range }, page);
    if (!answer.ok) throw new Error(answer.error.message);
    const want = expected(counted(views), answer.data.range.from, answer.data.range.to);
    expect(answer.data.totals).toMatchObject({ views: want.views, anonymousViews: want.anonymousViews, viewers: want.viewers, viewersExact: true });
    expect(dailyOf(answer.data)).toEqual(want.daily);
  });

  it('the viewer list holds exactly the people whose latest view is in the range, latest first, in pages', async () => {
    const range: DateRange = { kind: 'preset', preset: '90d' };
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const answer = await app.invoke(app.users.admin, 'view-counter', 'getPageViewers', { range, limit: 4, ...(cursor ? { cursor } : {}) }, page);
      if (!answer.ok) throw new Error(answer.error.message);
      seen.push(...answer.data.rows.map((row) => row.accountId));
      const times = answer.data.rows.map((row) => row.lastViewedAt);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      cursor = answer.data.nextCursor ?? undefined;
    } while (cursor);
    const latest = new Map<string, number>();
    for (const view of counted(views)) if (view.accountId) latest.set(view.accountId, Math.max(latest.get(view.accountId) ?? 0, view.at));
    const from = Date.parse(`${dayOf(now - 89 * DAY)}T00:00:00Z`);
    expect(new Set(seen)).toEqual(new Set([...latest].filter(([, at]) => at >= from).map(([id]) => id)));
    expect(seen).toHaveLength(new Set(seen).size);
  });
  // Last: it deletes a view record, as a retention period once shorter would have.
  it('a past range whose raw views are incomplete keeps the upper bound and says so', async () => {
    const range: DateRange = { kind: 'custom', from: dayOf(now - 80 * DAY), to: dayOf(now - 50 * DAY) };
    const want = expected(counted(views), range.from, range.to);
    const fromMs = Date.parse(`${range.from}T00:00:00Z`);
    const page0 = await kvs.entity<unknown>('view').query().index('by-content', { partition: [page.id] }).where(WhereConditions.between(fromMs, fromMs + 31 * DAY - 1)).limit(1).getMany();
    await deleteEntityKeys('view', page0.results.map((result) => result.key));
    const answer = await app.invoke(app.users.admin, 'view-counter', 'getPageStatistics', { range }, page);
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.totals).toMatchObject({ views: want.views, viewersExact: false });
    expect(answer.data.totals.viewers).toBeGreaterThanOrEqual(want.viewers);
    expect(answer.data.totals.viewers).toBeLessThanOrEqual(Object.values(want.daily).reduce((sum, day) => sum + day.viewers, 0));
  });
});
