/**
 * Every figure of the Search tab against a brute-force model: random searches (with repeats inside
 * the blocking time, redeliveries, anonymous searches, searches without results) and page views over
 * three months go through the real triggers; the model recomputes each table under every filter the
 * UI offers (audience × table × range) from the raw events alone.
 */
import { startAppStore, type AppStore } from '../support/app-store';
import { searchOnTime } from '../support/search-events';
import { viewedEvent } from '../support/events';
import { deliveredAt } from '../../local/host/delivery-clock';
import { processViewedEvent } from '../../src/tracking/on-content-viewed';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { normaliseQuery } from '../../src/search/rules/normalise-query';
import { searchSummary, searchTable } from '../../src/search/search-report';
import { SEARCH_AUDIENCES, SEARCH_TABLES, type SearchAudience, type SearchTable } from '@contracts/search-report';

let store: AppStore;
beforeAll(() => {
  store = startAppStore();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterAll(() => store.stop());

const BLOCKING = DEFAULT_SETTINGS.blockingTimeMs;
const WINDOW = 120_000;
const DAY = 86_400_000;
const START = Date.parse('2026-09-25T08:00:00Z');
const QUERIES = ['Onboarding', 'onboarding ', 'VPN', 'ｖｐｎ setup', 'holiday policy', 'Expenses', 'wifi', 'printer', 'jane doe', 'release notes', 'budget 2027', 'OKR', 'payroll', 'badge'];

interface Search { kind: 'search'; at: number; user: string | null; query: string; results: number }
interface View { kind: 'view'; at: number; user: string | null; contentId: string }

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return state / 2 ** 32;
  };
}

function generate(): Array<Search | View> {
  const next = random(21);
  const events: Array<Search | View> = [];
  let at = START;
  for (let i = 0; i < 260; i += 1) {
    at += Math.floor(next() * 9 * 3_600_000 * (next() < 0.2 ? 0.0002 : 1));
    const user = next() < 0.2 ? null : `user-${Math.floor(next() * 6)}`;
    const query = QUERIES[Math.floor(next() ** 1.6 * QUERIES.length)]!;
    const results = next() < 0.25 ? 0 : 1 + Math.floor(next() * 20);
    events.push({ kind: 'search', at, user, query, results });
    if (next() < 0.3) events.push({ kind: 'search', at: at + Math.floor(next() * 2 * BLOCKING), user, query, results });
    if (next() < 0.5) events.push({ kind: 'view', at: at + Math.floor(next() * 1.5 * WINDOW), user: next() < 0.85 ? user : `user-${Math.floor(next() * 6)}`, contentId: String(500 + Math.floor(next() * 5)) });
  }
  return events.sort((a, b) => a.at - b.at || (a.kind === 'search' ? -1 : 1));
}

interface Counted { at: number; day: string; user: string | null; query: string; results: number; clicked: boolean }

/** The model: blocking time per (user, query) as a greedy chain over times; each view clicks the newest counted search before it. */
function model(events: Array<Search | View>): Counted[] {
  const counted: Counted[] = [];
  const lastCounted = new Map<string, number>();
  const newest = new Map<string, Counted>();
  for (const event of events) {
    if (event.kind === 'search') {
      const query = normaliseQuery(event.query)!;
      const key = `${event.user ?? 'anon'}|${query}`;
      const previous = lastCounted.get(key);
      if (event.user !== null && previous !== undefined && event.at - previous < BLOCKING) continue;
      lastCounted.set(key, event.at);
      const search = { at: event.at, day: new Date(event.at).toISOString().slice(0, 10), user: event.user, query, results: event.results, clicked: false };
      counted.push(search);
      if (event.user !== null) newest.set(event.user, search);
    } else if (event.user !== null) {
      const search = newest.get(event.user);
      if (search && !search.clicked && event.at >= search.at && event.at - search.at <= WINDOW && search.results > 0) search.clicked = true;
      if (search && event.at >= search.at) newest.delete(event.user);
    }
  }
  return counted;
}

function inAudience(search: Counted, audience: SearchAudience): boolean {
  return audience === 'all' || (audience === 'anonymous') === (search.user === null);
}

function expectedTable(counted: Counted[], from: string, to: string, audience: SearchAudience, table: SearchTable) {
  const rows = new Map<string, { query: string; searches: number; noResults: number; clickThroughs: number; unclicked: number }>();
  for (const search of counted) {
    if (search.day < from || search.day > to || !inAudience(search, audience)) continue;
    const row = rows.get(search.query) ?? { query: search.query, searches: 0, noResults: 0, clickThroughs: 0, unclicked: 0 };
    row.searches += 1;
    if (search.results === 0) row.noResults += 1;
    if (search.clicked) row.clickThroughs += 1;
    if (search.user !== null && search.results > 0 && !search.clicked) row.unclicked += 1;
    rows.set(search.query, row);
  }
  const value = (row: { searches: number; noResults: number; unclicked: number }) => (table === 'top' ? row.searches : table === 'no-results' ? row.noResults : row.unclicked);
  if (table === 'no-click' && audience === 'anonymous') return [];
  return [...rows.values()].filter((row) => value(row) > 0)
    .sort((a, b) => value(b) - value(a) || (a.query < b.query ? -1 : 1));
}

describe('the Search tab against a brute-force model', () => {
  const events = generate();
  const counted = model(events);

  beforeAll(async () => {
    for (const event of events) {
      if (event.kind === 'search') {
        const search = { query: event.query, at: event.at, results: event.results, ...(event.user ? { accountId: event.user } : {}) };
        await searchOnTime(search);
        if (event.at % 7 === 0) await searchOnTime(search); // a redelivery
      } else {
        const viewed = viewedEvent({ contentId: event.contentId, spaceKey: 'ENG', at: event.at, ...(event.user ? { accountId: event.user } : {}) });
        await deliveredAt(event.at + 1000, () => processViewedEvent(viewed));
      }
    }
  }, 120_000);

  const ranges: Array<[string, string]> = [['2026-09-25', '2026-12-31'], ['2026-10-01', '2026-10-31'], ['2026-10-12', '2026-11-03'], ['2026-11-20', '2026-11-20']];
  const cases = ranges.flatMap((range) => SEARCH_AUDIENCES.flatMap((audience) => SEARCH_TABLES.map((table) => [range, audience, table] as const)));

  it('generated a day with blocked repeats, clicks and no-result searches', () => {
    expect(counted.length).toBeGreaterThan(150);
    expect(counted.some((search) => search.clicked)).toBe(true);
    expect(counted.some((search) => search.results === 0)).toBe(true);
  });

  it.each(cases)('%j, %s, table %s: every row exact', async (range, audience, table) => {
    const [from, to] = range;
    const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
    for (const k of [3, 50]) {
      const answer = await searchTable({ from, to, days }, { audience }, table, k);
      const expected = expectedTable(counted, from, to, audience, table).slice(0, k);
      expect(answer.rows.map(({ query, searches, noResults, clickThroughs, unclicked }) => ({ query, searches, noResults, clickThroughs, unclicked }))).toEqual(expected);
    }
  });

  it.each(ranges.flatMap((range) => SEARCH_AUDIENCES.map((audience) => [range, audience] as const)))('%j, %s: tiles and chart exact', async (range, audience) => {
    const [from, to] = range;
    const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY) + 1;
    const summary = await searchSummary({ from, to, days }, { audience }, DEFAULT_SETTINGS, '2026-12-31');
    const inRange = counted.filter((search) => search.day >= from && search.day <= to && inAudience(search, audience));
    expect({ searches: summary.searches, noResults: summary.noResults, clickThroughs: summary.clickThroughs }).toEqual({
      searches: inRange.length, noResults: inRange.filter((search) => search.results === 0).length, clickThroughs: inRange.filter((search) => search.clicked).length,
    });
    for (const day of summary.days) {
      expect(day.searches).toBe(inRange.filter((search) => search.day === day.day).length);
    }
    const searchers = new Set(inRange.flatMap((search) => (search.user ? [search.user] : []))).size;
    if (audience === 'anonymous') expect(summary.searchers).toBeNull();
    else expect(summary.searchers).toBe(searchers);
  });
});
