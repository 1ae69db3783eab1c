import type { ConfluenceFake } from '../../confluence/rest';
import type { ClientBundles } from '../bundles';
import type { InstalledStore } from '../kvs';
import type { HostContext } from '../pages/host-context';
import type { ResourceServer } from '../resources';
import type { ViewDispatcher } from '../views';

/** Everything the host's routes use. */
export interface HostServices extends HostContext {
  views: ViewDispatcher;
  confluence: ConfluenceFake;
  store: InstalledStore;
  resources: ResourceServer;
  bundles: ClientBundles;
  /** Who a visitor without a session cookie acts as. */
  defaultUser: string;
  /** How long the byline waits for the trigger of the view it belongs to before asking for its title. */
  bylineWaitMs: number;
}
