/**
 * scripts/ensure-deps.sh decides from what npm recorded, not from a stamp only it writes: after a
 * plain `npm ci` the first `npm start` must not run `npm ci` again (issue 18). Run on a copy of the
 * scripts in a temp project, with a fake `npm` on PATH that only logs its arguments.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

interface LockEntry {
  version?: string;
  integrity?: string;
  optional?: boolean;
}

const LOCK: Record<string, LockEntry> = {
  '': { version: '0.1.0' },
  'node_modules/left-pad': { version: '1.3.0', integrity: 'sha512-left' },
  'node_modules/@scope/tool': { version: '2.0.0', integrity: 'sha512-tool' },
  'node_modules/@esbuild/aix-ppc64': { version: '0.28.2', integrity: 'sha512-aix', optional: true },
};

let project = '';
let log = '';

/** What `npm ci` leaves: the packages for this platform and npm's own record of them, no stamp. */
function installAsNpmCi(lock: Record<string, LockEntry>): void {
  writeLock(lock);
  const installed: Record<string, LockEntry> = {};
  for (const [where, entry] of Object.entries(lock)) {
    if (where === '' || entry.optional) continue;
    installed[where] = entry;
    mkdirSync(path.join(project, where), { recursive: true });
    writeFileSync(path.join(project, where, 'package.json'), JSON.stringify({ name: where, version: entry.version }));
  }
  writeFileSync(path.join(project, 'node_modules/.package-lock.json'), JSON.stringify({ name: 'p', version: '0.1.0', lockfileVersion: 3, requires: true, packages: installed }));
}

function writeLock(lock: Record<string, LockEntry>): void {
  writeFileSync(path.join(project, 'package-lock.json'), JSON.stringify({ name: 'p', version: '0.1.0', lockfileVersion: 3, requires: true, packages: lock }));
}

/** Runs the copied ensure-deps.sh; answers the npm commands it ran. */
function ensureDeps(): string[] {
  const result = spawnSync('bash', [path.join(project, 'scripts/ensure-deps.sh')], {
    env: { ...process.env, PATH: `${path.join(project, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`, NPM_LOG: log },
    encoding: 'utf8',
  });
  expect(result.status).toBe(0);
  return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter((line) => line !== '') : [];
}

beforeEach(() => {
  project = mkdtempSync(path.join(tmpdir(), 'ensure-deps-'));
  mkdirSync(path.join(project, 'scripts'));
  mkdirSync(path.join(project, 'bin'));
  for (const file of ['ensure-deps.sh', 'deps-in-sync.cjs']) {
    copyFileSync(path.join(REPO, 'scripts', file), path.join(project, 'scripts', file));
  }
  log = path.join(project, 'npm.log');
  // Logs its arguments; `ci` leaves a node_modules folder, as the real one does.
  writeFileSync(path.join(project, 'bin/npm'), '#!/bin/sh\necho "$*" >> "$NPM_LOG"\nif [ "$1" = ci ]; then mkdir -p node_modules; fi\n');
  chmodSync(path.join(project, 'bin/npm'), 0o755);
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('scripts/ensure-deps.sh', () => {
  it('does not run npm ci again after a plain npm ci (no stamp written)', () => {
    installAsNpmCi(LOCK);
    expect(existsSync(path.join(project, 'node_modules/.deps-stamp'))).toBe(false);
    expect(ensureDeps().filter((command) => command.startsWith('ci'))).toEqual([]);
  });

  it('runs npm ci on a fresh clone', () => {
    writeLock(LOCK);
    expect(ensureDeps()).toContain('ci --no-audit --no-fund');
  });

  it('runs npm ci when the lockfile asks for another version', () => {
    installAsNpmCi(LOCK);
    writeLock({ ...LOCK, 'node_modules/left-pad': { version: '1.3.1', integrity: 'sha512-left2' } });
    expect(ensureDeps()).toContain('ci --no-audit --no-fund');
  });

  it('runs npm ci when the lockfile adds a package', () => {
    installAsNpmCi(LOCK);
    writeLock({ ...LOCK, 'node_modules/new-one': { version: '1.0.0' } });
    expect(ensureDeps()).toContain('ci --no-audit --no-fund');
  });

  it('runs npm ci when an installed package folder was removed', () => {
    installAsNpmCi(LOCK);
    rmSync(path.join(project, 'node_modules/left-pad'), { recursive: true });
    expect(ensureDeps()).toContain('ci --no-audit --no-fund');
  });
});
