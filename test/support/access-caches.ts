import { forgetAccessCaches } from '../../src/access';
import { forgetSpaceStandings } from '../../src/access/caller-standing';
import { forgetPeople } from '../../src/platform/people-directory';
import { resetAppCaches } from './app-store';

/** Settings and standings change between cases: no answer may come from a previous case's caches. */
export function forgeAccessCachesForTests(): void {
  resetAppCaches();
  forgetAccessCaches();
  forgetSpaceStandings();
  forgetPeople();
}
