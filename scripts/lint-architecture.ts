/**
 * The import boundaries of ARCHITECTURE.md, enforced on import specifiers (`from`, bare `import '…'`,
 * `import()`, `require()`): domain code imports no @forge/* package, no Node built-in and no backend
 * folder; only src/storage imports @forge/kvs; only src/confluence imports @forge/api; the UI reaches
 * backend code only through @contracts. It does not check where KVS keys are built (review does:
 * src/storage/keys.ts is the one key table). Run by `npm run lint` (part of `npm test`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Rule { folder: string; forbidden: RegExp; why: string }

const RULES: Rule[] = [
  { folder: 'src/domain', forbidden: /^@forge\//, why: 'domain code is pure: no Forge imports' },
  { folder: 'src/domain', forbidden: /\/(storage|confluence|resolvers|triggers|services)\//, why: 'domain code depends on nothing but itself and contracts' },
  { folder: 'src/domain', forbidden: /^node:|^(fs|path|crypto|http|https|os|child_process)$/, why: 'domain code is pure: no Node built-ins' },
  { folder: 'src', forbidden: /^@forge\/kvs$/, why: 'only src/storage talks to @forge/kvs' },
  { folder: 'src', forbidden: /^@forge\/api$/, why: 'only src/confluence talks to the Confluence REST API' },
  { folder: 'static', forbidden: /(^|\/)src\/(domain|storage|confluence|resolvers|triggers|services)\b|^\.\.\/\.\.\/\.\.\//, why: 'the UI imports shared contracts through @contracts only' },
];
const ALLOWED: Record<string, string[]> = { '@forge/kvs': ['src/storage'], '@forge/api': ['src/confluence'] };

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (name === 'node_modules' || name === 'build') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const root = join(__dirname, '..');
const problems: string[] = [];
for (const rule of RULES) {
  for (const file of filesUnder(join(root, rule.folder))) {
    const path = relative(root, file);
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s+|import\s*\(|require\()\s*['"]([^'"]+)['"]/g)) {
      const target = match[1]!;
      if (!rule.forbidden.test(target)) continue;
      if ((ALLOWED[target] ?? []).some((allowed) => path.startsWith(allowed))) continue;
      problems.push(`${path}: imports ${target} (${rule.why})`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Architecture lint failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('Architecture lint: ok');
