/**
 * The global report under a "readers in a group" filter: a group of GROUP members who view as much
 * as the generated site's average user (200,000 views a day / 50,000 users = 4 counted views a day
 * each), over the 30-day range and its previous period. Their raw view records are written directly
 * (as the view's transaction stores them), with `content-stats` rows for the content they read.
 */
import { kvs } from '@forge/kvs';
import type { ReportQuery } from '@contracts/report-query';
import { groupReportSummary, groupReportTable } from '../../src/reports/group-report';
import { addDays, dayMs } from '../../src/core/model/report-periods';
import { ENTITY, KEYS } from '../../src/core/storage/keys';
import { seeded } from './synthetic-day';
import { measured } from './unit-meter';

const TODAY = '2026-11-20';
const GROUP = 100;
const VIEWS_PER_MEMBER_DAY = 4;
const PAGES = 10_000;
const DAYS = 60;

async function batchWrite(items: Array<{ key: string; value: unknown; entityName: string }>): Promise<void> {
  for (let start = 0; start < items.length; start += 200) {
    await Promise.all(Array.from({ length: 8 }, (_, i) => items.slice(start + i * 25, start + (i + 1) * 25)).filter((b) => b.length).map((batch) => kvs.batchSet<unknown>(batch)));
  }
}

export async function benchGroupReport(print: (name: string, value: string | number) => void): Promise<void> {
  const random = seeded(5);
  const members = Array.from({ length: GROUP }, (_, i) => `557058:group-member-${i}`);
  const views: Array<{ key: string; value: unknown; entityName: string }> = [];
  const contents = new Set<number>();
  const first = dayMs(addDays(TODAY, 1 - DAYS));
  for (const viewer of members) {
    for (let day = 0; day < DAYS; day += 1) {
      for (let n = 0; n < VIEWS_PER_MEMBER_DAY; n += 1) {
        const rank = Math.floor(random() ** 3 * PAGES);
        contents.add(rank);
        const at = first + day * 86_400_000 + Math.floor(random() * 86_400_000);
        const contentId = String(10_000_000 + rank);
        views.push({ key: KEYS.view(contentId, viewer, at), entityName: ENTITY.view, value: { contentId, spaceKey: `S${rank % 20}`, contentType: 'page', viewer, at, source: 'desktop', recordedAt: at + 60_000 } });
      }
    }
  }
  await batchWrite(views);
  await batchWrite([...contents].map((rank) => ({
    key: KEYS.contentStats(String(10_000_000 + rank)), entityName: ENTITY.contentStats,
    value: { contentId: String(10_000_000 + rank), spaceKey: `S${rank % 20}`, contentType: 'page', title: `Page ${rank}`, views: 100, viewers: 10, anonymousViews: 0, lastViewedAt: dayMs(TODAY), version: 1 },
  })));
  const range = { from: addDays(TODAY, -29), to: TODAY };
  const query: ReportQuery = { range, filters: {}, table: 'top-content', sort: { column: 'views', direction: 'desc' }, pageSize: 25 };
  const started = performance.now();
  const [summary, table] = await Promise.all([
    measured(() => groupReportSummary(range, {}, TODAY, members)),
    measured(() => groupReportTable(query, TODAY, members)),
  ]);
  const ms = Math.round(performance.now() - started);
  const read = summary.result.ok ? summary.result.value.previous.views + summary.result.value.current.views : 0;
  print('read_units_global_report_30d_group', `${summary.units.read + table.units.read} (tiles+chart ${summary.units.read}, top content ${table.units.read}; members=${GROUP}, view records read ${read} + ${table.result.ok ? 'range again' : 'refused'}, content-stats ${contents.size}; plus ${Math.ceil(GROUP / 200)} Confluence call for the members, cached 5 min)`);
  print('global_report_ms_30d_group', ms);
  // Not viewed by the group: the inventory by last view minus what members viewed in the range (first 25 rows).
  const notViewedStarted = performance.now();
  const notViewed = await measured(() => groupReportTable({ ...query, table: 'not-viewed', sort: { column: 'lastViewedAt', direction: 'asc' } }, TODAY, members));
  const rows = notViewed.result.ok ? notViewed.result.value.result.rows.length : -1;
  print('read_units_not_viewed_30d_group', `${notViewed.units.read} (${rows} rows; the members' view records of the range, then content-stats by last view without the ${contents.size} content they read in 60 days, some only before the range)`);
  print('not_viewed_ms_30d_group', Math.round(performance.now() - notViewedStarted));
}
