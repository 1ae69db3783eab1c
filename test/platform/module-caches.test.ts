import { forgetModuleCaches, MemoryCache, registerModuleCache } from '../../src/platform/memory-cache';

describe('module caches', () => {
  it('a MemoryCache created anywhere is emptied by the one forgetModuleCaches call', () => {
    const cache = new MemoryCache<number>(60_000);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    forgetModuleCaches();
    expect(cache.get('a')).toBeUndefined();
  });

  it('other module state registered with registerModuleCache is reset too', () => {
    let counter = 3;
    registerModuleCache(() => { counter = 0; });
    forgetModuleCaches();
    expect(counter).toBe(0);
  });

  it('the app keeps no module cache that the registry misses: every `new MemoryCache` or module-level Map in src/ is registered', () => {
    // A plain module-level Map or Set in src/ would keep state between tests and function calls
    // unseen by the registry; each one found must be registered in its file.
    const { execSync } = require('node:child_process') as typeof import('node:child_process');
    const found = execSync("grep -rnE '^(const|let) [a-zA-Z]+ = new (Map|Set)<' src || true", { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    const { readFileSync } = require('node:fs') as typeof import('node:fs');
    const unregistered = found.filter((line) => {
      const [file, , rest] = line.split(':');
      const name = /^(?:const|let) ([a-zA-Z]+)/.exec(rest ?? '')?.[1] ?? '';
      return !new RegExp(`registerModuleCache\\([^;]*\\b${name}\\b`).test(readFileSync(file!, 'utf8'));
    });
    expect(unregistered).toEqual([]);
  });
});
