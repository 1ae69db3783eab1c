import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintScopes, parseForLint, readManifest, root, sourceFiles, type ScopeFinding } from '../support/forge-scope-lint';
import { findOperation } from '../../local/confluence/openapi';

/**
 * `@forge/lint`'s permission linter (what `forge deploy` runs), offline with the API descriptions in
 * vendor/confluence-openapi/: the manifest declares every scope the app's Confluence calls need.
 */
describe('Confluence scopes (forge lint permission linter, offline)', () => {
  it('finds no missing scope in src/ with manifest.yml', async () => {
    const inputs = await parseForLint(sourceFiles());
    expect(inputs.length).toBeGreaterThan(50);
    const findings = await lintScopes(inputs, readManifest().permissions.scopes);
    expect(findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });

  it('reads the vendored v1 and v2 descriptions: a v1 POST and a v2 GET lacking their scopes are reported', async () => {
    const inputs = await parseForLint(['test/fixtures/scope-lint/calls.ts']);
    const findings = await lintScopes(inputs, []);
    expect(findings.map((f) => [f.line, f.missingScope])).toEqual(expect.arrayContaining([
      [5, 'read:confluence-content.permission'],
      [10, 'read:page:confluence'],
    ]));
    const withScopes = await lintScopes(inputs, ['read:confluence-content.permission', 'read:page:confluence']);
    expect(withScopes).toEqual([]);
  });
});

/** Each `requestConfluence(route`...`)` written in src/, with the line of its route (where the linter reports). */
function callSites(files: readonly string[]): Array<{ file: string; line: number; path: string; method: string }> {
  return files.flatMap((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    return [...text.matchAll(/requestConfluence\(\s*route`([^`]*)`(\s*,\s*\{[^}]*?method:\s*'(\w+)')?/g)].map((match) => ({
      file,
      line: text.slice(0, match.index! + match[0].indexOf('route`')).split('\n').length,
      path: match[1]!.replace(/\?.*$/, ''),
      method: match[3] ?? 'GET',
    }));
  });
}

describe('every Confluence call is visible to the permission linter', () => {
  const files = sourceFiles();
  const sites = callSites(files);
  const manifestScopes = readManifest().permissions.scopes;
  let inputs: Awaited<ReturnType<typeof parseForLint>>;
  let unscoped: ScopeFinding[];
  beforeAll(async () => {
    inputs = await parseForLint(files);
    unscoped = await lintScopes(inputs, []);
  });
  const at = (site: { file: string; line: number }) => (finding: ScopeFinding) => finding.file === site.file && finding.line === site.line;

  it('src/ calls Confluence only as requestConfluence(route`...`) at the call site (no route handed to a wrapper)', () => {
    expect(sites.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      const all = text.match(/requestConfluence\(/g)?.length ?? 0;
      expect([file, all]).toEqual([file, sites.filter((site) => site.file === file).length]);
      expect([file, /assumeTrustedRoute|routeFromAbsolute|requestConfluence\(\s*(?!route`)[\w$]/.test(text)]).toEqual([file, false]);
    }
  });

  it('every call is a documented operation whose scopes the manifest declares (read from the vendored descriptions)', () => {
    for (const site of sites) {
      const operation = findOperation(site.method, site.path.replace(/\$\{[^}]*\}/g, 'x'));
      expect([site.method, site.path, operation?.template ?? 'undocumented']).not.toContain('undocumented');
      expect([site.path, operation!.scopes.filter((scope) => !manifestScopes.includes(scope))]).toEqual([site.path, []]);
    }
  });

  it('with no scopes at all, the linter reports each call site, naming the operation it is (one known linter blind spot)', () => {
    // The linter matches path templates in file order with no preference for literal segments, so it takes
    // `GET /group/picker` for the deprecated, scope-less `GET /group/{groupName}` and reports nothing
    // there. That one route is checked by the test above (our own exact matcher) instead.
    const blind = sites.filter((site) => !unscoped.some(at(site))).map((site) => `${site.method} ${site.path.replace(/\$\{[^}]*\}/g, '{}')}`);
    expect([...new Set(blind)]).toEqual(['GET /wiki/rest/api/group/picker']);
    for (const site of sites.filter((s) => unscoped.some(at(s)))) {
      const operation = findOperation(site.method, site.path.replace(/\$\{[^}]*\}/g, 'x'))!;
      expect(unscoped.filter(at(site)).map((f) => f.message.includes(` ${operation.template.replace(/^\/wiki\/api\/v2/, '')} `))).toContain(true);
    }
  });

  it('each route is reported when (only) its own scopes are removed from a copy of the manifest', async () => {
    const byRoute = new Map<string, typeof sites>();
    for (const site of sites.filter((s) => unscoped.some(at(s)))) byRoute.set(`${site.method} ${site.path}`, [...(byRoute.get(`${site.method} ${site.path}`) ?? []), site]);
    expect(byRoute.size).toBeGreaterThanOrEqual(15);
    for (const [routeKey, routeSites] of byRoute) {
      const needed = new Set(unscoped.filter((f) => routeSites.some((site) => at(site)(f))).map((f) => f.missingScope));
      for (const scope of needed) expect([routeKey, scope, manifestScopes.includes(scope)]).toEqual([routeKey, scope, true]);
      // Granular ("Beta") scopes grant the operation as well (forge lint and Cloud accept either set): remove both.
      const granular = findOperation(routeSites[0]!.method, routeSites[0]!.path.replace(/\$\{[^}]*\}/g, 'x'))!.betaScopes;
      const findings = await lintScopes(inputs, manifestScopes.filter((scope) => !needed.has(scope) && !granular.includes(scope)));
      for (const site of routeSites) expect([routeKey, site.line, findings.some(at(site))]).toEqual([routeKey, site.line, true]);
    }
  });
});
