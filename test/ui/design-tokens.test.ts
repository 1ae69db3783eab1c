/**
 * Every Atlassian design token the UI uses must exist (a misspelt token silently falls back to the light
 * value and breaks the dark theme) and must carry a fallback (so the page is readable without theming).
 * The token list comes from @atlaskit/tokens, which @forge/bridge depends on.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const STATIC_DIR = path.resolve(__dirname, '../../static');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'build' || name === 'node_modules') return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(css|tsx?)$/.test(name) ? [full] : [];
  });
}

function knownTokens(): Set<string> {
  const bridgeDir = path.resolve(path.dirname(require.resolve('@forge/bridge')), '..');
  const tokenNamesFile = require.resolve('@atlaskit/tokens/token-names', { paths: [bridgeDir] });
  const module: unknown = require(tokenNamesFile);
  const table = (module as { default?: Record<string, string> }).default ?? {};
  return new Set(Object.values(table));
}

/** `var(--ds-x, fallback)` or `var(--ds-x)` occurrences, with whether a fallback follows the name. */
function tokenUses(text: string): Array<{ name: string; hasFallback: boolean }> {
  return [...text.matchAll(/var\(\s*(--ds-[a-z0-9-]+)\s*([,)])/g)].map((match) => ({
    name: match[1] ?? '',
    hasFallback: match[2] === ',',
  }));
}

describe('design tokens in static/', () => {
  const files = sourceFiles(STATIC_DIR);
  const tokens = knownTokens();

  it('finds the UI sources and the token list', () => {
    expect(files.some((file) => file.endsWith('.css'))).toBe(true);
    expect(tokens.has('--ds-text')).toBe(true);
  });

  it('uses only tokens that exist, each with a fallback', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const use of tokenUses(readFileSync(file, 'utf8'))) {
        const where = path.relative(STATIC_DIR, file);
        if (!tokens.has(use.name)) problems.push(`${where}: unknown token ${use.name}`);
        if (!use.hasFallback) problems.push(`${where}: ${use.name} has no fallback`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('recognises a missing fallback (the check can fail)', () => {
    expect(tokenUses('color: var(--ds-text);')).toEqual([{ name: '--ds-text', hasFallback: false }]);
    expect(tokenUses('color: var(--ds-text, #172B4D);')).toEqual([{ name: '--ds-text', hasFallback: true }]);
  });
});
