import type { Directory } from '../../demo/directory';
import type { ForgePlatform } from '../platform';
import type { MacroStore } from '../macro-store';
import type { SiteUrls } from '../urls';

/** What every page rendering needs from the running host. */
export interface HostContext {
  directory: Directory;
  platform: ForgePlatform;
  urls: SiteUrls;
  siteUrl: string;
  /** The macros on each page (and their configs), as the editor left them. */
  macros: MacroStore;
}
