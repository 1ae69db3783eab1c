/**
 * strictness.cursorLifetimeMs / cursorsExpireOnRestart: Forge says cursors "are not stable and
 * should not be persisted"; with these switches a kept cursor answers 400 INVALID_CURSOR.
 */
import { kvs, WhereConditions } from '@forge/kvs';
import { BACKENDS, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';

const MINUTE = 60_000;

async function seedKeys(): Promise<void> {
  await kvs.batchSet(Array.from({ length: 6 }, (_, i) => ({ key: `walk:${i}`, value: i })));
  await kvs.batchSet(Array.from({ length: 6 }, (_, i) => ({ key: `row-${i}`, value: { day: i }, entityName: 'page-view' })));
}

const firstKeyPage = () => kvs.query().where('key', WhereConditions.beginsWith('walk:')).limit(2).getMany();
const keyPageAfter = (cursor: string) => kvs.query().where('key', WhereConditions.beginsWith('walk:')).limit(2).cursor(cursor).getMany();
const firstEntityPage = () => kvs.entity('page-view').query().index('day').limit(2).getMany();
const entityPageAfter = (cursor: string) => kvs.entity('page-view').query().index('day').limit(2).cursor(cursor).getMany();

describe.each(BACKENDS)('cursor lifetime (%s)', (kind) => {
  const h = useEmulator(kind, { strictness: { cursorLifetimeMs: 5 * MINUTE } });

  it('accepts a cursor up to its lifetime and refuses it one millisecond later', async () => {
    await seedKeys();
    const { nextCursor } = await firstKeyPage();
    h().clock.advance(5 * MINUTE);
    await expect(keyPageAfter(nextCursor!)).resolves.toMatchObject({ results: [{ key: 'walk:2' }, { key: 'walk:3' }] });
    const again = await firstKeyPage();
    h().clock.advance(5 * MINUTE + 1);
    const error = await expectKvsError(keyPageAfter(again.nextCursor!), 'INVALID_CURSOR', 400);
    expect(error.context).toMatchObject({ reason: 'expired' });
  });

  it('expires entity query cursors too', async () => {
    await seedKeys();
    const { nextCursor } = await firstEntityPage();
    h().clock.advance(5 * MINUTE + 1);
    await expectKvsError(entityPageAfter(nextCursor!), 'INVALID_CURSOR', 400);
  });

  it('lets a walk that restarts without the cursor read every item', async () => {
    await seedKeys();
    const stale = (await firstKeyPage()).nextCursor!;
    h().clock.advance(60 * MINUTE);
    await expectKvsError(keyPageAfter(stale), 'INVALID_CURSOR', 400);
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      const page = cursor ? await keyPageAfter(cursor) : await firstKeyPage();
      keys.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
    } while (cursor);
    expect(keys).toEqual(['walk:0', 'walk:1', 'walk:2', 'walk:3', 'walk:4', 'walk:5']);
  });
});

describe.each(BACKENDS)('cursors across a restart of the emulator (%s)', (kind) => {
  const h = useEmulator(kind, { strictness: { cursorsExpireOnRestart: true } });

  it('refuses a cursor issued before the restart, and accepts the new one', async () => {
    await seedKeys();
    const before = (await firstKeyPage()).nextCursor!;
    await expect(keyPageAfter(before)).resolves.toMatchObject({ results: [{ key: 'walk:2' }, { key: 'walk:3' }] });
    h().reopen({ strictness: { cursorsExpireOnRestart: true } });
    const error = await expectKvsError(keyPageAfter(before), 'INVALID_CURSOR', 400);
    expect(error.context).toMatchObject({ reason: 'restarted' });
    if (kind === 'sqlite') {
      const after = (await firstKeyPage()).nextCursor!;
      await expect(keyPageAfter(after)).resolves.toMatchObject({ results: [{ key: 'walk:2' }, { key: 'walk:3' }] });
    }
  });
});

describe('cursors by default (sqlite: the data survives the restart)', () => {
  const h = useEmulator('sqlite');

  it('keeps today\'s behaviour: a cursor works a month later and after a restart', async () => {
    await seedKeys();
    const { nextCursor } = await firstKeyPage();
    h().clock.advance(30 * 24 * 60 * MINUTE);
    h().reopen();
    await expect(keyPageAfter(nextCursor!)).resolves.toMatchObject({ results: [{ key: 'walk:2' }, { key: 'walk:3' }] });
  });
});
