import { kvs, WhereConditions } from '@forge/kvs';
import { seededRandom } from '../../local/kvs/rng';
import type { Source } from '@contracts/settings';
import { trackView } from '../../src/tracking/track-view';
import { utcDay } from '../../src/core/model/view';
import { monthOf } from '../../src/core/model/report-periods';
import { ENTITY } from '../../src/core/storage/keys';
import { buildRows, compactRows, writeRows, type ViewGroup } from '../bench/report-rows';
import { runSpaceCompaction } from '../../src/lifecycle/space-compaction/space-compaction';
import { startAppStore } from '../support/app-store';

interface RawView { contentId: string; spaceKey: string; contentType: 'page' | 'blogpost'; viewer: string | null; at: number; source: Source }

const CONTENTS = ['7001', '7002', '7003', '7004', '7005', '7006'];
const SPACES = ['ENG', 'OPS'];
const VIEWERS = Array.from({ length: 9 }, (_, index) => `user-${index}`);

function views(): RawView[] {
  const random = seededRandom(3);
  const start = Date.parse('2026-10-28T00:00:00Z');
  return Array.from({ length: 160 }, (_, index) => {
    const content = Math.floor(random() * CONTENTS.length);
    return {
      contentId: CONTENTS[content]!, spaceKey: SPACES[content % 2]!, contentType: content === 5 ? 'blogpost' as const : 'page' as const,
      viewer: random() < 0.2 ? null : `user-${Math.floor(random() * 9)}`, at: start + index * 3 * 3_600_000 + Math.floor(random() * 600_000),
      source: random() < 0.7 ? 'desktop' as const : 'mobile-web' as const,
    };
  });
}

/** Every report row in the store: rollups and sketches by their indexes, content rows per content. */
async function storedRows(): Promise<Record<string, unknown>> {
  const rows: Record<string, unknown> = {};
  const all = async (entity: string, index: string, partition: string[], strip: (value: Record<string, unknown>) => unknown, bounds: [string, string] | [number, number] = ['', '~']) => {
    let cursor: string | undefined;
    do {
      let query = kvs.entity<Record<string, unknown>>(entity).query().index(index, { partition }).where(WhereConditions.between(bounds[0], bounds[1])).limit(100);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const result of page.results) rows[`${entity}|${result.key}`] = strip(result.value);
      cursor = page.nextCursor;
    } while (cursor);
  };
  const noVersion = ({ version: _version, ...rest }: Record<string, unknown>) => rest;
  // Page statistics' own figures on the shared month row (distinct viewers per day) are not report rows.
  const reportMonth = ({ version: _v, viewers: _viewers, lastViewers: _last, ...rest }: Record<string, unknown>) => rest;
  for (const scope of ['site', ...SPACES]) for (const level of ['sd', 'sm', 'd', 'm', 'cd', 'cm']) await all(ENTITY.rollup, 'by-scope', [scope, level], noVersion);
  for (const kind of ['viewers', 'contents']) for (const level of ['d', 'w', 'm']) await all(ENTITY.sketch, 'by-period', [kind, level], noVersion);
  // The raw view records (the generator writes them where reads count them): when we wrote them is not theirs.
  const noRecorded = ({ recordedAt: _recordedAt, ...rest }: Record<string, unknown>) => rest;
  for (const id of CONTENTS) {
    await all(ENTITY.view, 'by-content', [id], noRecorded, [0, Number.MAX_SAFE_INTEGER]);
    await all(ENTITY.contentDay, 'by-content', [id], noVersion);
    await all(ENTITY.contentMonth, 'by-content', [id], reportMonth);
  }
  // Top readers' rows: every viewer's, by the viewer index (each row once).
  for (const viewer of VIEWERS) {
    await all(ENTITY.viewerDay, 'by-viewer', [viewer], noVersion);
    await all(ENTITY.viewerMonth, 'by-viewer', [viewer], noVersion);
  }
  return rows;
}

describe('the benchmark generator', () => {
  it('writes exactly the rows the real view path writes for the same views', async () => {
    const counted: RawView[] = [];
    const triggerStore = startAppStore();
    for (const view of views()) {
      const outcome = await trackView({
        via: 'auto', now: view.at,
        view: { contentId: view.contentId, contentType: view.contentType, spaceKey: view.spaceKey, title: 't', at: view.at, source: view.source, viewer: view.viewer ? { kind: 'user', accountId: view.viewer } : { kind: 'anonymous' } },
      });
      if (outcome.tracked) counted.push(view);
    }
    const viaTrigger = await storedRows();
    // Then the space compaction job, as the hourly maintenance runs it the next day.
    const job = await runSpaceCompaction(600_000, () => Date.parse('2026-11-17T12:00:00Z'));
    expect(job).toMatchObject({ throughDay: '2026-11-16', throughMonth: '2026-10' });
    const compacted = await storedRows();
    triggerStore.stop();

    const groups = new Map<string, ViewGroup>();
    const viewersByDay = new Map<string, Map<string, string>>();
    const viewersByMonth = new Map<string, Map<string, string>>();
    const viewerViews = new Map<string, Map<string, number>>();
    for (const view of counted) {
      const day = utcDay(view.at);
      const key = [view.contentId, day, view.source, view.viewer !== null].join('|');
      const group = groups.get(key) ?? { contentId: view.contentId, spaceKey: view.spaceKey, contentType: view.contentType, day, source: view.source, signedIn: view.viewer !== null, views: 0 };
      group.views += 1;
      groups.set(key, group);
      if (view.viewer) {
        const ofDay = viewerViews.get(day) ?? new Map<string, number>();
        ofDay.set(view.viewer, (ofDay.get(view.viewer) ?? 0) + 1);
        viewerViews.set(day, ofDay);
        for (const [map, period] of [[viewersByDay, day], [viewersByMonth, monthOf(day)]] as const) {
          const seen = map.get(period) ?? new Map<string, string>();
          if (!seen.has(view.viewer)) seen.set(view.viewer, view.contentId);
          map.set(period, seen);
        }
      }
    }
    const generatorStore = startAppStore();
    const records = counted.map((view) => ({ ...view, viewer: view.viewer ?? 'anonymous', recordedAt: 0 }));
    const built = buildRows({ groups: [...groups.values()], viewersByDay, viewersByMonth, views: records, viewerViews });
    await writeRows(built);
    const viaGenerator = await storedRows();
    const added = compactRows(built, { day: '2026-11-16', month: '2026-10' });
    await writeRows(built);
    const compactedByGenerator = await storedRows();
    generatorStore.stop();

    expect(counted.length).toBeGreaterThan(100);
    expect(Object.keys(viaGenerator).length).toBeGreaterThan(50);
    expect(Object.keys(viaGenerator).filter((key) => key.startsWith(`${ENTITY.view}|`)).length).toBe(counted.length);
    // The top readers' rows are among them: days and months of every viewer.
    expect(Object.keys(viaGenerator).filter((key) => key.startsWith(`${ENTITY.viewerDay}|`)).length).toBeGreaterThan(30);
    expect(Object.keys(viaGenerator).filter((key) => key.startsWith(`${ENTITY.viewerMonth}|`)).length).toBeGreaterThanOrEqual(VIEWERS.length);
    expect(viaGenerator).toEqual(viaTrigger);
    expect(added).toBeGreaterThan(20);
    expect(Object.keys(compactedByGenerator).length).toBe(Object.keys(viaGenerator).length + added);
    expect(compactedByGenerator).toEqual(compacted);
  }, 60_000);
});
