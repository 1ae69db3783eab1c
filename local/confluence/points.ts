/**
 * Confluence Cloud's points-based REST quota, counted as the issue describes Cloud's rule (since
 * February 2026): a GET costs 1 point plus one per object it returns, objects about users, groups
 * and permissions 2 more each; a write costs 1. When a configurable hourly budget is spent, every
 * request answers 429 with Retry-After (seconds until the hour's window ends), as Cloud does when an
 * app exceeds its quota. No budget = count only.
 */
export interface PointsOptions {
  /** Points an app may spend per hour (undefined: unlimited, count only). */
  hourlyBudget?: number;
  now?: () => number;
}

const HOUR_MS = 3_600_000;

/** Objects a JSON answer returns: the `results` array's length, or 1 for a single object. */
function objectsIn(body: unknown): number {
  try {
    const value = typeof body === 'string' ? JSON.parse(body) as unknown : body;
    if (Array.isArray(value)) return value.length;
    if (typeof value === 'object' && value !== null) {
      const results = (value as { results?: unknown }).results;
      return Array.isArray(results) ? results.length : 1;
    }
  } catch {
    // not JSON: no objects
  }
  return 0;
}

/** Paths whose objects are users, groups or permissions (2 extra points each). */
const PEOPLE_OR_PERMISSIONS = /\/(user|users|group|groups|permission|permissions|operations|restriction|members|membersByGroupId|picker|check)(\/|$|\?)/;

/** Points one answered request costs. */
export function pointsOf(method: string, path: string, status: number, body: unknown): number {
  if (method.toUpperCase() !== 'GET') {
    // A permission check is a POST that reads: 1, plus the permission object it answers.
    return /\/permission\/check$/.test(path.split('?')[0]!) && status < 300 ? 3 : 1;
  }
  if (status >= 300) return 1;
  const objects = objectsIn(body);
  const extra = PEOPLE_OR_PERMISSIONS.test(path.split('?')[0]!) ? 2 : 0;
  return 1 + objects * (1 + extra);
}

export class PointsMeter {
  private spentTotal = 0;
  private windowStart: number;
  private spentInWindow = 0;
  private budget: number | undefined;
  private readonly now: () => number;

  constructor(options: PointsOptions = {}) {
    this.now = options.now ?? Date.now;
    this.budget = options.hourlyBudget;
    this.windowStart = this.now();
  }

  setHourlyBudget(budget: number | undefined): void {
    this.budget = budget;
  }

  /** Seconds until the budget allows calls again, or null while it does. */
  retryAfter(): number | null {
    this.roll();
    if (this.budget === undefined || this.spentInWindow < this.budget) return null;
    return Math.max(1, Math.ceil((this.windowStart + HOUR_MS - this.now()) / 1000));
  }

  charge(method: string, path: string, status: number, body: unknown): number {
    if (status === 429) return 0;
    this.roll();
    const points = pointsOf(method, path, status, body);
    this.spentTotal += points;
    this.spentInWindow += points;
    return points;
  }

  /** Points spent since the meter started (or was reset). */
  total(): number {
    return this.spentTotal;
  }

  reset(): void {
    this.spentTotal = 0;
    this.spentInWindow = 0;
    this.windowStart = this.now();
  }

  private roll(): void {
    const now = this.now();
    if (now - this.windowStart >= HOUR_MS) {
      this.windowStart = now - ((now - this.windowStart) % HOUR_MS);
      this.spentInWindow = 0;
    }
  }
}
