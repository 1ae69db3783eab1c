/**
 * The import boundaries of docs/architecture.md, checked on import specifiers (`from`, bare `import '…'`,
 * `import()`, `require()`). Run by `npm run lint` (part of `npm test`).
 *
 * - `src/core` (row model, keys, codecs, commit machinery, helpers) imports only itself and contracts.
 * - `src/platform` (Confluence REST, resolver envelope, caches) imports core and contracts.
 * - `src/access` (who may open and see what) imports core, platform and contracts.
 * - A capability (every other folder of src/) imports core, platform, access, contracts, its own files,
 *   and only the public entry (`index.ts`) of another capability.
 * - Pure files (`rules/` folders and `core/model`, plus the few pure helpers named below) import no
 *   `@forge/*`, no Node built-in and nothing impure.
 * - Only `core/storage` and capability `storage` code reach @forge/kvs; only `platform/confluence` (where
 *   every call is written for `forge lint` to see) reaches @forge/api.
 * - The UI reaches backend code only through `@contracts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

const root = join(__dirname, '..');
const SHARED = new Set(['core', 'platform', 'access', 'contracts']);
const PURE_HELPERS = new Set(['src/core/parse.ts', 'src/core/date-range.ts', 'src/core/resume-cursor.ts', 'src/core/job-lease.ts', 'src/core/in-chunks.ts']);
const NODE_BUILTIN = /^node:|^(fs|path|crypto|http|https|os|child_process|util|stream)$/;

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'build') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const posix = (path: string): string => path.split(sep).join('/');
const isPure = (path: string): boolean => /\/rules\//.test(path) || path.startsWith('src/core/model/') || PURE_HELPERS.has(path) || path.startsWith('src/contracts/');
const topOf = (path: string): string | null => { const parts = path.split('/'); return parts.length > 2 ? parts[1]! : null; };

/** The file an import specifier names, relative to the repository (null for packages). */
function targetOf(from: string, specifier: string): string | null {
  if (specifier.startsWith('@contracts/')) return `src/contracts/${specifier.slice('@contracts/'.length)}.ts`;
  if (!specifier.startsWith('.')) return null;
  const base = normalize(join(dirname(from), specifier));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base]) {
    if (existsSync(join(root, candidate)) && statSync(join(root, candidate)).isFile()) return posix(candidate);
  }
  return posix(`${base}.ts`);
}

function problemOf(path: string, specifier: string): string | null {
  const target = targetOf(path, specifier);
  if (isPure(path)) {
    if (/^@forge\//.test(specifier) || NODE_BUILTIN.test(specifier)) return 'pure rules import no @forge package and no Node built-in';
    if (target && !isPure(target)) return `pure rules import only pure files (${target} is not)`;
  }
  if (specifier === '@forge/kvs' && !/^src\/(core\/storage|[a-z-]+\/(.*\/)?storage)\//.test(path) && !/-store\.ts$/.test(path)) return 'only storage code talks to @forge/kvs';
  if (specifier === '@forge/api' && !path.startsWith('src/platform/confluence/')) return 'only src/platform/confluence talks to the Confluence REST API';
  if (!target || !target.startsWith('src/')) return null;
  const [from, to] = [topOf(path), topOf(target)];
  if (from === null || to === null || from === to) return null;
  if (from === 'core' || from === 'contracts') return to === 'contracts' || to === 'core' ? null : `${from} imports nothing above it`;
  if (from === 'platform') return ['core', 'contracts'].includes(to) ? null : 'platform imports only core and contracts';
  if (from === 'access') return SHARED.has(to) ? null : 'access imports only core, platform and contracts';
  if (SHARED.has(to)) return null;
  return target === `src/${to}/index.ts` ? null : `a capability imports another capability only through its index.ts (src/${to}/index.ts)`;
}

const problems: string[] = [];
for (const file of filesUnder(join(root, 'src'))) {
  const path = posix(relative(root, file));
  for (const match of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s+|import\s*\(|require\()\s*['"]([^'"]+)['"]/g)) {
    const problem = problemOf(path, match[1]!);
    if (problem) problems.push(`${path}: imports ${match[1]} (${problem})`);
  }
}
for (const file of filesUnder(join(root, 'static'))) {
  const path = posix(relative(root, file));
  for (const match of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s+|import\s*\(|require\()\s*['"]([^'"]+)['"]/g)) {
    if (/(^|\/)src\/|^\.\.\/\.\.\/\.\.\//.test(match[1]!)) problems.push(`${path}: imports ${match[1]} (the UI imports shared contracts through @contracts only)`);
  }
}
// No import cycles between files of src/ (type-only imports aside: they vanish at build time). A cycle
// makes load order matter and hides which module owns a concept (the old account-store ↔
// account-references ↔ api-token-store loop).
const graph = new Map<string, string[]>();
for (const file of filesUnder(join(root, 'src'))) {
  const path = posix(relative(root, file));
  const targets = [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)]
    .map((match) => targetOf(path, match[1]!)).filter((target): target is string => target !== null && target.startsWith('src/'));
  graph.set(path, targets);
}
const state = new Map<string, 'open' | 'done'>();
function visit(path: string, trail: string[]): void {
  if (state.get(path) === 'done') return;
  if (state.get(path) === 'open') {
    problems.push(`import cycle: ${[...trail.slice(trail.indexOf(path)), path].join(' → ')}`);
    return;
  }
  state.set(path, 'open');
  for (const target of graph.get(path) ?? []) visit(target, [...trail, path]);
  state.set(path, 'done');
}
for (const path of graph.keys()) visit(path, []);

const crowded = [...new Set(filesUnder(join(root, 'src')).map((file) => posix(relative(root, dirname(file)))))]
  .map((folder) => [folder, readdirSync(join(root, folder)).filter((name) => /\.tsx?$/.test(name)).length] as const)
  .filter(([, count]) => count > 20);
for (const [folder, count] of crowded) problems.push(`${folder}: ${count} files (a folder holds at most 20; split it by concept)`);

if (problems.length > 0) {
  console.error(`Architecture lint failed (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Architecture lint: ok');
