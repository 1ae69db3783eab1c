import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The design documents name files and functions; code moves. These checks keep the names true: every
 * `src/…` or `test/…` file a document names exists, and every hop of docs/architecture.md's two paths
 * ("`file` → `function`") names a function that file defines.
 */
const root = join(__dirname, '..');
const documents = [
  'README.md', 'CONTRIBUTING.md',
  ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`),
];

function namedFiles(text: string): string[] {
  const paths = [...text.matchAll(/`((?:src|test|static|scripts)\/[A-Za-z0-9_./-]+)`/g)].map((match) => match[1]!);
  // A folder or a pattern (`src/core/*.ts`) names no single file.
  return [...new Set(paths)].filter((path) => /\.(ts|tsx|js|cjs)$/.test(path));
}

function defines(file: string, name: string): boolean {
  const source = readFileSync(join(root, file), 'utf8');
  const declared = new RegExp(`(function|const|let|class)\\s+${name}\\b|^\\s*(async\\s+)?${name}\\s*\\(`, 'm');
  const reExported = new RegExp(`export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`);
  return declared.test(source) || reExported.test(source);
}

describe('documentation names', () => {
  it.each(documents)('%s names only files that exist', (document) => {
    const missing = namedFiles(readFileSync(join(root, document), 'utf8')).filter((path) => !existsSync(join(root, path)));
    expect(missing).toEqual([]);
  });

  it('names, in each hop of the two paths of docs/architecture.md, a function its file defines', () => {
    const text = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const hops = text.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(hops.length).toBeGreaterThanOrEqual(20);
    const wrong: string[] = [];
    for (const hop of hops) {
      // Each "`file` → `function`" pair of the hop's first column (a later pair may start at a new file).
      const cell = hop.split('|')[2] ?? '';
      let file: string | null = null;
      for (const match of cell.matchAll(/`([^`]+)`/g)) {
        const name = match[1]!;
        if (/^src\/.+\.ts$/.test(name)) file = name;
        else if (file && /^[A-Za-z]\w*$/.test(name) && !defines(file, name)) wrong.push(`${file} → ${name}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
