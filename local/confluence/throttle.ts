/**
 * Simulated rate limiting: a test asks for the next N matching requests to be answered 429 with a
 * Retry-After header, as Confluence does when an app calls it too often.
 */
export interface ThrottleRule {
  remaining: number;
  retryAfterSeconds: number;
  /** Only requests whose path starts with this are throttled; all requests when absent. */
  pathPrefix?: string;
}

export class Throttle {
  private rules: ThrottleRule[] = [];

  add(rule: ThrottleRule): void {
    if (rule.remaining > 0) this.rules.push({ ...rule });
  }

  clear(): void {
    this.rules = [];
  }

  /** Consumes one throttled answer for this path, if any rule matches: returns its Retry-After. */
  take(path: string): number | null {
    const rule = this.rules.find((r) => r.remaining > 0 && (r.pathPrefix === undefined || path.startsWith(r.pathPrefix)));
    if (!rule) return null;
    rule.remaining -= 1;
    this.rules = this.rules.filter((r) => r.remaining > 0);
    return rule.retryAfterSeconds;
  }

  pending(): ThrottleRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }
}
