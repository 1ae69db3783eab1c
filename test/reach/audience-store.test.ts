import { kvs } from '@forge/kvs';
import { KEYS } from '../../src/core/storage/keys';
import { eraseAccount } from '../../src/privacy/storage/account-erasure';
import { readAudience, writeAudience } from '../../src/reach/storage/audience-store';
import { startAppStore, type AppStore } from '../support/app-store';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const STATUSES = ['active', 'active', 'inactive', 'closed', 'app'] as const;
const members = Array.from({ length: 2_500 }, (_, i) => ({ accountId: `acc-${i}`, displayName: `Person ${i}`, status: STATUSES[i % STATUSES.length]! }));
const head = { groups: ['g-2'], start: 200, total: 2_700, listed: 2_500, complete: false, notes: [] };

describe('stored audiences', () => {
  let store: AppStore;
  beforeEach(() => { store = startAppStore(); });
  afterEach(() => store.stop());

  it('keep members in parts and progress until they expire', async () => {
    await writeAudience('group:g-1', { head, members }, NOW);
    const read = await readAudience('group:g-1', NOW + 60_000);
    expect(read?.members).toEqual(members);
    expect(read?.head).toMatchObject({ ...head, parts: 3 });
    // Forge may return an expired value for up to 48 hours: the stored expiry decides.
    expect(await readAudience('group:g-1', NOW + 16 * 60_000)).toBeNull();
  });

  it('read copies stored as objects (written before members were stored as tuples)', async () => {
    await writeAudience('group:g-1', { head, members }, NOW);
    await kvs.set(KEYS.reachAudiencePart('group:g-1', 0), members.slice(0, 1_000));
    const read = await readAudience('group:g-1', NOW + 60_000);
    expect(read?.members).toEqual(members);
  });

  it('are dropped when an account is erased', async () => {
    await writeAudience('group:g-1', { head, members }, NOW);
    await eraseAccount('acc-7');
    expect(await readAudience('group:g-1', NOW + 60_000)).toBeNull();
  });
});
