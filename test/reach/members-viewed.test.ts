/**
 * Who of an audience viewed anything in a range (inactive readers, issue 20), against a brute-force
 * model over per-day views: by index by-month, by key (newest month first), and the query giving up
 * for the keys when the site month rollups underestimate the rows.
 */
import { kvs } from '@forge/kvs';
import { seededRandom } from '../../local/kvs/rng';
import { ENTITY, KEYS } from '../../src/core/storage/keys';
import { viewerMonthPlan } from '../../src/reach/rules/inactive-readers';
import { lastViewDays, membersViewedInRange } from '../../src/reach/storage/reach-reads';
import { startAppStore, type AppStore } from '../support/app-store';

const MONTHS = ['2026-09', '2026-10', '2026-11'];
const RANGE = { from: '2026-09-25', to: '2026-11-03' };

async function write(items: Array<{ key: string; value: unknown; entityName: string }>) {
  for (let start = 0; start < items.length; start += 25) await kvs.batchSet<unknown>(items.slice(start, start + 25));
}

/** Per viewer, per day, views (0 = a view counted then removed, as retention or a trashed page leaves it). */
function site(viewers: number, seed: number) {
  const random = seededRandom(seed);
  const days = new Map<string, Map<string, number>>();
  for (let i = 0; i < viewers; i += 1) {
    const mine = new Map<string, number>();
    const n = Math.floor(random() * 4);
    for (let k = 0; k < n; k += 1) {
      const month = MONTHS[Math.floor(random() * MONTHS.length)]!;
      const day = `${month}-${String(1 + Math.floor(random() * 30)).padStart(2, '0')}`;
      mine.set(day, random() < 0.15 ? 0 : 1 + Math.floor(random() * 3));
    }
    days.set(`u${i}`, mine);
  }
  return days;
}

async function store(days: Map<string, Map<string, number>>, rollupViewers: (month: string, rows: number) => number) {
  const rows = new Map<string, { viewer: string; month: string; views: number; days: Record<string, number>; version: number }>();
  for (const [viewer, mine] of days) {
    for (const [day, views] of mine) {
      const month = day.slice(0, 7);
      const row = rows.get(`${viewer}|${month}`) ?? { viewer, month, views: 0, days: {}, version: 1 };
      row.views += views;
      row.days[day.slice(8)] = views;
      rows.set(`${viewer}|${month}`, row);
    }
  }
  await write([...rows.values()].map((row) => ({ key: KEYS.viewerMonth(row.viewer, row.month), entityName: ENTITY.viewerMonth, value: row })));
  await write(MONTHS.map((month) => ({
    key: KEYS.rollup('site', 'sm', month, 1), entityName: ENTITY.rollup,
    value: { scope: 'site', level: 'sm', period: month, shard: 1, views: 0, viewers: rollupViewers(month, [...rows.values()].filter((row) => row.month === month).length), contents: 0, cells: {}, version: 1 },
  })));
}

function model(days: Map<string, Map<string, number>>, members: string[]): string[] {
  return members.filter((id) => [...(days.get(id) ?? new Map<string, number>())].some(([day, views]) => views > 0 && day >= RANGE.from && day <= RANGE.to)).sort();
}

describe('members who viewed in a range', () => {
  let app: AppStore;
  beforeEach(() => { app = startAppStore(); });
  afterEach(() => app.stop());

  const members = (days: Map<string, Map<string, number>>, count: number) => [...days.keys()].slice(0, count).concat(['never-viewed']);

  it.each([
    ['by index (rollups exact, audience most of the site)', 600, 500, (_: string, rows: number) => rows],
    ['by key (rollups say the site is far larger than the audience)', 600, 40, () => 100_000],
    ['by index, giving up for the keys (rollups short: no rows counted)', 3_000, 300, () => 0],
  ])('%s', async (_name, viewers, audience, rollupViewers) => {
    const days = site(viewers, viewers + audience);
    await store(days, rollupViewers);
    const ids = members(days, audience);
    const viewed = await membersViewedInRange(ids, RANGE);
    expect([...viewed].sort()).toEqual(model(days, ids));
    expect(viewed.size).toBeGreaterThan(0);
  });

  it.each([
    ['by key (the current month and the two before hold the rows)', '2026-11-20T12:00:00Z'],
    ['by index (every row older than the months read by key)', '2027-03-02T12:00:00Z'],
  ])('the last view day of each viewer is their latest day with views, %s', async (_name, now) => {
    const days = site(400, 3);
    await store(days, (_, rows) => rows);
    const ids = [...days.keys()].slice(0, 120).concat(['never-viewed']);
    const last = await lastViewDays(ids, Date.parse(now));
    const expected = new Map(ids.flatMap((id) => {
      const viewed = [...(days.get(id) ?? new Map<string, number>())].filter(([, views]) => views > 0).map(([day]) => day).sort();
      return viewed.length ? [[id, viewed[viewed.length - 1]!] as const] : [];
    }));
    expect(last).toEqual(expected);
    expect(last.size).toBeGreaterThan(50);
  });

  it('the plan is the cheaper read: rows by month when the site holds few more viewers than the audience, keys otherwise', () => {
    expect(viewerMonthPlan(2_000, [1_000, 1_000])).toEqual({ plan: 'query', budget: 160 });
    expect(viewerMonthPlan(2_000, [20_000, 20_000]).plan).toBe('batch');
    expect(viewerMonthPlan(0, [0]).plan).toBe('batch');
  });
});
