import { buildSync } from 'esbuild';
import path from 'node:path';

export interface ClientBundles {
  bridge: string;
  hostPage: string;
}

/** The two browser scripts, bundled from TypeScript once at startup (a few milliseconds with esbuild). */
export function buildClientBundles(): ClientBundles {
  const bundle = (entry: string): string => {
    const result = buildSync({
      entryPoints: [path.join(__dirname, 'client', entry)],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      platform: 'browser',
      legalComments: 'none',
      logLevel: 'silent',
    });
    const file = result.outputFiles[0];
    if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
    return file.text;
  };
  return { bridge: bundle('bridge.ts'), hostPage: bundle('host-page.ts') };
}
