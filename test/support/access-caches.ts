import { forgetModuleCaches } from '../../src/platform/memory-cache';
import { resetAppCaches } from './app-store';

/** Settings and standings change between cases: no answer may come from a previous case's caches. */
export function forgeAccessCachesForTests(): void {
  resetAppCaches();
  forgetModuleCaches();
}
