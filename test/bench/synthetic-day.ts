/**
 * A synthetic day of Confluence views: Zipf-popular pages, a user population with repeat visits and
 * reloads inside the blocking time, anonymous visitors, and Forge-like delivery (late, out of order,
 * sometimes twice). Seeded: the same options always give the same day.
 */
import { seededRandom as seeded } from '../../local/kvs/rng';

export { seeded };

export interface DayOptions { views: number; pages: number; users: number; anonymousShare: number; seed: number; day: string }
export interface DayView { contentId: string; spaceKey: string; accountId?: string; at: number }

export function syntheticDay(options: DayOptions): DayView[] {
  const random = seeded(options.seed);
  const pickPage = zipf(options.pages, 1.07, random);
  const start = Date.parse(`${options.day}T00:00:00Z`);
  const views: DayView[] = [];
  while (views.length < options.views) {
    const page = pickPage();
    const anonymous = random() < options.anonymousShare;
    const at = start + Math.floor(officeHours(random) * 86_400_000);
    const view: DayView = { contentId: String(100_000 + page), spaceKey: `S${page % 200}`, at, ...(anonymous ? {} : { accountId: `user-${Math.floor(random() ** 1.5 * options.users)}` }) };
    views.push(view);
    // About one view in ten is followed by a reload within a few seconds.
    if (random() < 0.1 && views.length < options.views) views.push({ ...view, at: at + 500 + Math.floor(random() * 9000) });
  }
  return views;
}

/** Delivery as Forge does it: up to 3 minutes late (so out of order) and 1 % delivered twice. */
export function forgeDelivery<T extends { at: number }>(views: readonly T[], seed: number): T[] {
  const random = seeded(seed);
  const deliveries = views.flatMap((view) => (random() < 0.01 ? [view, view] : [view]))
    .map((view) => ({ view, arrives: view.at + random() * 180_000 }));
  return deliveries.sort((a, b) => a.arrives - b.arrives).map(({ view }) => view);
}

/** Most views during the working day: a rough two-hump daily curve in [0, 1). */
function officeHours(random: () => number): number {
  const hump = random() < 0.5 ? 0.42 : 0.6;
  const value = hump + (random() + random() + random() - 1.5) * 0.12;
  return Math.min(0.9999, Math.max(0, value));
}

function zipf(n: number, s: number, random: () => number): () => number {
  const cdf = new Float64Array(n);
  let total = 0;
  for (let rank = 1; rank <= n; rank += 1) cdf[rank - 1] = total += 1 / rank ** s;
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cdf[mid]! < target) low = mid + 1; else high = mid;
    }
    return low;
  };
}

