import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppManifest } from './manifest';

export type ForgeHandler = (...args: unknown[]) => unknown;

/**
 * The app's functions, loaded the way Forge does: `handler: index.resolver` is the export `resolver`
 * of `src/index`. Under tsx the TypeScript source is loaded directly (the same code Forge bundles).
 */
export class FunctionRegistry {
  private constructor(private readonly handlers: Map<string, ForgeHandler>) {}

  static load(root: string, manifest: AppManifest, requireModule: (file: string) => unknown = require): FunctionRegistry {
    const handlers = new Map<string, ForgeHandler>();
    const problems: string[] = [];
    for (const [key, handler] of manifest.functions) {
      const dot = handler.lastIndexOf('.');
      const file = path.join(root, 'src', handler.slice(0, dot));
      const exportName = handler.slice(dot + 1);
      if (dot <= 0 || !['.ts', '.tsx', '.js', '.jsx'].some((ext) => existsSync(file + ext))) {
        problems.push(`function ${key}: handler ${handler} has no file src/${handler.slice(0, dot)}.(ts|js)`);
        continue;
      }
      const loaded = requireModule(file) as Record<string, unknown>;
      const fn = loaded[exportName];
      if (typeof fn !== 'function') problems.push(`function ${key}: src/${handler.slice(0, dot)} does not export a function named ${exportName}`);
      else handlers.set(key, fn as ForgeHandler);
    }
    if (problems.length > 0) throw new Error(`manifest.yml names handlers the app does not have:\n  ${problems.join('\n  ')}`);
    return new FunctionRegistry(handlers);
  }

  static fromHandlers(handlers: Record<string, ForgeHandler>): FunctionRegistry {
    return new FunctionRegistry(new Map(Object.entries(handlers)));
  }

  get(key: string): ForgeHandler {
    const handler = this.handlers.get(key);
    if (!handler) throw new Error(`No function "${key}" in manifest.yml`);
    return handler;
  }

  has(key: string): boolean {
    return this.handlers.has(key);
  }
}
