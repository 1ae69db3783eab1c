import { kvs } from '@forge/kvs';
import { seededRandom } from '../../local/kvs/rng';
import { onContentViewedOnTime as onContentViewed } from '../support/on-time';
import { onContentLifecycle, processLifecycleEvent } from '../../src/lifecycle/on-content-lifecycle';
import { topContentAllTime, topContentOfSpace } from '../support/content-ranking';
import { getContentStats } from '../../src/core/storage/content-stats';
import { commitOps } from '../../src/core/storage/commit-ops';
import { listedContentIds } from '../../src/lifecycle/storage/content-status-store';
import { decideLifecycle } from '../../src/lifecycle/rules/lifecycle-plan';
import { parseLifecycleEvent } from '../../src/lifecycle/rules/lifecycle-event';
import { expectedCounts, viewedEvent, type SimpleView } from '../support/events';
import { lifecycleEvent, type SimpleLifecycle } from '../support/lifecycle-events';
import { spaceTotalsAgree } from '../support/space-invariant';
import { contentMonthsOf, rollupTotalsAgree } from '../support/rollup-invariant';
import { startAppStore, type AppStore } from '../support/app-store';
import { storedCounts, storedViewerViews } from '../support/stored-counts';

const T0 = Date.parse('2026-11-20T23:40:00Z');
let store: AppStore;
beforeEach(() => { store = startAppStore(); });
afterEach(() => store.stop());

async function deliver(events: Array<Record<string, unknown>>): Promise<void> {
  let pending = events;
  for (let round = 0; round < 8 && pending.length > 0; round += 1) {
    const outcomes = await Promise.all(pending.map(async (event) => {
      const handler = String(event.eventType).includes(':viewed:') ? onContentViewed : onContentLifecycle;
      return { event, result: await handler(event).catch(() => 'thrown' as const) };
    }));
    pending = outcomes.filter(({ result }) => result !== undefined).map(({ event }) => event);
  }
  expect(pending).toEqual([]);
}

function views(contentId: string, spaceKey: string, count: number, seed: number): SimpleView[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, i) => ({ contentId, spaceKey, accountId: `user-${i % 7}`, at: T0 + Math.floor(random() * 30 * 60_000) }));
}

async function recordSpaces(contentId: string): Promise<string[]> {
  const page = await kvs.entity<{ spaceKey: string }>('view').query().index('by-content', { partition: [contentId] }).limit(100).getMany();
  return [...new Set(page.results.map((r) => r.value.spaceKey))];
}

const life = (action: SimpleLifecycle['action'], contentId: string, spaceKey: string, at: number) => lifecycleEvent({ action, contentId, spaceKey, at });

describe('content lifecycle', () => {
  it('a trashed page leaves the reports with its counts kept; restored, it returns with every count', async () => {
    await deliver([...views('501', 'ENG', 12, 1), ...views('502', 'ENG', 5, 2)].map(viewedEvent));
    const before = await storedCounts('501');
    await deliver([life('trashed', '501', 'ENG', T0 + 3_600_000)]);
    expect((await topContentAllTime(10)).map((row) => row.contentId)).toEqual(['502']);
    expect((await topContentOfSpace('ENG', 10)).map((row) => row.contentId)).toEqual(['502']);
    expect((await storedCounts('501')).views).toBe(before.views);
    let totals = await spaceTotalsAgree(['ENG'], ['501', '502']);
    expect(totals.fromSpaceDays).toEqual(totals.fromContentDays);
    expect(Object.values(totals.fromSpaceDays).reduce((a, b) => a + b, 0)).toBe((await storedCounts('502')).views);

    await deliver([life('restored', '501', 'ENG', T0 + 7_200_000)]);
    expect((await topContentAllTime(10)).map((row) => row.contentId)).toEqual(['501', '502']);
    totals = await spaceTotalsAgree(['ENG'], ['501', '502']);
    expect(totals.fromSpaceDays).toEqual(totals.fromContentDays);
    expect(Object.values(totals.fromSpaceDays).reduce((a, b) => a + b, 0)).toBe(before.views + (await storedCounts('502')).views);
  });

  it('a moved page takes its history to the new space; the old space no longer lists or counts it', async () => {
    await deliver(views('601', 'ENG', 10, 3).map(viewedEvent));
    await deliver([life('moved', '601', 'HR', T0 + 3_600_000)]);
    expect(await topContentOfSpace('ENG', 10)).toEqual([]);
    expect((await topContentOfSpace('HR', 10)).map((row) => row.contentId)).toEqual(['601']);
    const totals = await spaceTotalsAgree(['ENG', 'HR'], ['601']);
    expect(totals.fromSpaceDays).toEqual(totals.fromContentDays);
    expect(Object.keys(totals.fromSpaceDays).every((key) => key.startsWith('HR|'))).toBe(true);
    const moved = await storedCounts('601');
    expect(moved.viewerRows.every((row) => (row as { spaceKey?: string }).spaceKey === 'HR')).toBe(true);
    expect(await recordSpaces('601')).toEqual(['HR']);
    // A late view that still names the old space is counted where the page now lives.
    await deliver([viewedEvent({ contentId: '601', spaceKey: 'ENG', accountId: 'late-user', at: T0 + 60_000 })]);
    expect((await getContentStats('601'))?.spaceKey).toBe('HR');
    const after = await spaceTotalsAgree(['ENG', 'HR'], ['601']);
    expect(after.fromSpaceDays).toEqual(after.fromContentDays);
  });

  it('a renamed space key re-files its content by the space id stored next to the key', async () => {
    await deliver(views('611', 'ENG', 5, 9).map(viewedEvent));
    const spaceId = (await getContentStats('611'))?.spaceId;
    expect(spaceId).toBe('827392002'); // the view event's content.space.id
    await deliver([{ eventType: 'avi:confluence:updated:space:V2', eventCreatedDate: new Date(T0 + 3_600_000).toISOString(), space: { id: 827392002, key: 'ENGX', alias: 'ENGX', name: 'Engineering', type: 'global', status: 'current' } }]);
    expect(await getContentStats('611')).toMatchObject({ spaceKey: 'ENGX', spaceId: '827392002', status: 'current' });
    expect((await topContentOfSpace('ENGX', 10)).map((row) => row.contentId)).toEqual(['611']);
    const totals = await spaceTotalsAgree(['ENG', 'ENGX'], ['611']);
    expect(totals.fromSpaceDays).toEqual(totals.fromContentDays);
    expect(Object.keys(totals.fromSpaceDays).every((key) => key.startsWith('ENGX|'))).toBe(true);
  });

  it('a deleted space purges every content row of the space, also under a renamed key; other spaces and redelivery keep theirs', async () => {
    const spaceEvent = (eventType: string, key: string, at: number) => ({ eventType, eventCreatedDate: new Date(at).toISOString(), space: { id: 827392002, key, alias: key, name: 'Engineering', type: 'global', status: 'current' } });
    await deliver([...views('621', 'ENG', 6, 11), ...views('622', 'ENG', 3, 12)].map(viewedEvent));
    await deliver([spaceEvent('avi:confluence:updated:space:V2', 'ENGX', T0 + 3_600_000)]);
    await deliver(views('623', 'ENGX', 4, 13).map(viewedEvent));
    await deliver(views('624', 'HR', 5, 14).map((view) => { const event = viewedEvent(view); return { ...event, content: { ...(event.content as object), space: { id: 99, key: 'HR' } } }; }));
    const otherBefore = await storedCounts('624');
    const deletion = spaceEvent('avi:confluence:deleted:space:V2', 'ENGX', T0 + 7_200_000);
    expect(await processLifecycleEvent(deletion)).toBe('applied');
    for (const id of ['621', '622', '623']) {
      const gone = await storedCounts(id);
      expect({ id, status: (await getContentStats(id))?.status, views: gone.views, records: gone.recordCount, days: gone.byDay.size, viewers: gone.viewerRows.length })
        .toEqual({ id, status: 'purged', views: 0, records: 0, days: 0, viewers: 0 });
    }
    expect(await topContentOfSpace('ENGX', 10)).toEqual([]);
    expect((await topContentAllTime(10)).map((row) => row.contentId)).toEqual(['624']);
    const totals = await spaceTotalsAgree(['ENG', 'ENGX', 'HR'], ['621', '622', '623', '624']);
    expect(totals.fromSpaceDays).toEqual(totals.fromContentDays);
    const rollups = await rollupTotalsAgree(['ENG', 'ENGX', 'HR'], ['621', '622', '623', '624']);
    expect(rollups.fromRollups).toEqual(rollups.fromContentRows);
    // Redelivered: nothing is purged twice, the other space keeps its history.
    expect(await processLifecycleEvent(deletion)).toBe('stale');
    expect((await storedCounts('624')).views).toBe(otherBefore.views);
  });

  it('a rename updates the title; an older update arriving late does not undo it', async () => {
    await deliver(views('701', 'ENG', 2, 4).map(viewedEvent));
    await deliver([lifecycleEvent({ action: 'updated', contentId: '701', spaceKey: 'ENG', at: T0 + 2_000_000, title: 'New name' })]);
    await deliver([lifecycleEvent({ action: 'updated', contentId: '701', spaceKey: 'ENG', at: T0 + 1_000_000, title: 'Old name' })]);
    expect((await getContentStats('701'))?.title).toBe('New name');
  });

  it('a purged page loses every row; space and viewer totals drop by its views; a late view does not bring it back', async () => {
    await deliver([...views('801', 'ENG', 9, 5), ...views('802', 'ENG', 4, 6)].map(viewedEvent));
    const viewerBefore = await storedViewerViews('user-1');
    const purgedOfUser1 = (await storedCounts('801')).viewerRows.find((row) => row.viewer === 'user-1')?.views ?? 0;
    await deliver([life('deleted', '801', 'ENG', T0 + 3_600_000)]);
    const gone = await storedCounts('801');
    expect({ views: gone.views, records: gone.recordCount, days: gone.byDay.size, viewers: gone.viewerRows.length }).toEqual({ views: 0, records: 0, days: 0, viewers: 0 });
    expect(await storedViewerViews('user-1')).toBe(viewerBefore - purgedOfUser1);
    await deliver([viewedEvent({ contentId: '801', spaceKey: 'ENG', accountId: 'user-9', at: T0 + 100 })]);
    expect((await storedCounts('801')).views).toBe(0);
    const totals = await spaceTotalsAgree(['ENG'], ['801', '802']);
    expect(totals.fromSpaceDays).toEqual(totals.fromContentDays);
    expect(Object.values(totals.fromSpaceDays).reduce((a, b) => a + b, 0)).toBe((await storedCounts('802')).views);
  });

  it('a pass interrupted after the content row was written is finished by the next view of that page', async () => {
    await deliver(views('651', 'ENG', 6, 8).map(viewedEvent));
    const current = await getContentStats('651');
    const parsed = parseLifecycleEvent(life('moved', '651', 'OPS', T0 + 3_600_000));
    if (!parsed.ok || !current) throw new Error('setup');
    const decision = decideLifecycle(current, parsed.value);
    if (decision.kind !== 'apply') throw new Error('setup');
    // Only the content row is written, as if the function died before settling the day rows.
    expect(await commitOps([decision.op])).toBe('committed');
    await deliver([viewedEvent({ contentId: '651', spaceKey: 'OPS', accountId: 'new-reader', at: T0 + 120_000 })]);
    expect((await getContentStats('651'))?.views).toBe(current.views + 1);
    const totals = await spaceTotalsAgree(['ENG', 'OPS'], ['651']);
    expect(totals.fromSpaceDays).toEqual(totals.fromContentDays);
    expect(Object.keys(totals.fromSpaceDays).every((key) => key.startsWith('OPS|'))).toBe(true);
    expect([...(await listedContentIds(['651', '999']))]).toEqual(['651', '999']);
  });

  it('drops malformed lifecycle events without a retry', async () => {
    expect(await processLifecycleEvent({ eventType: 'avi:confluence:trashed:page', content: { id: 'x' } })).toBe('malformed');
  });
});

/** The reference model: every event carries the content's state at its time; the newest one wins; a purge is final. */
function expectedState(events: SimpleLifecycle[]): { status: string; spaceKey: string } {
  if (events.some((event) => event.action === 'deleted')) return { status: 'purged', spaceKey: '' };
  const latest = [...events].sort((a, b) => a.at - b.at)[events.length - 1]!;
  return { status: latest.status ?? 'current', spaceKey: latest.spaceKey };
}

/** Gives each event the status its content had at that time, as Confluence's payloads do. */
function withTimelineStatus(events: SimpleLifecycle[]): SimpleLifecycle[] {
  type Status = 'current' | 'trashed' | 'archived';
  let status: Status = 'current' as Status;
  const after: Partial<Record<SimpleLifecycle['action'], Status>> = { trashed: 'trashed', archived: 'archived', restored: 'current', unarchived: 'current', created: 'current' };
  return [...events].sort((a, b) => a.at - b.at).map((event) => {
    status = after[event.action] ?? status;
    return { ...event, status };
  });
}

describe('lifecycle events shuffled and duplicated with views, against a reference model', () => {
  const actions: Array<SimpleLifecycle['action']> = ['trashed', 'restored', 'archived', 'unarchived', 'moved', 'updated'];
  for (const seed of [11, 12, 13, 14]) {
    it(`seed ${seed}: final status, space and totals are those of the reference model`, async () => {
      const random = seededRandom(seed);
      const pages = ['901', '902', '903'];
      const spaces = ['ENG', 'HR', 'OPS'];
      const lifecycle: SimpleLifecycle[] = pages.flatMap((contentId, index) => withTimelineStatus(Array.from({ length: 5 }, (_, i) => ({
        action: index === 2 && i === 4 && seed % 2 === 0 ? 'deleted' as const : actions[Math.floor(random() * actions.length)]!,
        contentId, spaceKey: spaces[Math.floor(random() * spaces.length)]!, at: T0 + 100_000 * (i + 1) + Math.floor(random() * 50_000),
      }))));
      const allViews = pages.flatMap((contentId, index) => views(contentId, 'ENG', 8, seed * 10 + index));
      const events = [...lifecycle.map(lifecycleEvent), ...lifecycle.slice(0, 5).map(lifecycleEvent), ...allViews.map(viewedEvent)];
      const shuffled = events.map((event) => ({ event, key: random() })).sort((a, b) => a.key - b.key).map(({ event }) => event);
      await deliver(shuffled);

      const counts = expectedCounts(allViews, 5000);
      for (const contentId of pages) {
        const want = expectedState(lifecycle.filter((event) => event.contentId === contentId));
        const row = await getContentStats(contentId);
        expect({ contentId, status: row?.status }).toEqual({ contentId, status: want.status });
        const months = await contentMonthsOf(contentId);
        if (want.status === 'purged') {
          expect((await storedCounts(contentId)).recordCount).toBe(0);
          expect(months.views).toBe(0);
          continue;
        }
        expect({ contentId, spaceKey: row?.spaceKey, views: row?.views }).toEqual({ contentId, spaceKey: want.spaceKey, views: counts.get(contentId)?.views });
        // The month rows (page statistics, report rankings) follow the content like its day rows.
        expect({ contentId, ...months }).toEqual({ contentId, views: counts.get(contentId)?.views, spaces: [want.spaceKey], statuses: [want.status] });
      }
      const totals = await spaceTotalsAgree(spaces, pages);
      expect(totals.fromSpaceDays).toEqual(totals.fromContentDays);
      // Report rollups of every space and of the site: the sums of the listed day and month rows.
      const rollups = await rollupTotalsAgree(spaces, pages);
      expect(rollups.fromRollups).toEqual(rollups.fromContentRows);
    });
  }
});
