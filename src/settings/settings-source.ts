import type { Settings } from '@contracts/settings';
import { readSettings, type StoredSettings } from './storage/settings-store';
import { MemoryCache } from '../platform/memory-cache';

/**
 * Settings are on the hot path of every view. Cached for 30 s per function instance: an admin's change
 * reaches every instance within that time, and a view costs no settings read at all meanwhile.
 */
export const SETTINGS_CACHE_MS = 30_000;
const cache = new MemoryCache<StoredSettings>(SETTINGS_CACHE_MS, 1);

export async function currentSettings(): Promise<Settings> {
  return (await currentStoredSettings()).settings;
}

export async function currentStoredSettings(): Promise<StoredSettings> {
  const cached = cache.get('settings');
  if (cached) return cached;
  const stored = await readSettings();
  cache.set('settings', stored);
  return stored;
}

/** After a save in this instance, or in tests that change settings between steps. */
export function forgetCachedSettings(): void {
  cache.clear();
}
