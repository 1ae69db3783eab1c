/**
 * Builds every Custom UI app: `static/<app>/src/index.tsx` → `static/<app>/build/{index.html,index.js,index.css}`.
 *
 *   npx tsx scripts/build-ui.ts            production build of every app (minified, no source maps)
 *   npx tsx scripts/build-ui.ts settings   only the named apps
 *   npx tsx scripts/build-ui.ts --dev      unminified, inline source maps
 *   npx tsx scripts/build-ui.ts --watch    dev build, rebuilt on every change
 *   npx tsx scripts/build-ui.ts --if-changed   production build only when a source changed (npm start)
 *
 * Forge serves a resource folder from a sub-path of its CDN, so index.html must reference its assets by
 * relative paths ("./index.js"); an absolute "/index.js" would load from the CDN's root and fail.
 * The `@contracts/*` alias comes from tsconfig.json, which esbuild reads by itself.
 * `@forge/bridge` is bundled unmodified: it finds `window.__bridge`, which the host page defines first.
 */
import { build, context, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const STATIC_DIR = path.join(ROOT, 'static');

/** Shown in the browser tab of full pages; the host shows its own title for embedded apps. */
const APP_TITLES: Record<string, string> = {
  macro: 'Viewtracker',
  'channel-beacon': 'Viewtracker channel beacon',
  'page-statistics': 'Page statistics – Viewtracker',
  settings: 'Viewtracker settings',
  'global-report': 'Viewtracker report',
  'space-report': 'Viewtracker space report',
  'macro-config': 'Configure Viewtracker',
};

/** Every folder under static/ with a `src/index.tsx` is an app; `static/shared` has none, so it is not. */
export function findApps(staticDir: string = STATIC_DIR): string[] {
  return readdirSync(staticDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(staticDir, entry.name, 'src', 'index.tsx')))
    .map((entry) => entry.name)
    .sort();
}

export function renderIndexHtml(title: string, options: { css: boolean }): string {
  const escapedTitle = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapedTitle}</title>`,
    options.css ? '<link rel="stylesheet" href="./index.css">' : '',
    // defer: runs after the host's bridge script, which the host puts first into <head>.
    '<script src="./index.js" defer></script>',
    '</head>',
    '<body>',
    '<div id="root"></div>',
    '</body>',
    '</html>',
    '',
  ].filter((line) => line !== '').join('\n');
}

/** Where `--if-changed` keeps the fingerprint of the last production build (git-ignored). */
const STAMP_FILE = path.join(ROOT, '.local', 'ui-build-stamp');

function filesUnder(dir: string, skip: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip(entry.name)) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, skip) : [full];
  }).sort();
}

/**
 * A fingerprint of everything a production build reads: the apps' and shared sources (not their
 * build output), the contracts they import, the compiler settings, the locked dependencies and this
 * script. Contents, not times: a checkout that changes nothing rebuilds nothing.
 */
export function sourceFingerprint(root: string = ROOT): string {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(path.join(root, 'static'), (name) => name === 'build' || name.startsWith('.')),
    ...filesUnder(path.join(root, 'src', 'contracts'), (name) => name.startsWith('.')),
    ...['tsconfig.json', 'package-lock.json', path.join('scripts', 'build-ui.ts')].map((file) => path.join(root, file)),
  ];
  for (const file of files) {
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Every app's build is there and was made from exactly these sources. */
export function buildIsCurrent(apps: string[], fingerprint: string, stampFile: string = STAMP_FILE, staticDir: string = STATIC_DIR): boolean {
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8').trim() !== fingerprint) return false;
  return apps.every((app) => existsSync(path.join(staticDir, app, 'build', 'index.html')) && existsSync(path.join(staticDir, app, 'build', 'index.js')));
}

/**
 * Parts of the Atlassian Design System packages that a Forge Custom UI never runs, left out of the bundles
 * (measured: about 300 KiB and 120 KiB of minified JavaScript in every app with a tooltip or a section
 * message; docs/benchmark.md, "What the ADS components cost"):
 * - `@atlaskit/tokens`' `setGlobalTheme` and its theme import map (every ADS theme's CSS as a string,
 *   custom-theme colour maths): only ADS's `AppProvider`/`ThemeProvider` call them (ADS's portal wraps a
 *   tooltip in a ThemeProvider only inside one). These apps mount neither: Forge's `view.theme.enable()`
 *   puts the host's theme CSS and `data-color-mode` on the iframe's page, and ADS components read those
 *   `--ds-*` variables (forge-docs-snapshot mirror/design-tokens-and-theming/index.md, "Activate theming").
 *   The stubs fail loudly if that ever changes.
 * - `@atlaskit/feature-gate-js-client` (Statsig): Atlassian's own feature gates, which nothing
 *   initialises inside an app's iframe, so every gate answers false and every experiment its default
 *   value. The stub answers exactly that, without the client.
 * - `@atlaskit/dynamic-table`'s row ranking (drag and drop, about 80 KiB): loaded lazily only for a
 *   table with `isRankable`, which no table here sets (components/table.tsx). Should one ever set it,
 *   the stub throws and DynamicTable's own error boundary shows the plain, unranked body instead.
 */
export const ADS_TRIM_PLUGIN: Plugin = {
  name: 'ads-trim',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@atlaskit\/feature-gate-js-client\/feature-gates$/ }, () => ({ path: 'feature-gates', namespace: 'ads-stub' }));
    pluginBuild.onResolve({ filter: /(^@atlaskit\/tokens\/artifacts|\/artifacts|^\.)\/theme-import-map$/ }, (args) =>
      /[\\/]@atlaskit[\\/]/.test(args.importer) ? { path: 'theme-import-map', namespace: 'ads-stub' } : undefined);
    pluginBuild.onResolve({ filter: /^\.\/rankable\/body$/ }, (args) =>
      /[\\/]@atlaskit[\\/]dynamic-table[\\/]/.test(args.importer) ? { path: 'dynamic-table-rankable-body', namespace: 'ads-stub' } : undefined);
    pluginBuild.onLoad({ filter: /^dynamic-table-rankable-body$/, namespace: 'ads-stub' }, () => ({
      contents: "export default function RankingLeftOut() { throw new Error('This build of @atlaskit/dynamic-table has no row ranking.'); }",
      loader: 'js',
    }));
    pluginBuild.onLoad({ filter: /^feature-gates$/, namespace: 'ads-stub' }, () => ({
      contents: 'export default { checkGate: () => false, getExperimentValue: (_name, _param, fallback) => fallback, initializeCompleted: () => false };',
      loader: 'js',
    }));
    pluginBuild.onResolve({ filter: /^@atlaskit\/tokens\/set-global-theme$/ }, () => ({ path: 'set-global-theme', namespace: 'ads-stub' }));
    pluginBuild.onLoad({ filter: /^set-global-theme$/, namespace: 'ads-stub' }, () => ({
      contents: "const setGlobalTheme = () => Promise.reject(new Error('Forge applies the theme: view.theme.enable()')); export default setGlobalTheme; export { setGlobalTheme };",
      loader: 'js',
    }));
    pluginBuild.onLoad({ filter: /^theme-import-map$/, namespace: 'ads-stub' }, () => ({
      contents: 'const themeImportMap = {}; export default themeImportMap; export { themeImportMap };',
      loader: 'js',
    }));
  },
};

interface BuildMode {
  dev: boolean;
}

function esbuildOptions(app: string, mode: BuildMode): BuildOptions {
  return {
    absWorkingDir: ROOT,
    entryPoints: { index: path.join(STATIC_DIR, app, 'src', 'index.tsx') },
    outdir: path.join(STATIC_DIR, app, 'build'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    tsconfig: path.join(ROOT, 'tsconfig.json'),
    jsx: 'automatic',
    minify: !mode.dev,
    sourcemap: mode.dev ? 'inline' : false,
    legalComments: mode.dev ? 'inline' : 'linked',
    define: { 'process.env.NODE_ENV': JSON.stringify(mode.dev ? 'development' : 'production') },
    metafile: true,
    logLevel: 'warning',
    plugins: [ADS_TRIM_PLUGIN],
  };
}

function writeHtml(app: string, metafile: Metafile | undefined): void {
  const buildDir = path.join(STATIC_DIR, app, 'build');
  const css = Object.keys(metafile?.outputs ?? {}).some((file) => file.endsWith('index.css'));
  writeFileSync(path.join(buildDir, 'index.html'), renderIndexHtml(APP_TITLES[app] ?? app, { css }));
}

function cleanBuildDir(app: string): void {
  const buildDir = path.join(STATIC_DIR, app, 'build');
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
}

function sizeSummary(metafile: Metafile | undefined): string {
  return Object.entries(metafile?.outputs ?? {})
    .filter(([file]) => !file.endsWith('.txt'))
    .map(([file, output]) => `${path.basename(file)} ${(output.bytes / 1024).toFixed(1)} KiB`)
    .join(', ');
}

async function buildOnce(app: string, mode: BuildMode): Promise<string> {
  cleanBuildDir(app);
  const result = await build(esbuildOptions(app, mode));
  writeHtml(app, result.metafile);
  return `${app.padEnd(16)} ${sizeSummary(result.metafile)}`;
}

async function watch(app: string): Promise<void> {
  cleanBuildDir(app);
  const ctx = await context({
    ...esbuildOptions(app, { dev: true }),
    plugins: [ADS_TRIM_PLUGIN, {
      name: 'write-index-html',
      setup(pluginBuild) {
        pluginBuild.onEnd((result) => {
          if (result.errors.length > 0) return;
          writeHtml(app, result.metafile);
          console.log(`[build-ui] rebuilt ${app}`);
        });
      },
    }],
  });
  await ctx.watch();
}

async function main(argv: string[]): Promise<void> {
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')));
  const requested = argv.filter((arg) => !arg.startsWith('--'));
  const available = findApps();
  const unknown = requested.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown app(s): ${unknown.join(', ')}. Apps: ${available.join(', ')}`);
  }
  const apps = requested.length > 0 ? requested : available;
  const started = Date.now();
  if (flags.has('--watch')) {
    await Promise.all(apps.map(watch));
    console.log(`[build-ui] watching ${apps.join(', ')}`);
    return;
  }
  const dev = flags.has('--dev');
  const fingerprint = !dev && requested.length === 0 ? sourceFingerprint() : null;
  if (flags.has('--if-changed') && fingerprint !== null && buildIsCurrent(apps, fingerprint)) {
    console.log(`[build-ui] UI sources unchanged since the last build: nothing to build (${Date.now() - started} ms)`);
    return;
  }
  rmSync(STAMP_FILE, { force: true });
  const lines = await Promise.all(apps.map((app) => buildOnce(app, { dev })));
  console.log(lines.map((line) => `[build-ui] ${line}`).join('\n'));
  console.log(`[build-ui] ${apps.length} app(s) built in ${Date.now() - started} ms`);
  // Only a full production build vouches for every app's output.
  if (fingerprint !== null) {
    mkdirSync(path.dirname(STAMP_FILE), { recursive: true });
    writeFileSync(STAMP_FILE, `${fingerprint}\n`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
