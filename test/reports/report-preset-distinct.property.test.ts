/**
 * The "Signed-in viewers" and "Content viewed" tiles of every preset range, against the reference
 * model over raw views: a figure marked exact is the number of distinct people (content), never a sum
 * of per-day figures; a figure that must be estimated (HyperLogLog) says so and stays within its error.
 * Two "todays": the 20th (7 days inside a month) and the 7th (the last 7 days are the month so far).
 */
import { seededRandom } from '../../local/kvs/rng';
import type { ReportFilters, ReportSummary } from '@contracts/report-query';
import { RANGE_PRESETS } from '@contracts/report-range';
import { resolveRange } from '../../src/core/date-range';
import { reportSummary } from '../../src/reports/report-summary';
import { startAppStore, type AppStore } from '../support/app-store';
import { REPORT_FIRST_DAY, seedReportViews } from '../support/report-seed';
import { distinctCount, modelViews, type RawView } from '../support/report-model';

const AUDIENCES: ReportFilters[] = [{}, { audience: 'signed-in' }, { audience: 'anonymous' }];

function expectDistinct(label: string, totals: ReportSummary['current'], chosen: RawView[]): void {
  const people = distinctCount(chosen.map((view) => view.viewer));
  const contents = distinctCount(chosen.map((view) => view.contentId));
  const check = (name: string, figure: { value: number; exact: boolean } | null, want: number) => {
    if (!figure) return;
    if (figure.exact) expect({ label, name, value: figure.value }).toEqual({ label, name, value: want });
    else expect({ label, name, withinError: Math.abs(figure.value - want) <= Math.max(1, want * 0.05) }).toEqual({ label, name, withinError: true });
  };
  check('viewers', totals.viewers, people);
  check('contentViewed', totals.contentViewed, contents);
}

describe.each(['2026-11-20', '2026-11-07'])('every preset range on %s', (today) => {
  let store: AppStore;
  let views: RawView[];
  beforeAll(async () => {
    store = startAppStore();
    views = await seedReportViews(seededRandom(5), 500, { contents: 30, until: `${today}T23:59:00Z` });
  }, 120_000);
  afterAll(() => store.stop());

  it.each(RANGE_PRESETS)('%s: exact figures equal the distinct count, estimates say so', async (preset) => {
    const resolved = resolveRange({ kind: 'preset', preset }, today, REPORT_FIRST_DAY);
    if (!resolved.ok) throw new Error(resolved.message);
    const range = { from: resolved.range.from, to: resolved.range.to };
    for (const filters of AUDIENCES) {
      const summary = await reportSummary(range, filters, today);
      const label = JSON.stringify({ preset, today, filters });
      expectDistinct(`${label} current`, summary.current, modelViews(views, range, filters));
      expectDistinct(`${label} previous`, summary.previous, modelViews(views, summary.previousRange, filters));
      // The tile is shown for the unfiltered report: it must be there (exact or estimated).
      if (!filters.audience) expect({ label, viewers: summary.current.viewers !== null }).toEqual({ label, viewers: true });
    }
  });
});
