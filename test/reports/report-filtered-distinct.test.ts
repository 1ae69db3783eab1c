import { kvs } from '@forge/kvs';
import { reportSummary } from '../../src/reports/report-summary';
import { trackView } from '../../src/tracking/track-view';
import { EXACT_FILTERED_MAX_VIEWS } from '../../src/reports/rules/filtered-distinct';
import { ENTITY, KEYS } from '../../src/core/storage/keys';
import { startAppStore, type AppStore } from '../support/app-store';

/**
 * The bound holds on what is read, not only on what the rollups count: a space whose trashed content
 * still has many view records (the rollups no longer count them) is read at most to the page budget,
 * and then the tiles fall back with a note instead of a figure from a partial read.
 */
const TODAY = '2026-11-20';
let store: AppStore;
beforeEach(() => { store = startAppStore(); });
afterEach(() => store.stop());

async function view(contentId: string, viewer: string, at: number) {
  const outcome = await trackView({ via: 'auto', now: at, view: { contentId, contentType: 'page', spaceKey: 'BIG', title: 't', at, source: 'desktop', viewer: { kind: 'user', accountId: viewer } } });
  expect(outcome.tracked).toBe(true);
}

describe('filtered distinct counts over a space with many stored records', () => {
  it('count exactly while the records are few, and fall back with a note once hidden content\'s records exceed the read bound', async () => {
    const at = Date.parse(`${TODAY}T08:00:00Z`);
    await view('9001', 'user-a', at);
    await view('9001', 'user-b', at + 60_000);
    const range = { from: '2026-11-14', to: TODAY };
    const before = await reportSummary(range, { spaceKeys: ['BIG'] }, TODAY);
    expect({ viewers: before.current.viewers, content: before.current.contentViewed }).toEqual({ viewers: { value: 2, exact: true }, content: { value: 1, exact: true } });

    // A trashed page of the space with more records than the bound: its rollup share is gone, its records stay.
    await kvs.entity(ENTITY.contentStats).set(KEYS.contentStats('9002'), { contentId: '9002', spaceKey: 'BIG', contentType: 'page', title: 'old', views: 0, viewers: 0, anonymousViews: 0, lastViewedAt: at, status: 'trashed', version: 1 });
    const records = Array.from({ length: EXACT_FILTERED_MAX_VIEWS + 200 }, (_, index) => {
      const viewAt = at - 3_600_000 - index * 1000;
      return { key: KEYS.view('9002', `user-${index}`, viewAt), entityName: ENTITY.view, value: { contentId: '9002', spaceKey: 'BIG', contentType: 'page', viewer: `user-${index}`, at: viewAt, source: 'desktop', recordedAt: viewAt } };
    });
    for (let start = 0; start < records.length; start += 25) await kvs.batchSet(records.slice(start, start + 25));

    const after = await reportSummary(range, { spaceKeys: ['BIG'] }, TODAY);
    expect(after.current.views).toBe(2);
    expect({ viewers: after.current.viewers, content: after.current.contentViewed }).toEqual({ viewers: null, content: null });
    expect(after.notes).toEqual([expect.stringContaining('trashed or archived')]);
    expect(after.series.every((point) => point.viewers === null)).toBe(true);
  }, 60_000);
});
