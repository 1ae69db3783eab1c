/**
 * The answer of a failed transaction condition is not documented (Forge: "if any condition is not
 * met, the entire transaction will fail", mirror/storage-reference/entities-transactions/index.md).
 * With the emulator answering condition failures in ways the app does not know (strictness
 * `conditionFailureAnswer`), concurrent, redelivered views still end with exactly the counts of the
 * reference model (`expectedCounts`): an unclassified refusal is re-read and re-planned, and if it
 * persists the trigger asks Forge for a retry; no view is dropped, none counted twice.
 */
import { seededRandom } from '../../local/kvs/rng';
import type { ConditionFailureAnswer } from '../../local/kvs/strictness';
import { onContentViewedOnTime as onContentViewed } from '../support/on-time';
import { expectedCounts, viewedEvent, type SimpleView } from '../support/events';
import { startAppStore, type AppStore } from '../support/app-store';
import { storedCounts, storedViewerViews } from '../support/stored-counts';

jest.setTimeout(120_000);

const BLOCKING = 5000;
const T0 = Date.parse('2026-11-20T23:40:00Z');
const PAGES = ['2001', '2002'];

function makeViews(count: number, seed: number): SimpleView[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => ({
    contentId: PAGES[Math.floor(random() * PAGES.length)]!,
    spaceKey: 'ENG',
    ...(random() < 0.1 ? {} : { accountId: `user-${Math.floor(random() * 25)}` }),
    at: T0 + Math.floor(random() * 40 * 60_000),
  }));
}

/** Concurrent delivery; like Forge, events whose handler asked for a retry are delivered again. */
async function deliverAll(events: Array<Record<string, unknown>>): Promise<number> {
  let pending = events;
  let retried = 0;
  for (let round = 0; round < 10 && pending.length > 0; round += 1) {
    const outcomes = await Promise.all(pending.map(async (event) => ({ event, result: await onContentViewed(event) })));
    pending = outcomes.filter(({ result }) => result !== undefined).map(({ event }) => event);
    retried += pending.length;
  }
  expect(pending).toEqual([]);
  return retried;
}

const ANSWERS: Array<[string, ConditionFailureAnswer]> = [
  ['400 TRANSACTION_CANCELLED', 'transaction-cancelled'],
  ['422 UNPROCESSABLE_ENTITY', { status: 422, code: 'UNPROCESSABLE_ENTITY', message: 'The request could not be processed' }],
];

describe.each(ANSWERS)('condition failures answered %s', (_name, answer) => {
  let store: AppStore;
  beforeEach(() => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => { store.stop(); jest.restoreAllMocks(); });

  it.each([1, 2, 3])('seed %i: concurrent views, some delivered twice, match the reference model', async (seed) => {
    store = startAppStore({ latency: { minMs: 1, maxMs: 10 }, strictness: { conditionFailureAnswer: answer } });
    // Counts the refusals in the unknown form, which must happen for this test to prove anything.
    const status = answer === 'transaction-cancelled' ? 400 : typeof answer === 'object' ? answer.status : 409;
    let refused = 0;
    const fetch = store.emulator.fetch.bind(store.emulator);
    jest.spyOn(store.emulator, 'fetch').mockImplementation(async (path, init) => {
      const response = await fetch(path, init);
      if (/transaction/.test(path) && response.status === status) refused += 1;
      return response;
    });
    const views = makeViews(90, seed);
    const random = seededRandom(seed + 100);
    const events = views.flatMap((view) => (random() < 0.15 ? [view, view] : [view])).map(viewedEvent);
    await deliverAll(events);
    const expected = expectedCounts(views, BLOCKING);
    for (const contentId of PAGES) {
      const want = expected.get(contentId)!;
      const got = await storedCounts(contentId);
      expect({ contentId, views: got.views, viewers: got.viewers, anonymous: got.anonymousViews, records: got.recordCount, byDay: Object.fromEntries(got.byDay) })
        .toEqual({ contentId, views: want.views, viewers: want.viewers, anonymous: want.anonymousViews, records: want.views, byDay: Object.fromEntries(want.byDay) });
    }
    for (const viewer of new Set(views.flatMap((v) => (v.accountId ? [v.accountId] : [])))) {
      const mine = expectedCounts(views.filter((v) => v.accountId === viewer), BLOCKING);
      expect(await storedViewerViews(viewer)).toBe([...mine.values()].reduce((sum, c) => sum + c.views, 0));
    }
    expect(refused).toBeGreaterThan(0);
  });
});
