import { lintScopes, parseForLint, readManifest, sourceFiles } from '../support/forge-scope-lint';

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
