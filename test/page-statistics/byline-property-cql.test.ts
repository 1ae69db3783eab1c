/**
 * Figures in CQL: after the inventory backfill, some views and one writer run (due pass and the
 * backfill sweep), the local Confluence's CQL on the indexed fields returns exactly the content
 * whose figures match, against a model of the views made here.
 */
import type { DemoContent } from '../../local/demo/directory';
import type { Principal } from '../../local/host/principal';
import { canViewContent } from '../../local/confluence/permissions';
import { runBylineWriter } from '../../src/page-statistics/byline-property/byline-writer';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
const MINUTE = 60_000;
/** The model: views made per content and the latest view's time. */
const model = new Map<string, { views: number; last: number }>();

async function view(who: Principal, content: DemoContent, at: number): Promise<void> {
  await app.view(who, content, at);
  const entry = model.get(content.id) ?? { views: 0, last: 0 };
  model.set(content.id, { views: entry.views + 1, last: Math.max(entry.last, at) });
}

function search(cql: string, who: { kind: 'app' } | { kind: 'user'; accountId: string } = { kind: 'app' }): string[] {
  const answer = app.confluence.handle({ method: 'GET', path: `/wiki/rest/api/content/search?limit=200&cql=${encodeURIComponent(cql)}`, caller: who });
  expect(answer.status).toBe(200);
  return (answer.body as { results: Array<{ id: string }> }).results.map((result) => result.id).sort();
}

/** Pages and blog posts the app user may see (restricted content is not, ECO-822: it has no property, see the other file). */
const bylineContent = () => app.directory.site.contents.filter((c) => (c.type === 'page' || c.type === 'blogpost') && canViewContent(app.directory, { kind: 'app', restricted: app.confluence.appUser.restricted }, c));
const expected = (match: (figures: { views: number; last: number }) => boolean) =>
  bylineContent().filter((c) => match(model.get(c.id) ?? { views: 0, last: 0 })).map((c) => c.id).sort();

beforeAll(async () => {
  // The app's user is added to every restriction here (as admins do on Cloud for the app to work): this file tests what the app does with what it may see.
  app = await startAppPlatform({ appSeesAll: true });
  // As Forge does on installation: the inventory backfill lists every page and blog post.
  await app.platform.deliverEvent({ eventType: 'avi:forge:installed:app', eventCreatedDate: new Date().toISOString() });
  const now = Date.now();
  const contents = bylineContent();
  const readers = [app.users.reader, app.users.otherReader, app.users.admin, app.users.guest];
  // Content 0..3 viewed 70 minutes ago by 1..4 readers; content 4..7 viewed now by 1..4 readers.
  for (let index = 0; index < 8; index += 1) {
    const at = index < 4 ? now - 70 * MINUTE : now;
    for (let reader = 0; reader <= index % 4; reader += 1) await view(readers[reader]!, contents[index]!, at + reader * 1000);
  }
  // The backfill sweep, 10 points a run: it resumes where it stopped and writes no page twice.
  let runs = 0;
  for (; runs < 50; runs += 1) {
    const before = app.confluence.properties.points;
    const report = await runBylineWriter({ now: () => Date.now(), budgetMs: 170_000, wait: async () => undefined, sweepPoints: 10 });
    if (runs > 0) expect(app.confluence.properties.points - before).toBeLessThanOrEqual(10);
    if (report.sweep?.state === 'done') break;
  }
  expect(runs).toBeGreaterThan(1);
  expect(app.confluence.properties.calls.PUT ?? 0).toBe(0);
  expect(app.confluence.properties.calls.POST).toBe(bylineContent().length);
}, 120_000);
afterAll(() => app.stop());

describe('CQL on the indexed figures', () => {
  it('viewtracker_views >= 2: content viewed at least twice', () => {
    expect(search('viewtracker_views >= 2')).toEqual(expected((f) => f.views >= 2));
  });

  it('viewtracker_views = 0: content never viewed (written by the backfill sweep)', () => {
    const never = search('viewtracker_views = 0');
    expect(never).toEqual(expected((f) => f.views === 0));
    expect(never.length).toBeGreaterThan(0);
  });

  it('viewtracker_lastViewed < now("-1h"): viewed, but not in the last hour', () => {
    expect(search('viewtracker_lastViewed < now("-1h")')).toEqual(expected((f) => f.views > 0 && f.last < Date.now() - 60 * MINUTE));
  });

  it('content.property[viewtracker_figures].views30d > 1 and a space: the property path works like the alias', () => {
    const spaceKey = bylineContent()[4]!.spaceKey;
    const inSpace = new Set(bylineContent().filter((c) => c.spaceKey === spaceKey).map((c) => c.id));
    expect(search(`content.property[viewtracker_figures].views30d > 1 and space = "${spaceKey}"`)).toEqual(expected((f) => f.views > 1).filter((id) => inSpace.has(id)));
  });

  it('a reader finds only content they may read', async () => {
    const { content, allowed, denied } = app.restrictedContent();
    // A site whose admins let the app user see restricted pages, so this one has its property.
    app.confluence.appUser.restricted = false;
    try {
      await view(allowed, content, Date.now());
      await runBylineWriter({ now: () => Date.now(), budgetMs: 170_000, wait: async () => undefined });
    } finally {
      app.confluence.appUser.restricted = true;
    }
    const as = (who: Principal) => search('viewtracker_views >= 1', who.kind === 'user' ? { kind: 'user', accountId: who.accountId } : { kind: 'app' });
    expect(as(allowed)).toContain(content.id);
    expect(as(denied)).not.toContain(content.id);
  });

  it('an alias the manifest does not index is an error, not an empty answer', () => {
    const answer = app.confluence.handle({ method: 'GET', path: `/wiki/rest/api/content/search?cql=${encodeURIComponent('viewtracker_readers > 1')}`, caller: { kind: 'app' } });
    expect(answer.status).toBe(400);
  });
});
