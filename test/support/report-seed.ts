import type { ReportFilters } from '@contracts/report-query';
import type { Source } from '@contracts/settings';
import { trackView } from '../../src/tracking/track-view';
import { addDays } from '../../src/core/model/report-periods';
import type { RawView } from './report-model';

/** The small site the query layer's model tests run on: three spaces, two sources, 25 readers. */
export const REPORT_TODAY = '2026-11-20';
export const REPORT_FIRST_DAY = '2026-09-01';
export const REPORT_SPACES = ['ENG', 'OPS', 'HR'];
export const REPORT_SOURCES: Source[] = ['desktop', 'mobile-web'];

/**
 * Views through the real write path (rules, blocking time, one transaction), kept when counted:
 * Zipf-like over `contents` pieces of content, from the first day until `until` (ISO time).
 */
export async function seedReportViews(random: () => number, count: number, options: { contents: number; until: string }): Promise<RawView[]> {
  const counted: RawView[] = [];
  const start = Date.parse(`${REPORT_FIRST_DAY}T00:00:00Z`);
  const span = Date.parse(options.until) - start;
  const times = Array.from({ length: count }, () => start + Math.floor(random() * span / 60_000) * 60_000).sort((a, b) => a - b);
  for (const at of times) {
    const content = Math.floor(random() ** 2 * options.contents);
    const view: RawView = {
      contentId: String(5000 + content), spaceKey: REPORT_SPACES[content % 3]!, contentType: content % 4 === 0 ? 'blogpost' : 'page',
      viewer: random() < 0.15 ? null : `user-${Math.floor(random() * 25)}`, at, source: REPORT_SOURCES[Math.floor(random() * 2)]!,
    };
    const outcome = await trackView({
      via: 'auto', now: at,
      view: { contentId: view.contentId, contentType: view.contentType, spaceKey: view.spaceKey, title: `T${content}`, at, source: view.source, viewer: view.viewer ? { kind: 'user', accountId: view.viewer } : { kind: 'anonymous' } },
    });
    if (outcome.tracked) counted.push(view);
  }
  return counted;
}

/** A random range (1 to 80 days, ending up to 40 days ago) and a random combination of filters. */
export function randomReportQuery(random: () => number): { range: { from: string; to: string }; filters: ReportFilters } {
  const length = [1, 7, 30, 45, 80][Math.floor(random() * 5)]!;
  const to = addDays(REPORT_TODAY, -Math.floor(random() * 40));
  const filters: ReportFilters = {};
  if (random() < 0.4) filters.spaceKeys = REPORT_SPACES.filter(() => random() < 0.5).slice(0, 2);
  if (random() < 0.3) filters.contentTypes = [random() < 0.5 ? 'page' : 'blogpost'];
  if (random() < 0.3) filters.sources = [REPORT_SOURCES[Math.floor(random() * 2)]!];
  if (random() < 0.3) filters.audience = random() < 0.5 ? 'signed-in' : 'anonymous';
  return { range: { from: addDays(to, 1 - length), to }, filters };
}
