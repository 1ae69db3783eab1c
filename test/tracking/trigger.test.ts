import { onContentViewedOnTime } from '../support/on-time';
import { onContentViewed as onContentViewedNow, processViewedEvent } from '../../src/tracking/on-content-viewed';

const onContentViewed = (event: unknown) => typeof event === 'object' && event !== null ? onContentViewedOnTime(event as Record<string, unknown>) : onContentViewedNow(event);
import { viewedEvent } from '../support/events';
import { startAppStore, type AppStore } from '../support/app-store';
import { storedCounts } from '../support/stored-counts';

let store: AppStore;
beforeEach(() => {
  store = startAppStore();
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  store.stop();
  jest.restoreAllMocks();
});

const view = { contentId: '4242', spaceKey: 'ENG', accountId: 'user-1', at: Date.parse('2026-11-20T10:00:00Z') };

describe('the view trigger', () => {
  it.each([
    ['not an object', 'garbage'],
    ['an unknown event type', { ...viewedEvent(view), eventType: 'avi:confluence:created:page' }],
    ['a content id that is not one', { ...viewedEvent(view), content: { ...(viewedEvent(view).content as object), id: '../../etc' } }],
  ])('logs and drops %s: no retry, nothing stored', async (_name, event) => {
    expect(await onContentViewed(event)).toBeUndefined();
    expect(store.emulator.stats().writeRequests).toBe(0);
  });

  it('asks Forge for a retry while storage fails, and the retry counts the view exactly once', async () => {
    store.emulator.setFaults({ rejectRate: 1, rejectStatus: 500 });
    const failed = await onContentViewed(viewedEvent(view));
    // What Forge reads is the serialised InvocationError.
    expect(JSON.parse(JSON.stringify(failed))).toEqual({ _retry: true, retryOptions: { retryAfter: 60, retryReason: 'FUNCTION_RETRY_REQUEST' } });

    // Every write is applied but its answer lost: the handler's own retry finds the view recorded.
    store.emulator.setFaults({ decide: (request) => (request.isWrite ? { kind: 'failAfterApply' } : undefined) });
    expect(await onContentViewed(viewedEvent(view))).toBeUndefined();
    store.emulator.setFaults(undefined);
    expect(await onContentViewed(viewedEvent(view))).toBeUndefined(); // Forge redelivers anyway: a duplicate
    expect(await storedCounts(view.contentId)).toMatchObject({ views: 1, recordCount: 1 });
  });

  it.each([
    ['two hours in the future', 2 * 3_600_000],
    ['in 1970', -Date.now()],
    ['older than Forge retries', -3 * 3_600_000],
  ])('refuses a view stamped %s, and the next real views still obey the blocking time', async (_name, offset) => {
    const now = Date.now();
    const odd = await processViewedEvent(viewedEvent({ ...view, at: now + offset }));
    expect(odd).toEqual({ tracked: false, reason: offset > 0 ? 'time-in-future' : 'time-too-old' });
    expect(await processViewedEvent(viewedEvent({ ...view, at: now }))).toEqual({ tracked: true, counted: 1 });
    expect(await processViewedEvent(viewedEvent({ ...view, at: now + 1000 }))).toEqual({ tracked: false, reason: 'blocking-time' });
    expect(await storedCounts(view.contentId)).toMatchObject({ views: 1, recordCount: 1 });
  });

  it('refuses a time whose offset passes the format check but is no time (+99:99)', async () => {
    const event = { ...viewedEvent(view), eventCreatedDate: '2026-12-01T10:00:00+99:99' };
    expect(await processViewedEvent(event)).toBe('malformed');
    expect(store.emulator.stats().writeRequests).toBe(0);
  });
});
