import type { Directory } from '../../demo/directory';
import type { ForgePlatform } from '../platform';
import type { SiteUrls } from '../urls';

/** What every page rendering needs from the running host. */
export interface HostContext {
  directory: Directory;
  platform: ForgePlatform;
  urls: SiteUrls;
  siteUrl: string;
}
