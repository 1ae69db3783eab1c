import { canViewContent } from '../confluence/permissions';
import type { DemoContent, DemoUser, Directory } from './directory';
import { Rng, zipfWeights } from './rng';

export interface PlannedView {
  contentId: string;
  /** null: an anonymous visitor. */
  viewer: string | null;
  at: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Relative traffic per UTC hour: office hours, a lunch dip, little at night. */
const HOUR_WEIGHTS = [1, 1, 1, 1, 1, 2, 4, 8, 14, 16, 15, 13, 9, 12, 15, 14, 12, 8, 5, 4, 3, 2, 2, 1];
/** Sunday..Saturday: weekends are quiet. */
const WEEKDAY_WEIGHTS = [2, 10, 11, 11, 10, 8, 2];

/**
 * Ninety days of views with a weekday/hour rhythm and Zipf popularity. Readers differ in how much they
 * read; bots read a lot; anonymous visitors only see spaces open to them. A few quick reloads are
 * included so the blocking time has something to do. Sorted by time, deterministic for a seed.
 */
export function generateViews(directory: Directory, options: { seed: number; count: number; days: number; now: number }): PlannedView[] {
  const rng = new Rng(options.seed ^ 0x5eed);
  const contents = shuffled(rng, directory.site.contents);
  const popularity = zipfWeights(contents.length);
  const viewers = directory.site.users.filter((user) => user.status === 'active');
  const activity = viewers.map((user) => activityOf(rng, user));
  const anonymousShare = 0.12;
  const dayWeights = Array.from({ length: options.days }, (_, day) => WEEKDAY_WEIGHTS[new Date(options.now - (options.days - day) * DAY_MS).getUTCDay()]!);
  const views: PlannedView[] = [];
  let attempts = 0;
  while (views.length < options.count && attempts < options.count * 20) {
    attempts += 1;
    const content = contents[rng.weightedIndex(popularity)]!;
    const viewer = rng.chance(anonymousShare) ? null : viewers[rng.weightedIndex(activity)]!;
    const caller = viewer ? { kind: 'user' as const, accountId: viewer.accountId } : { kind: 'anonymous' as const };
    if (!canViewContent(directory, caller, content)) continue;
    const dayStart = startOfUtcDay(options.now) - (options.days - rng.weightedIndex(dayWeights)) * DAY_MS;
    const at = dayStart + rng.weightedIndex(HOUR_WEIGHTS) * HOUR_MS + rng.int(0, HOUR_MS - 1);
    if (at >= options.now) continue;
    views.push({ contentId: content.id, viewer: viewer?.accountId ?? null, at });
    // Now and then a reader reloads within seconds: the blocking time must not count it.
    if (viewer && rng.chance(0.05) && views.length < options.count) views.push({ contentId: content.id, viewer: viewer.accountId, at: at + rng.int(500, 4000) });
  }
  return views.sort((a, b) => a.at - b.at || a.contentId.localeCompare(b.contentId));
}

function activityOf(rng: Rng, user: DemoUser): number {
  if (user.role === 'bot') return 6;
  if (user.role === 'guest') return 0.5;
  return 0.5 + rng.next() * 3;
}

function shuffled(rng: Rng, items: readonly DemoContent[]): DemoContent[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

function startOfUtcDay(at: number): number {
  return Math.floor(at / DAY_MS) * DAY_MS;
}
