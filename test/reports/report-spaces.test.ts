import type { Envelope } from '@contracts/envelope';
import type { ReportSpaceSearchResult } from '@contracts/resolvers';
import type { Principal } from '../../local/host/principal';
import { canViewSpace } from '../../local/confluence/permissions';
import { startAppPlatform, type AppPlatform } from '../support/app-platform';

let app: AppPlatform;
beforeEach(async () => { app = await startAppPlatform(); });
afterEach(() => app.stop());

async function search(who: Principal, payload: unknown): Promise<Envelope<ReportSpaceSearchResult>> {
  const page = app.publicContent(0);
  const extension = { type: 'macro', content: { id: page.id, type: page.type }, isConfiguring: true };
  return (await app.platform.invokeResolver(who, { moduleKey: 'viewtracker-report', localId: 'r-1', extension }, 'searchReportSpaces', payload)) as Envelope<ReportSpaceSearchResult>;
}

describe('report macro: the space picker\'s search', () => {
  it('answers with exactly the spaces the caller may view that match, asked as the caller', async () => {
    // A space closed to everyone but its own people: the reader may not view it.
    const restricted = app.directory.space('HR')!;
    restricted.viewerIds = [];
    for (const who of [app.users.admin, app.users.reader]) {
      const answer = await search(who, { query: '' });
      const caller = who.kind === 'user' ? { kind: 'user' as const, accountId: who.accountId } : { kind: 'anonymous' as const };
      const expected = app.directory.site.spaces.filter((space) => canViewSpace(app.directory, caller, space)).map((space) => space.key).sort();
      expect(answer.ok && answer.data.spaces.map((space) => space.key).sort()).toEqual(expected);
      expect(answer.ok && answer.data.complete).toBe(true);
    }
    // The search does not name the closed space to the reader (the admin, who may view it, got it above).
    const asReader = await search(app.users.reader, { query: '' });
    expect(asReader.ok && asReader.data.spaces.map((space) => space.key)).not.toContain(restricted.key);
  });

  it('filters by key or name, case-insensitively', async () => {
    const space = app.directory.space('COMMS')!;
    const answer = await search(app.users.reader, { query: space.name.slice(0, 3).toLowerCase() });
    expect(answer.ok && answer.data.spaces.map((found) => found.key)).toContain('COMMS');
    expect(answer.ok && answer.data.spaces.every((found) => `${found.key} ${found.name}`.toLowerCase().includes(space.name.slice(0, 3).toLowerCase()))).toBe(true);
  });

  it('refuses guests and anonymous callers (no search as them) and bad payloads', async () => {
    expect(await search(app.users.guest, { query: '' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    expect(await search(app.users.anonymous, { query: '' })).toEqual({ ok: false, error: expect.objectContaining({ code: 'forbidden' }) });
    expect(await search(app.users.reader, { query: 'x'.repeat(101) })).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
    expect(await search(app.users.reader, { query: '', extra: 1 })).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
  });
});
