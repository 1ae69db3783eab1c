/**
 * The local Confluence holds the app to Confluence Cloud's published contract (vendor/confluence-openapi/),
 * strictly by default: scopes the manifest lacks answer 401, parameters Cloud does not know are ignored,
 * deprecated operations fail loudly, and answers have the documented shape.
 */
import { ConfluenceFake } from '../../../local/confluence/rest';
import { findOperation } from '../../../local/confluence/openapi';
import { cloudStrictness, manifestScopeSet, STILL_ON_DEPRECATED_V1 } from '../../../local/confluence/strictness';
import { Directory } from '../../../local/demo/directory';
import { generateSite } from '../../../local/demo/generate-site';
import { DEMO_SIZES } from '../../../local/demo/sizes';

const directory = new Directory(generateSite(7, DEMO_SIZES.small, Date.UTC(2026, 10, 1)));
const app = { kind: 'app' } as const;
const get = (fake: ConfluenceFake, path: string) => fake.handle({ method: 'GET', path, caller: app });

beforeAll(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));

describe('strict by default', () => {
  const fake = new ConfluenceFake(directory);

  it('uses the manifest\'s scopes, fails deprecated routes, ignores unknown parameters', () => {
    expect(fake.strictness.scopes).toBe(manifestScopeSet());
    expect(fake.strictness).toMatchObject({ ignoreUndocumentedParameters: true, failDeprecated: true });
  });

  it('answers 401 for an operation whose scopes the manifest lacks (search:confluence, and its granular alternative)', () => {
    const scopes = new Set([...manifestScopeSet()].filter((scope) => scope !== 'search:confluence' && scope !== 'read:content-details:confluence'));
    const strict = new ConfluenceFake(directory, { scopes });
    expect(get(strict, '/wiki/rest/api/content/search?cql=type%3Dpage').status).toBe(401);
    expect(get(strict, '/wiki/rest/api/content/search?cql=type%3Dpage').body).toMatchObject({ message: expect.stringContaining('scope does not match') });
    expect(get(fake, '/wiki/rest/api/content/search?cql=type%3Dpage').status).toBe(200);
  });

  it('answers 401 for the permission check without read:confluence-content.permission', () => {
    const scopes = new Set([...manifestScopeSet()].filter((scope) => scope !== 'read:confluence-content.permission'));
    const strict = new ConfluenceFake(directory, { scopes });
    const content = directory.site.contents[0]!;
    const body = JSON.stringify({ subject: { type: 'user', identifier: directory.site.users[0]!.accountId }, operation: 'read' });
    expect(strict.handle({ method: 'POST', path: `/wiki/rest/api/content/${content.id}/permission/check`, body, caller: app }).status).toBe(401);
    expect(fake.handle({ method: 'POST', path: `/wiki/rest/api/content/${content.id}/permission/check`, body, caller: app }).status).toBe(200);
  });

  it('fails a deprecated operation with a 500 that names it, except those the app still uses on purpose', () => {
    const answer = get(fake, '/wiki/rest/api/space?limit=5');
    expect(answer.status).toBe(500);
    expect(JSON.stringify(answer.body)).toContain('GET /wiki/rest/api/space is deprecated');
    for (const allowed of STILL_ON_DEPRECATED_V1) expect(findOperation(allowed.split(' ')[0]!, allowed.split(' ')[1]!.replace(/\{[^}]+\}/g, 'x'))?.deprecated).toBe(true);
    expect(get(fake, `/wiki/rest/api/content/${directory.site.contents[0]!.id}`).status).toBe(200);
    const noExceptions = new ConfluenceFake(directory, cloudStrictness({ allowDeprecated: new Set() }));
    expect(get(noExceptions, `/wiki/rest/api/content/${directory.site.contents[0]!.id}`).status).toBe(500);
  });

  it('ignores a parameter the description does not document (start on CQL search: the first page again)', () => {
    const first = get(fake, '/wiki/rest/api/content/search?cql=type%3Dpage&limit=3');
    const again = get(fake, '/wiki/rest/api/content/search?cql=type%3Dpage&limit=3&start=3');
    expect(again.body).toMatchObject({ results: (first.body as { results: unknown[] }).results });
    const lenient = new ConfluenceFake(directory, { ignoreUndocumentedParameters: false, failDeprecated: false });
    expect(get(lenient, '/wiki/api/v2/spaces?keys=NOPE&limit=1').body).toMatchObject({ results: [] });
    // An undocumented v2 parameter (spaceKey is v1's) is dropped: the filter does not apply.
    expect((get(fake, '/wiki/api/v2/spaces?spaceKey=NOPE&limit=250').body as { results: unknown[] }).results.length).toBe(directory.site.spaces.length);
  });

  it('answers CQL search in the documented shape: cursor links, no totalSize', () => {
    const body = get(fake, '/wiki/rest/api/content/search?cql=type%3Dpage&limit=2').body as Record<string, unknown>;
    expect(body).not.toHaveProperty('totalSize');
    expect(body).toMatchObject({ results: expect.any(Array), size: 2, limit: 2, _links: { next: expect.stringMatching(/cursor=/) } });
  });
});
