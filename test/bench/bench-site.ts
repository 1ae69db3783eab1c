import { ConfluenceFake } from '../../local/confluence/rest';
import { Directory, type DemoContent, type DemoSite, type DemoSpace, type DemoUser } from '../../local/demo/directory';
import { createProductFetch, type ProductFetch } from '../../local/host/product-fetch';

export interface BenchSiteOptions {
  /** Pages `100000 + i` in spaces `S<i % 200>`, so permission checks answer as on a real site. */
  pages?: number;
  /** Every `restrictedEvery`-th page is restricted to its author (0: none). */
  restrictedEvery?: number;
  /** More users (`viewer-<i>`) for the page statistics benchmark's 10,000 viewers. */
  extraUsers?: number;
}

const user = (accountId: string, displayName: string, bot: boolean): DemoUser => ({
  accountId, displayName, role: bot ? 'bot' : 'reader', accountType: 'licensed', isAdmin: false, status: 'active',
  groupIds: bot ? ['g-bots', 'g-users'] : ['g-users'],
});

/**
 * A directory just big enough for the benchmark: the users of the synthetic day, a `bots` group
 * (excluded in the bench settings, so group lookups are paid for realistically) and its members,
 * and the synthetic day's pages (open to anonymous visitors, a few restricted).
 */
export function benchConfluence(users: number, options: BenchSiteOptions = {}): { products: ProductFetch; botsGroup: { id: string; name: string }; directory: Directory } {
  const bots = { id: 'g-bots', name: 'bots' };
  const spaces: DemoSpace[] = Array.from({ length: 200 }, (_, index) => ({
    id: 900_000 + index, key: `S${index}`, name: `Space ${index}`, type: 'global', anonymousAccess: true, description: '',
  }));
  const contents: DemoContent[] = Array.from({ length: options.pages ?? 0 }, (_, index) => ({
    id: String(100_000 + index), type: 'page', title: `Page ${index}`, spaceKey: `S${index % 200}`, authorId: 'user-1',
    createdAt: 0, updatedAt: 0, version: 1, hasMacro: false, paragraphs: [],
    restriction: options.restrictedEvery && index % options.restrictedEvery === 0 ? { userIds: ['user-1'], groupIds: [] } : null,
  }));
  const site: DemoSite = {
    seed: 1, cloudId: 'bench', siteName: 'Bench',
    groups: [bots, { id: 'g-users', name: 'confluence-users' }],
    users: [
      ...Array.from({ length: users }, (_, index) => user(`user-${index}`, `User ${index}`, index % 100 === 0)),
      ...Array.from({ length: options.extraUsers ?? 0 }, (_, index) => user(`viewer-${index}`, `Viewer ${index}`, false)),
    ],
    spaces, contents,
  };
  const directory = new Directory(site);
  return { products: createProductFetch(new ConfluenceFake(directory), directory, { keys: [], siteUrl: () => 'http://127.0.0.1' }), botsGroup: bots, directory };
}
