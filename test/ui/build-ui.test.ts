import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findApps, renderIndexHtml } from '../../scripts/build-ui';

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
