/**
 * What each Custom UI costs to load: its production bundle's size, raw and gzipped, as built by
 * scripts/build-ui.ts (the same esbuild options; run `npm run build:ui` first). Printed as
 * `ui_bundle_<app>_kib` and `ui_bundle_<app>_gzip_kib`, plus the total; an app without a build is
 * reported missing rather than skipped silently.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findApps } from '../../scripts/build-ui';

const STATIC_DIR = path.resolve(__dirname, '..', '..', 'static');

export function benchUiBundles(print: (name: string, value: string | number) => void, staticDir: string = STATIC_DIR): void {
  let total = 0;
  let totalGzip = 0;
  for (const app of findApps(staticDir)) {
    const files = ['index.js', 'index.css'].map((file) => path.join(staticDir, app, 'build', file)).filter((file) => existsSync(file));
    if (files.length === 0) {
      print(`ui_bundle_${app.replace(/-/g, '_')}_kib`, 'missing (run npm run build:ui)');
      continue;
    }
    const bytes = files.map((file) => readFileSync(file));
    const raw = bytes.reduce((sum, content) => sum + content.length, 0);
    const gzip = bytes.reduce((sum, content) => sum + gzipSync(content).length, 0);
    total += raw;
    totalGzip += gzip;
    const name = app.replace(/-/g, '_');
    print(`ui_bundle_${name}_kib`, (raw / 1024).toFixed(1));
    print(`ui_bundle_${name}_gzip_kib`, (gzip / 1024).toFixed(1));
  }
  print('ui_bundles_total_kib', (total / 1024).toFixed(1));
  print('ui_bundles_total_gzip_kib', (totalGzip / 1024).toFixed(1));
}
