#!/usr/bin/env node
/**
 * Exit 0 when node_modules holds what package-lock.json asks for, 1 (saying why) otherwise.
 *
 * npm itself records what it installed in node_modules/.package-lock.json (the "hidden lockfile"),
 * whoever ran it: `npm ci`, `npm install`, or scripts/ensure-deps.sh. Comparing it with
 * package-lock.json therefore does not depend on a stamp only our script writes (a plain `npm ci`
 * used to leave no stamp, and the first `npm start` ran `npm ci` again). Plain CommonJS because it
 * runs before the dependencies (tsx, TypeScript) are there.
 *
 * In sync = every package of the lockfile is recorded with the same version (and integrity, when
 * both have one) and its folder holds a package.json; optional packages may be absent (they are
 * skipped on other platforms, e.g. esbuild's binaries); nothing is recorded that the lockfile lacks.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
  } catch {
    return undefined;
  }
}

function problem() {
  const wanted = readJson('package-lock.json');
  if (!wanted || typeof wanted.packages !== 'object') return 'package-lock.json is missing or has no "packages" (lockfile v2+)';
  const installed = readJson('node_modules/.package-lock.json');
  if (!installed || typeof installed.packages !== 'object') return 'node_modules/.package-lock.json is missing: npm has not installed here';
  for (const [where, entry] of Object.entries(wanted.packages)) {
    if (where === '') continue; // the project itself
    const got = installed.packages[where];
    if (!got) {
      if (entry.optional || entry.devOptional) continue;
      return `${where} is not installed`;
    }
    if (got.version !== entry.version) return `${where} is ${got.version}, package-lock.json wants ${entry.version}`;
    if (got.integrity && entry.integrity && got.integrity !== entry.integrity) return `${where} differs from package-lock.json (integrity)`;
    if (!entry.link && !fs.existsSync(path.join(root, where, 'package.json'))) return `${where} is recorded but its folder is gone`;
  }
  for (const where of Object.keys(installed.packages)) {
    if (!(where in wanted.packages)) return `${where} is installed but not in package-lock.json`;
  }
  return null;
}

const why = problem();
if (why) {
  console.log(`Dependencies out of date: ${why}`);
  process.exit(1);
}
