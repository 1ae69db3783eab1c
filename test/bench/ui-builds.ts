import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');

/** The manifest's Custom UI resources whose build (index.html) is missing. */
export function missingUiBuilds(): string[] {
  const manifest = parse(readFileSync(join(ROOT, 'manifest.yml'), 'utf8')) as { resources?: Array<{ key: string; path: string }> };
  return (manifest.resources ?? []).filter((resource) => !existsSync(join(ROOT, resource.path, 'index.html'))).map((resource) => resource.key);
}

/**
 * `npm run bench` on a fresh clone (after `npm ci`): the manifest does not validate without the UI
 * builds, and the benches that start the host or the test platform would fail after the long write
 * bench. Build them first (`npm run build:ui`, a few seconds), as `npm start` and `npm test` do.
 */
export function ensureUiBuilt(): void {
  const missing = missingUiBuilds();
  if (missing.length === 0) return;
  console.error(`bench: building the Custom UI first (missing: ${missing.join(', ')})`);
  execFileSync(process.execPath, [require.resolve('tsx/cli'), join(ROOT, 'scripts', 'build-ui.ts')], { cwd: ROOT, stdio: 'inherit' });
}
