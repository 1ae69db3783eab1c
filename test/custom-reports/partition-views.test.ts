import { kvs } from '@forge/kvs';
import { KEYS } from '../../src/core/storage/keys';
import { viewsOfPartitionsBetween } from '../../src/core/storage/partition-views';
import { startAppStore, type AppStore } from '../support/app-store';

let store: AppStore;
beforeEach(() => { store = startAppStore({ backend: { kind: 'memory' } }); });
afterEach(() => store.stop());

async function seed(spaceKey: string, count: number, step: number, offset: number) {
  const written: Array<{ contentId: string; at: number }> = [];
  for (let i = 0; i < count; i += 1) {
    const at = 1_000_000 + offset + i * step;
    const contentId = `${spaceKey}-${i % 7}`;
    await kvs.entity('view').set(KEYS.view(contentId, 'acc-1', at), { contentId, spaceKey, contentType: 'page', viewer: 'acc-1', at, source: 'desktop', recordedAt: at });
    written.push({ contentId, at });
  }
  return written;
}

describe('views of some partitions, newest first within a page budget', () => {
  it('reads everything in the range when the budget allows, and nothing outside it', async () => {
    const all = [...await seed('A', 150, 10, 0), ...await seed('B', 30, 37, 5)];
    const from = 1_000_100; const to = 1_001_200;
    const read = await viewsOfPartitionsBetween('by-space', ['A', 'B'], from, to, 10, () => true);
    expect(read.completeAfter).toBeNull();
    const expected = all.filter((view) => view.at >= from && view.at <= to).map((view) => view.at).sort();
    expect(read.views.map((view) => view.at).sort()).toEqual(expected);
  });

  it('when the budget is hit, every view after the bound it reports was read (an exact shorter range)', async () => {
    const all = [...await seed('A', 250, 10, 0), ...await seed('B', 40, 20, 3)];
    const read = await viewsOfPartitionsBetween('by-space', ['A', 'B'], 0, 10_000_000, 2, () => true);
    expect(read.pagesRead).toBe(2);
    expect(read.completeAfter).not.toBeNull();
    const bound = read.completeAfter!;
    const after = (views: Array<{ at: number }>) => views.filter((view) => view.at > bound).map((view) => view.at).sort();
    expect(after(read.views)).toEqual(after(all));
    // A's newest 100 only: its oldest read view is the bound, so some of B's views are older and left out.
    expect(all.filter((view) => view.at <= bound).length).toBeGreaterThan(0);
  });

  it('keeps only the views the caller asks for (the selection\'s ids)', async () => {
    await seed('A', 50, 10, 0);
    const read = await viewsOfPartitionsBetween('by-content', ['A-1', 'A-2'], 0, 10_000_000, 5, (id) => id === 'A-1');
    expect(read.views.length).toBe(7); // i % 7 === 1 for i < 50: 1, 8, …, 43
    expect(new Set(read.views.map((view) => view.contentId))).toEqual(new Set(['A-1']));
  });
});
