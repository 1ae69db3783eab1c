/**
 * A model of the byline writer under its points budget (docs/view-counter.md, "Points budget"): the
 * bench's synthetic days (test/bench/synthetic-day.ts) without the app, a run every 5 minutes that
 * writes the due pages in the order's key until the run's share of the budget is spent, each write
 * showing every pending view of the page. Fast enough to compare orders at full scale over several
 * days, which the real bench (byline-property-bench.ts) cannot do on a shared machine; it ignores
 * delivery delays, blocked reloads and restricted content, which the bench has.
 *
 *   npx tsx test/bench/byline-order-model.ts
 * Env: DAYS (measured day = the last, default 1; one more day of views follows it as competition),
 * V / P (views a day, pages; 100,000 / 10,000), BUDGET (points an hour, 180), ORDER (`weighted`, the
 * writer's: since − H × unshown; `deadline`: since + H / unshown; `count`: most unshown first),
 * H (seconds, 14,400).
 */
import { syntheticDay } from './synthetic-day';

const DAYS = Number(process.env.DAYS ?? 1);
const VIEWS = Number(process.env.V ?? 100_000);
const PAGES = Number(process.env.P ?? 10_000);
const H = Number(process.env.H ?? 14_400) * 1000;
const ORDER = process.env.ORDER ?? 'weighted';
const perHour = Number(process.env.BUDGET ?? 180);
const RUN_MS = 300_000;
const DAY_MS = 86_400_000;
const start = Date.parse('2026-12-01T00:00:00Z');

const views = Array.from({ length: DAYS + 1 }, (_, d) => syntheticDay({ views: VIEWS, pages: PAGES, users: 2000, anonymousShare: 0.05, seed: 11 + d, day: new Date(start + d * DAY_MS).toISOString().slice(0, 10) }))
  .flat().sort((a, b) => a.at - b.at);
type Pending = { times: number[]; since: number };
const pending = new Map<string, Pending>();
const key = (p: Pending): number => ORDER === 'deadline' ? p.since + H / p.times.length : ORDER === 'count' ? -p.times.length * 1e15 + p.since : p.since - H * p.times.length;
const measureFrom = start + (DAYS - 1) * DAY_MS;
const measureTo = measureFrom + DAY_MS;
const lags: number[] = [];
let writes = 0;
let bucket = 0;
let unshownAtDayEnd = 0;
let next = 0;
for (let t = start + RUN_MS; t <= start + (DAYS + 6) * DAY_MS; t += RUN_MS) {
  while (next < views.length && views[next]!.at + 60_000 <= t) {
    const view = views[next++]!;
    const entry = pending.get(view.contentId) ?? { times: [], since: view.at };
    entry.times.push(view.at);
    pending.set(view.contentId, entry);
  }
  if (t >= measureTo && t < measureTo + RUN_MS) for (const p of pending.values()) unshownAtDayEnd += p.times.filter((at) => at >= measureFrom).length;
  bucket = Math.min(perHour / 12, bucket + perHour / 12);
  for (const [id, p] of [...pending.entries()].sort((a, b) => key(a[1]) - key(b[1]))) {
    if (bucket < 1) break;
    bucket -= 1;
    if (t >= measureFrom && t < measureTo) writes += 1;
    for (const at of p.times) if (at >= measureFrom && at < measureTo) lags.push((t - at) / 1000);
    pending.delete(id);
  }
  if (t > measureTo && ![...pending.values()].some((p) => p.times.some((at) => at >= measureFrom && at < measureTo))) break;
}
lags.sort((a, b) => a - b);
const q = (f: number): number => Math.round(lags[Math.min(lags.length - 1, Math.floor(lags.length * f))]!);
console.log(`${ORDER} H=${H / 1000}s budget=${perHour}/h writes=${writes} points/view=${(writes / VIEWS).toFixed(4)} lag_s p50=${q(0.5)} p75=${q(0.75)} p90=${q(0.9)} p95=${q(0.95)} max=${q(1)} views=${lags.length} unshownAtDayEnd=${unshownAtDayEnd}`);
