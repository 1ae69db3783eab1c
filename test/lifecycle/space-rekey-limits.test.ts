/**
 * Forge stops a product-event trigger after 25 s (mirror/limits-invocation/index.md). The local host
 * stops it too (here scaled: 25 s → 400 ms, with KVS latency so that moving a space's rows takes
 * longer than that). A space key rename that does not fit one invocation is stopped, not finished;
 * with the app's own budget under the limit it hands the rest to the next delivery
 * (InvocationError) and the rename completes over several invocations, every row moved once.
 */
import { kvs } from '@forge/kvs';
import { PRODUCT_TRIGGER_BUDGET } from '../../src/lifecycle/space-rekey';
import { contentRowsOfSpaceId } from '../../src/lifecycle/inventory/inventory-store';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

jest.setTimeout(120_000);
let app: AppPlatform;
const budget = PRODUCT_TRIGGER_BUDGET.ms;
beforeEach(async () => {
  app = await startAppPlatform({ limitScale: 400 / 25_000 });
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => { PRODUCT_TRIGGER_BUDGET.ms = budget; app.stop(); jest.restoreAllMocks(); });

async function rowsOf(spaceId: string) {
  const rows = [];
  let cursor: string | null = null;
  do {
    const page = await contentRowsOfSpaceId(spaceId, cursor);
    rows.push(...page.rows);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

const renamed = (spaceId: string, key: string) => ({ eventType: 'avi:confluence:updated:space:V2', eventCreatedDate: new Date().toISOString(), space: { id: spaceId, key } });

describe('a space key rename larger than one invocation', () => {
  it('is stopped at the time limit, then finished over later deliveries, every row moved once', async () => {
    await app.platform.deliverEvent({ eventType: 'avi:forge:installed:app', eventCreatedDate: new Date().toISOString() });
    const space = [...new Set(app.directory.site.contents.map((c) => c.spaceKey))]
      .map((key) => ({ key, contents: app.directory.contentsOf(key) }))
      .sort((a, b) => b.contents.length - a.contents.length)[0]!;
    for (const content of space.contents.slice(0, 4)) await app.view(app.users.reader, content);
    const spaceId = String(app.directory.space(space.key)!.id);
    const before = await rowsOf(spaceId);
    const views = before.reduce((sum, row) => sum + row.views, 0);
    expect(before.length).toBeGreaterThan(5);

    app.emulator.setLatency({ minMs: 10, maxMs: 14 }); // slow enough that moving every row takes longer than the 0.4 s limit
    // The app's budget above the host's limit: the host stops the invocation midway.
    PRODUCT_TRIGGER_BUDGET.ms = 60_000;
    await app.platform.deliverEvent(renamed(spaceId, 'RENAMED'));
    const rekeys = () => app.platform.log.list({ kind: 'trigger' }).filter((r) => r.functionKey === 'on-content-lifecycle');
    expect(rekeys()).toHaveLength(1);
    const stopped = rekeys()[0]!;
    expect(stopped).toMatchObject({ outcome: 'error', error: expect.stringMatching(/was stopped|after its time limit/) });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the stopped handler's next call fails
    const partly = await rowsOf(spaceId);
    expect(partly.filter((row) => row.spaceKey === 'RENAMED').length).toBeLessThan(before.length);

    // Within its budget, the app asks for another delivery until every row is moved. The host's limit
    // is now far above the budget (2 s), so a loaded machine's stall cannot stop a run that kept to it.
    app.platform.setLimitScale(2_000 / 25_000);
    PRODUCT_TRIGGER_BUDGET.ms = 150;
    await app.platform.deliverEvent(renamed(spaceId, 'RENAMED'));
    const runs = rekeys().slice(1);
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.slice(0, -1).every((r) => r.outcome === 'retry')).toBe(true);
    expect(runs.at(-1)!.outcome).toBe('ok');
    app.emulator.setLatency(undefined);
    const after = await rowsOf(spaceId);
    expect(after.map((row) => row.spaceKey)).toEqual(after.map(() => 'RENAMED'));
    expect(after.length).toBe(before.length);
    expect(after.reduce((sum, row) => sum + row.views, 0)).toBe(views);
    expect((await kvs.entity('content-stats').query().index('by-space-views', { partition: [space.key] }).getMany()).results).toEqual([]);
  });
});

describe('a space deletion larger than one invocation', () => {
  it('purges within its budget over several deliveries, every row of the space once; a redelivery purges nothing', async () => {
    await app.platform.deliverEvent({ eventType: 'avi:forge:installed:app', eventCreatedDate: new Date().toISOString() });
    const space = [...new Set(app.directory.site.contents.map((c) => c.spaceKey))]
      .map((key) => ({ key, contents: app.directory.contentsOf(key) }))
      .sort((a, b) => b.contents.length - a.contents.length)[0]!;
    for (const content of space.contents.slice(0, 4)) await app.view(app.users.reader, content);
    const spaceId = String(app.directory.space(space.key)!.id);
    const before = await rowsOf(spaceId);
    expect(before.length).toBeGreaterThan(5);
    const deleted = app.confluence.deleteSpace(space.key, app.directory.firstWithRole('admin').accountId)!;

    app.emulator.setLatency({ minMs: 10, maxMs: 14 });
    app.platform.setLimitScale(2_000 / 25_000); // far above the budget: a loaded machine's stall stops nothing
    PRODUCT_TRIGGER_BUDGET.ms = 150;
    await app.platform.deliverEvent(deleted.event);
    const runs = app.platform.log.list({ kind: 'trigger' }).filter((r) => r.functionKey === 'on-content-lifecycle');
    expect(runs.length).toBeGreaterThan(1);
    expect(runs.slice(0, -1).every((r) => r.outcome === 'retry')).toBe(true);
    expect(runs.at(-1)!.outcome).toBe('ok');
    app.emulator.setLatency(undefined);
    const after = await rowsOf(spaceId);
    expect(after.length).toBe(before.length);
    expect(after.every((row) => row.status === 'purged' && row.views === 0)).toBe(true);
    const versions = after.map((row) => row.version);
    // Redelivered after it finished: no row is written again.
    await app.platform.deliverEvent(deleted.event);
    expect((await rowsOf(spaceId)).map((row) => row.version)).toEqual(versions);
  });
});
