import { seededRandom } from '../../local/kvs/rng';
import { memberOf, type AudienceMember } from '../../src/reach/rules/audience-members';
import { pageReach, reachOverTime, type StoredReader } from '../../src/reach/rules/page-reach';
import { incompleteBecauseOfRetention } from '../../src/reach/rules/reach-completeness';
import { listPage } from '../../src/reach/rules/reach-list';

/**
 * A page's reach against a brute-force model over raw views. Views arrive late, twice and out of
 * order; rows are folded from them in arrival order as storage keeps them (one record per viewer and
 * time, the row's first and latest view and count); retention and erasure then delete what they
 * delete. The model answers from the raw views alone, written without any of the app's code.
 */
const DAY = 86_400_000;
const NOW = Date.parse('2026-11-30T12:00:00Z');
const FIRST = NOW - 120 * DAY;

interface RawView { viewer: string; at: number }

function world(random: () => number) {
  const members: AudienceMember[] = Array.from({ length: 40 }, (_, i) => memberOf({
    accountId: `m-${i}`, displayName: `Person ${String(39 - i).padStart(2, '0')}`,
    accountType: i === 7 ? 'app' : 'atlassian',
    accountStatus: i === 3 ? 'inactive' : i === 5 ? 'closed' : 'active',
  }));
  // Viewers: members and people outside the audience.
  const viewers = [...members.map((m) => m.accountId), ...Array.from({ length: 10 }, (_, i) => `other-${i}`)];
  const views: RawView[] = [];
  for (const viewer of viewers) {
    if (random() < 0.3) continue;
    const count = 1 + Math.floor(random() * 5);
    for (let n = 0; n < count; n += 1) views.push({ viewer, at: FIRST + Math.floor(random() * (NOW - FIRST)) });
  }
  // Late, duplicated and out-of-order delivery: the same views, some twice, shuffled.
  const delivered = [...views, ...views.filter(() => random() < 0.3)];
  for (let i = delivered.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [delivered[i], delivered[j]] = [delivered[j]!, delivered[i]!];
  }
  return { members, views, delivered };
}

/** Storage as it keeps a page's views: one record per (viewer, time), one row per viewer. */
function store(delivered: RawView[]) {
  const records = new Map<string, RawView>();
  const rows = new Map<string, StoredReader>();
  for (const view of delivered) {
    const key = `${view.viewer}:${view.at}`;
    if (records.has(key)) continue;
    records.set(key, view);
    const row = rows.get(view.viewer);
    rows.set(view.viewer, row
      ? { viewer: view.viewer, firstAt: Math.min(row.firstAt, view.at), lastAt: Math.max(row.lastAt, view.at), views: row.views + 1 }
      : { viewer: view.viewer, firstAt: view.at, lastAt: view.at, views: 1 });
  }
  return { records: [...records.values()], rows: [...rows.values()] };
}

/** Retention deletes records older than the cut-off and rows whose latest view is; erasure deletes all of an account's. */
function afterDeletions(stored: ReturnType<typeof store>, cutoff: number | null, erased: ReadonlySet<string>) {
  return {
    records: stored.records.filter((r) => !erased.has(r.viewer) && (cutoff === null || r.at >= cutoff)),
    rows: stored.rows.filter((r) => !erased.has(r.viewer) && (cutoff === null || r.lastAt >= cutoff)),
  };
}

function model(members: AudienceMember[], views: RawView[], fromMs: number, toMs: number, lastModifiedAt: number, erased: ReadonlySet<string>) {
  const active = members.filter((m) => m.status === 'active');
  const mine = (id: string) => views.filter((v) => v.viewer === id && !erased.has(id));
  const read = active.filter((m) => mine(m.accountId).some((v) => v.at >= fromMs && v.at < toMs));
  const current = read.filter((m) => mine(m.accountId).some((v) => v.at >= lastModifiedAt));
  return { audience: active.length, read: read.map((m) => m.accountId).sort(), current: current.length, notRead: active.filter((m) => !read.includes(m)).map((m) => m.accountId).sort() };
}

describe('page reach against the brute-force model over raw views', () => {
  it('K, N, read-current-version and both lists equal the model for windows to now and in the past, after duplicates and reordering', () => {
    const random = seededRandom(20);
    for (let round = 0; round < 60; round += 1) {
      const { members, views, delivered } = world(random);
      const stored = store(delivered);
      const erased = new Set(round % 3 === 0 ? ['m-1', 'm-2'] : []);
      const kept = afterDeletions(stored, null, erased);
      const fromMs = FIRST + Math.floor(random() * 100) * DAY;
      const past = random() < 0.5;
      const toMs = past ? fromMs + (1 + Math.floor(random() * 15)) * DAY : NOW + 1;
      const lastModifiedAt = FIRST + Math.floor(random() * (NOW - FIRST));
      const viewersInWindow = past ? new Set(kept.records.filter((r) => r.at >= fromMs && r.at < toMs).map((r) => r.viewer)) : null;
      const result = pageReach({ members, rows: kept.rows, window: { fromMs, toMs }, viewersInWindow, lastModifiedAt });
      const want = model(members, views, fromMs, toMs, lastModifiedAt, erased);
      expect({ round, audience: result.figures.audience, read: result.read.map((p) => p.accountId).sort(), notRead: result.notRead.map((p) => p.accountId).sort() })
        .toEqual({ round, audience: want.audience, read: want.read, notRead: want.notRead });
      expect(result.figures.readers).toBe(want.read.length);
      expect(result.figures.readCurrentVersion).toBe(want.current);
      expect(result.figures.excluded).toEqual({ inactive: 1, closed: 1, app: 1 });
      // The read list carries each reader's own first and latest view and count, from the raw views.
      for (const person of result.read) {
        const mine = views.filter((v) => v.viewer === person.accountId).map((v) => v.at);
        expect([person.firstViewedAt, person.lastViewedAt, person.views]).toEqual([Math.min(...mine), Math.max(...mine), mine.length]);
      }
    }
  });

  it('after retention the figure never exceeds the model, and equals it whenever no note says it may be short', () => {
    const random = seededRandom(21);
    let shortSeen = 0;
    for (let round = 0; round < 60; round += 1) {
      const { members, views, delivered } = world(random);
      const retentionDays = 30 + Math.floor(random() * 60);
      const cutoff = NOW - retentionDays * DAY;
      const kept = afterDeletions(store(delivered), cutoff, new Set());
      const fromMs = FIRST + Math.floor(random() * 110) * DAY;
      const result = pageReach({ members, rows: kept.rows, window: { fromMs, toMs: NOW + 1 }, viewersInWindow: null, lastModifiedAt: null });
      const want = model(members, views, fromMs, NOW + 1, 0, new Set());
      const note = incompleteBecauseOfRetention(fromMs, retentionDays, NOW);
      expect(result.figures.readers).toBeLessThanOrEqual(want.read.length);
      if (note === null) expect(result.read.map((p) => p.accountId).sort()).toEqual(want.read);
      if (result.figures.readers < want.read.length) shortSeen += 1;
    }
    // The test exercises the short case, not only the whole one.
    expect(shortSeen).toBeGreaterThan(0);
  });

  it('reach over time counts each active member from their first view, weekly past 400 days', () => {
    const random = seededRandom(22);
    const { members, views, delivered } = world(random);
    const { rows } = store(delivered);
    const fromDay = new Date(FIRST).toISOString().slice(0, 10);
    const toDay = new Date(NOW).toISOString().slice(0, 10);
    const points = reachOverTime(members, rows, fromDay, toDay);
    const active = new Set(members.filter((m) => m.status === 'active').map((m) => m.accountId));
    expect(points).toHaveLength(Math.round((Date.parse(toDay) - Date.parse(fromDay)) / DAY) + 1);
    for (const point of points) {
      const end = Date.parse(`${point.day}T00:00:00Z`) + DAY;
      const want = new Set(views.filter((v) => active.has(v.viewer) && v.at < end).map((v) => v.viewer)).size;
      expect({ day: point.day, readers: point.readers }).toEqual({ day: point.day, readers: want });
    }
    const long = reachOverTime(members, rows, '2024-01-01', toDay);
    expect(long.length).toBe(Math.ceil(((Date.parse(toDay) - Date.parse("2024-01-01")) / DAY + 1) / 7));
    expect(long[long.length - 1]).toEqual(points[points.length - 1]);
  });

  it('lists page by offset and filter by name', () => {
    const rows = Array.from({ length: 30 }, (_, i) => ({ displayName: i % 2 ? `Ann ${i}` : `Bob ${i}` }));
    const first = listPage(rows, undefined, undefined, 25);
    expect([first.rows.length, first.total, first.nextCursor]).toEqual([25, 30, '25']);
    expect(listPage(rows, undefined, first.nextCursor!, 25).rows).toHaveLength(5);
    const anns = listPage(rows, 'ann', undefined, 10);
    expect([anns.total, anns.rows.every((r) => r.displayName.startsWith('Ann'))]).toEqual([15, true]);
  });

  it('members Confluence reports closed, inactive or as apps are out of N', () => {
    expect(memberOf({ accountId: 'a', displayName: 'Former user' }).status).toBe('closed');
    expect(memberOf({ accountId: 'b', displayName: 'Build Bot', accountType: 'app' }).status).toBe('app');
    expect(memberOf({ accountId: 'c', displayName: 'Eve', accountStatus: 'inactive' }).status).toBe('inactive');
    expect(memberOf({ accountId: 'd', displayName: 'Ann', accountStatus: 'active', accountType: 'atlassian' }).status).toBe('active');
  });
});
