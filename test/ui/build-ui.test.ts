import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { ADS_TRIM_PLUGIN, buildIsCurrent, findApps, renderIndexHtml, sourceFingerprint } from '../../scripts/build-ui';

const ROOT = path.resolve(__dirname, '../..');

describe('build-ui', () => {
  it('writes an index.html whose assets are relative, as Forge serves it from a sub-path', () => {
    const html = renderIndexHtml('Viewtracker <settings>', { css: true });
    expect(html).toContain('<script src="./index.js" defer></script>');
    expect(html).toContain('<link rel="stylesheet" href="./index.css">');
    expect(html).toContain('<title>Viewtracker &lt;settings&gt;</title>');
    expect(html).not.toMatch(/(src|href)="\//);
    expect(renderIndexHtml('Beacon', { css: false })).not.toContain('stylesheet');
  });

  it('builds an app for every Custom UI resource of the manifest, and nothing for shared code', () => {
    const manifest = readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8');
    const resources = [...manifest.matchAll(/path:\s*static\/([\w-]+)\/build/g)].map((match) => match[1]);
    const apps = findApps(path.join(ROOT, 'static'));
    expect(resources.length).toBeGreaterThan(0);
    expect(apps).toEqual(expect.arrayContaining(resources));
    expect(apps).not.toContain('shared');
  });
});

describe('the Design System trim', () => {
  it('leaves DynamicTable\'s drag-and-drop row ranking out of a bundle (no table here ranks rows)', async () => {
    const inputs = async (plugins: typeof ADS_TRIM_PLUGIN[]) => {
      const result = await build({
        absWorkingDir: ROOT, stdin: { contents: "import { DynamicTableStateless } from '@atlaskit/dynamic-table'; console.log(DynamicTableStateless);", resolveDir: ROOT, loader: 'js' },
        bundle: true, write: false, metafile: true, minify: true, outdir: os.tmpdir(), logLevel: 'silent', plugins,
      });
      return Object.keys(result.metafile.inputs);
    };
    const dragAndDrop = (files: string[]) => files.filter((file) => /pragmatic-drag-and-drop|dynamic-table[\\/]dist[\\/]\w+[\\/]components[\\/]rankable[\\/](body|rankable-body|table-row)/.test(file));
    expect(dragAndDrop(await inputs([])).length).toBeGreaterThan(0);
    expect(dragAndDrop(await inputs([ADS_TRIM_PLUGIN]))).toEqual([]);
  });
});

describe('--if-changed (npm start rebuilds the UI only when a source changed)', () => {
  it('a fingerprint follows source contents, not build output, and a stamp vouches only for complete builds', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ui-stamp-'));
    const at = (...parts: string[]) => path.join(root, ...parts);
    const mkdir = mkdirSync;
    const write = writeFileSync;
    mkdir(at('static', 'app', 'src'), { recursive: true });
    mkdir(at('static', 'app', 'build'), { recursive: true });
    write(at('static', 'app', 'src', 'index.tsx'), 'one');
    const first = sourceFingerprint(root);
    write(at('static', 'app', 'build', 'index.js'), 'output');
    expect(sourceFingerprint(root)).toBe(first);
    write(at('static', 'app', 'src', 'index.tsx'), 'two');
    const second = sourceFingerprint(root);
    expect(second).not.toBe(first);

    const stamp = at('stamp');
    expect(buildIsCurrent(['app'], second, stamp, at('static'))).toBe(false);
    write(stamp, `${second}\n`);
    expect(buildIsCurrent(['app'], second, stamp, at('static'))).toBe(false); // no index.html yet
    write(at('static', 'app', 'build', 'index.html'), '<html>');
    expect(buildIsCurrent(['app'], second, stamp, at('static'))).toBe(true);
    expect(buildIsCurrent(['app'], first, stamp, at('static'))).toBe(false);
  });
});
