/** The local Confluence counts points as Cloud does and answers 429 with Retry-After once an hourly budget is spent. */
import { PointsMeter, pointsOf } from '../../../local/confluence/points';
import { ConfluenceFake } from '../../../local/confluence/rest';
import { Directory } from '../../../local/demo/directory';
import { generateSite } from '../../../local/demo/generate-site';
import { DEMO_SIZES } from '../../../local/demo/sizes';

describe('Confluence points', () => {
  it('a GET costs 1 plus its objects, user/group/permission objects 2 each; a write (a POST permission check too) costs 1', () => {
    expect(pointsOf('GET', '/wiki/api/v2/pages', 200, { results: [{}, {}, {}] })).toBe(4);
    expect(pointsOf('GET', '/wiki/api/v2/pages/1', 200, { id: '1' })).toBe(2);
    expect(pointsOf('GET', '/wiki/rest/api/group/g1/membersByGroupId', 200, { results: [{}, {}] })).toBe(5);
    // The rate-limiting page's own examples: a user 1 + 2, a page 1 + 1.
    expect(pointsOf('GET', '/wiki/rest/api/user', 200, { accountId: 'a' })).toBe(3);
    expect(pointsOf('GET', '/wiki/rest/api/content/123456', 200, { id: '123456' })).toBe(2);
    expect(pointsOf('GET', '/wiki/api/v2/pages', 404, { message: 'no' })).toBe(1);
    expect(pointsOf('POST', '/wiki/rest/api/content/1/permission/check', 200, { hasPermission: true })).toBe(1);
    expect(pointsOf('PUT', '/wiki/api/v2/pages/1/properties/x', 200, {})).toBe(1);
  });

  it('answers 429 with the seconds left in the hour once the budget is spent, and lets calls through the next hour', () => {
    let now = 0;
    const meter = new PointsMeter({ hourlyBudget: 10, now: () => now });
    meter.charge('GET', '/wiki/api/v2/pages', 200, { results: Array.from({ length: 9 }, () => ({})) });
    expect(meter.retryAfter()).toBe(3600);
    now = 1_800_000;
    expect(meter.retryAfter()).toBe(1800);
    now = 3_600_000;
    expect(meter.retryAfter()).toBeNull();
    expect(meter.total()).toBe(10);
  });

  it('the local Confluence meters every request and refuses once the budget is spent', () => {
    const confluence = new ConfluenceFake(new Directory(generateSite(7, DEMO_SIZES.small, Date.UTC(2026, 10, 1))));
    const app = { kind: 'app' } as const;
    const first = confluence.handle({ method: 'GET', path: '/wiki/api/v2/pages?limit=5', caller: app } as never);
    expect(first.status).toBe(200);
    expect(confluence.points.total()).toBe(1 + (first.body as { results: unknown[] }).results.length);
    confluence.points.setHourlyBudget(confluence.points.total());
    const refused = confluence.handle({ method: 'GET', path: '/wiki/api/v2/pages?limit=5', caller: app } as never);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers?.['Retry-After'])).toBeGreaterThan(0);
  });
});
