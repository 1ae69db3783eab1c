import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { installKvsEmulator, type InstallKvsEmulatorOptions, type KvsEmulator } from '../../local/kvs';
import type { EntityDefinition } from '../../local/kvs';
import { forgetCachedSettings } from '../../src/settings/settings-source';
import { forgetCachedGroups } from '../../src/access/viewer-groups';
import { forgetAdminChecks } from '../../src/access/admin-check';
import { forgetHintBudget } from '../../src/tracking/tracking-resolvers';
import { forgetReportedViewLookups } from '../../src/tracking/view-api/view-api-views';
import { forgetGroupMembers } from '../../src/reports/group-report';
import { forgetGroupPopularity } from '../../src/page-statistics/byline/group-popularity';
import { forgetAudiences } from '../../src/reach/audience';

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

export function resetAppCaches(): void {
  forgetCachedSettings();
  forgetCachedGroups();
  forgetAdminChecks();
  forgetHintBudget();
  forgetReportedViewLookups();
  forgetGroupMembers();
  forgetGroupPopularity();
  forgetAudiences();
}
