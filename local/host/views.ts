import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DemoContent, Directory } from '../demo/directory';
import { searchPerformedEvent, viewedEvent } from '../demo/events';
import type { ForgePlatform } from './platform';
import { accountIdOf, type Principal } from './principal';

/**
 * How the host delivers the product event of a page view. Forge delivers events asynchronously,
 * sometimes late, twice, or out of order: these knobs reproduce that so counts can be shown exact.
 */
export const deliverySchema = z.object({
  /** Wait before delivering (ms). */
  delayMs: z.number().int().min(0).max(600_000),
  /** Extra random wait per copy (ms): with several copies or quick views, events arrive out of order. */
  jitterMs: z.number().int().min(0).max(600_000),
  /** Deliveries of the same event (Forge delivers at least once). */
  copies: z.number().int().min(1).max(10),
}).strict();

export type Delivery = z.infer<typeof deliverySchema>;

export const IMMEDIATE: Delivery = { delayMs: 0, jitterMs: 0, copies: 1 };

interface PendingView {
  done: Promise<void>;
  expires: number;
}

const PENDING_TTL_MS = 10 * 60_000;

export class ViewDispatcher {
  private defaults: Delivery = IMMEDIATE;
  private readonly pending = new Map<string, PendingView>();

  constructor(private readonly platform: ForgePlatform, private readonly directory: Directory) {}

  get delivery(): Delivery {
    return { ...this.defaults };
  }

  set delivery(value: Delivery) {
    this.defaults = { ...value };
  }

  /**
   * A page view as Confluence reports it: the event (now, the viewer's account id or none) goes to the
   * manifest's trigger in the background. Returns an id the byline can wait on.
   */
  recordView(principal: Principal, content: DemoContent, override: Partial<Delivery> = {}): string {
    const delivery = { ...this.defaults, ...override };
    const event = viewedEvent(this.directory, content, accountIdOf(principal) ?? null, Date.now());
    const copies = Array.from({ length: delivery.copies }, () => {
      const wait = delivery.delayMs + Math.floor(Math.random() * (delivery.jitterMs + 1));
      return sleep(wait).then(() => this.platform.deliverEvent(event)).then(() => undefined);
    });
    const viewId = randomUUID();
    this.prune();
    this.pending.set(viewId, {
      done: Promise.all(copies).then(() => undefined, (error: unknown) => console.error('local host: view delivery failed', error)),
      expires: Date.now() + PENDING_TTL_MS,
    });
    return viewId;
  }

  /** A search as Confluence reports it once its results are shown: the event goes to the manifest's trigger like a view's. */
  recordSearch(principal: Principal, query: string, results: number, override: Partial<Delivery> = {}): string {
    const delivery = { ...this.defaults, ...override };
    const event = searchPerformedEvent(accountIdOf(principal) ?? null, query, results, Date.now());
    const copies = Array.from({ length: delivery.copies }, () => {
      const wait = delivery.delayMs + Math.floor(Math.random() * (delivery.jitterMs + 1));
      return sleep(wait).then(() => this.platform.deliverEvent(event)).then(() => undefined);
    });
    const searchId = randomUUID();
    this.prune();
    this.pending.set(searchId, {
      done: Promise.all(copies).then(() => undefined, (error: unknown) => console.error('local host: search delivery failed', error)),
      expires: Date.now() + PENDING_TTL_MS,
    });
    return searchId;
  }

  /** Resolves when the view's event(s) were handled, or after `maxWaitMs`, whichever is first. */
  async waitFor(viewId: string, maxWaitMs: number): Promise<'delivered' | 'timeout' | 'unknown'> {
    const view = this.pending.get(viewId);
    if (!view) return 'unknown';
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), maxWaitMs);
    });
    const outcome = await Promise.race([view.done.then(() => 'delivered' as const), timeout]);
    clearTimeout(timer);
    return outcome;
  }

  /** Resolves when every view recorded so far has been delivered (tests and benchmarks). */
  async idle(): Promise<void> {
    await Promise.all([...this.pending.values()].map((view) => view.done));
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, view] of this.pending) if (view.expires < now) this.pending.delete(id);
  }
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

export function deliveryFromQuery(params: URLSearchParams): Partial<Delivery> {
  const read = (name: string): number | undefined => {
    const raw = params.get(name);
    const value = raw === null ? NaN : Number(raw);
    return Number.isInteger(value) && value >= 0 ? value : undefined;
  };
  const delayMs = read('eventDelayMs');
  const jitterMs = read('eventJitterMs');
  const copies = read('eventCopies');
  return {
    ...(delayMs === undefined ? {} : { delayMs: Math.min(delayMs, 600_000) }),
    ...(jitterMs === undefined ? {} : { jitterMs: Math.min(jitterMs, 600_000) }),
    ...(copies === undefined || copies < 1 ? {} : { copies: Math.min(copies, 10) }),
  };
}
