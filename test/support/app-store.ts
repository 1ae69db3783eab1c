import { forgetModuleCaches } from '../../src/platform/memory-cache';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { installKvsEmulator, type InstallKvsEmulatorOptions, type KvsEmulator } from '../../local/kvs';
import type { EntityDefinition } from '../../local/kvs';

/** The entities exactly as manifest.yml declares them, so tests run against the deployed schema. */
export function manifestEntities(): EntityDefinition[] {
  const manifest = parse(readFileSync(join(__dirname, '..', '..', 'manifest.yml'), 'utf8')) as { app: { storage: { entities: EntityDefinition[] } } };
  return manifest.app.storage.entities;
}

export interface AppStore {
  emulator: KvsEmulator;
  stop: () => void;
}

/** A fresh KVS emulator behind the real @forge/kvs client, with the app's in-memory caches cleared. */
export function startAppStore(options: Omit<InstallKvsEmulatorOptions, 'entities'> = {}): AppStore {
  const installed = installKvsEmulator({ entities: manifestEntities(), seed: 7, ...options });
  resetAppCaches();
  return { emulator: installed.emulator, stop: installed.uninstall };
}

/** Every module cache of the app (platform/memory-cache's registry): each case starts cold. */
export function resetAppCaches(): void {
  forgetModuleCaches();
}
