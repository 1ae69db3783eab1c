import { ConfluenceFake } from '../../local/confluence/rest';
import { Directory, type DemoSite } from '../../local/demo/directory';
import { createProductFetch, type ProductFetch } from '../../local/host/product-fetch';

/**
 * A directory just big enough for the benchmark: the users of the synthetic day, a `bots` group
 * (excluded in the bench settings, so group lookups are paid for realistically) and its members.
 */
export function benchConfluence(users: number): { products: ProductFetch; botsGroup: { id: string; name: string } } {
  const bots = { id: 'g-bots', name: 'bots' };
  const site: DemoSite = {
    seed: 1, cloudId: 'bench', siteName: 'Bench',
    groups: [bots, { id: 'g-users', name: 'confluence-users' }],
    users: Array.from({ length: users }, (_, index) => ({
      accountId: `user-${index}`, displayName: `User ${index}`, role: index % 100 === 0 ? 'bot' as const : 'reader' as const,
      accountType: 'licensed' as const, isAdmin: false, status: 'active' as const,
      groupIds: index % 100 === 0 ? ['g-bots', 'g-users'] : ['g-users'],
    })),
    spaces: [], contents: [],
  };
  const directory = new Directory(site);
  return { products: createProductFetch(new ConfluenceFake(directory), directory, { keys: [], siteUrl: () => 'http://127.0.0.1' }), botsGroup: bots };
}
