/**
 * Confluence Cloud's points-based REST quota, counted as Atlassian's rate-limiting page publishes it
 * (https://developer.atlassian.com/cloud/confluence/rate-limiting, enforced since March 2026): every
 * request costs a base of 1 point; a read (GET) adds 1 point per core object it returns (pages, spaces,
 * attachments) and 2 per identity-and-access object (users, groups, permissions), so the page's own
 * example `GET /wiki/rest/api/user?accountId=…` costs 1 + 2 = 3; "write requests are charged only the
 * base cost": the table's write row names the methods (POST, PUT, PATCH, DELETE), so a POST costs 1
 * whatever it answers, the permission check (`POST …/permission/check`) included. When a configurable
 * hourly budget is spent, every request answers 429 with Retry-After (seconds until the hour's window
 * ends), as Cloud does when an app exceeds its quota. No budget = count only.
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

/** Paths whose objects are users, groups or permissions (2 points each instead of 1). */
const PEOPLE_OR_PERMISSIONS = /\/(user|users|group|groups|permission|permissions|operations|restriction|members|membersByGroupId|picker|check)(\/|$|\?)/;

/** Points one answered request costs. */
export function pointsOf(method: string, path: string, status: number, body: unknown): number {
  // Writes (POST, PUT, PATCH, DELETE) cost the base only, a permission check (a POST) included.
  if (method.toUpperCase() !== 'GET') return 1;
  if (status >= 300) return 1;
  const objects = objectsIn(body);
  const perObject = PEOPLE_OR_PERMISSIONS.test(path.split('?')[0]!) ? 2 : 1;
  return 1 + objects * perObject;
}

/** A route as the breakdown names it: method and path with numeric segments as `{id}`. */
function routeOf(method: string, path: string): string {
  return `${method.toUpperCase()} ${path.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
}

export interface RouteSpend {
  route: string;
  calls: number;
  points: number;
}

export class PointsMeter {
  private spentTotal = 0;
  private readonly spentByRoute = new Map<string, { calls: number; points: number }>();
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
    const route = routeOf(method, path);
    const spent = this.spentByRoute.get(route) ?? { calls: 0, points: 0 };
    spent.calls += 1;
    spent.points += points;
    this.spentByRoute.set(route, spent);
    return points;
  }

  /** Points spent since the meter started (or was reset). */
  total(): number {
    return this.spentTotal;
  }

  /** Points and calls per route since the meter started (or was reset), costliest first. */
  byRoute(): RouteSpend[] {
    return [...this.spentByRoute].map(([route, spent]) => ({ route, ...spent })).sort((a, b) => b.points - a.points || a.route.localeCompare(b.route));
  }

  reset(): void {
    this.spentTotal = 0;
    this.spentByRoute.clear();
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
