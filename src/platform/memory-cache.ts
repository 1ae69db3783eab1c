/**
 * Every cache kept in a module's memory, so that one call empties them all: tests (each case starts
 * from a cold function instance) and nothing else. A cache created anywhere registers itself, so a new
 * one cannot leak answers from one test into the next.
 */
const moduleCaches = new Set<() => void>();

/** Registers state kept in module memory that is not a MemoryCache (counters, plain maps). */
export function registerModuleCache(clear: () => void): void {
  moduleCaches.add(clear);
}

/** Empties every module cache, as a cold function instance starts. */
export function forgetModuleCaches(): void {
  for (const clear of moduleCaches) clear();
}

/**
 * A small time-bounded cache in the function's memory. Forge reuses warm function instances, so hot
 * values (settings, a user's groups, admin checks) are read once per instance and minute, not per call.
 * Bounded in size: a busy instance must not grow without limit.
 */
export class MemoryCache<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  /** Loads under way: callers asking the same key at once (a report's tiles and table) share one. */
  private readonly pending = new Map<string, Promise<V>>();

  constructor(private readonly ttlMs: number, private readonly maxEntries = 5000, private readonly now: () => number = Date.now) {
    registerModuleCache(() => this.clear());
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** `ttlMs`: a shorter life for a value that was already some time old when it was read. */
  set(key: string, value: V, ttlMs = this.ttlMs): void {
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expires: this.now() + Math.min(ttlMs, this.ttlMs) });
  }

  /** The cached value, else the one load under way for this key, else a new load (cached when it succeeds). */
  async getOrLoad(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const running = this.pending.get(key);
    if (running) return running;
    const loading = load().then((value) => { this.set(key, value); return value; }).finally(() => this.pending.delete(key));
    this.pending.set(key, loading);
    return loading;
  }

  /** Whether a load of this key is under way. */
  loading(key: string): boolean {
    return this.pending.has(key);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.pending.clear();
  }
}
