import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Replays history as if each event were delivered when it happened. The app judges an event's time
 * against its own clock (`Date.now()`): a demo view of ninety days ago, or a test view at a fixed
 * date, would otherwise be refused as stale. Inside `deliveredAt(t, fn)` every `Date.now()` of `fn`'s
 * async work reads `t` plus the time elapsed since; concurrent replays each keep their own clock.
 * Local and tests only: Forge's own clock is the real one.
 */
const offsets = new AsyncLocalStorage<number>();
const realNow = Date.now.bind(Date);
const shiftedNow = (): number => realNow() + (offsets.getStore() ?? 0);

export function deliveredAt<T>(at: number, run: () => Promise<T>): Promise<T> {
  if (Date.now !== shiftedNow) Date.now = shiftedNow;
  return offsets.run(at - realNow(), run);
}
