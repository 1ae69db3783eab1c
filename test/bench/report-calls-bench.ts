import { forgetModuleCaches } from '../../src/platform/memory-cache';
/**
 * Confluence calls of one full report as the UI asks for it: tiles + chart and the first page of top
 * content at once, then the first page of top spaces, top readers and not viewed (one tab after the
 * other), through the real resolvers, by a report-group member (global and space report) and by a
 * space admin (space report). Every memory cache is emptied first: the figure is a report opened
 * when nothing is cached (a new function instance, or after the caches expired). The local
 * Confluence holds the generated site's content (every tenth head page restricted to its author,
 * so titles are really hidden) and its spaces.
 */
import { ConfluenceFake } from '../../local/confluence/rest';
import { Directory, type DemoContent, type DemoSpace, type DemoUser } from '../../local/demo/directory';
import { createProductFetch, type ProductFetch } from '../../local/host/product-fetch';
import { runInvocation } from '../../local/host/invocation';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { writeSettings } from '../../src/settings/storage/settings-store';
import { getReportSummaryResolver, getReportTableResolver } from '../../src/reports/report-resolvers';
import { forgeAccessCachesForTests } from '../support/access-caches';
import { measured } from './unit-meter';

const MEMBER = 'report-member';
const SPACE_ADMIN = 'space-admin';
const REPORT_GROUP = { id: 'g-report', name: 'report-readers' };

export interface CallsSite { contents: Array<{ id: string; spaceKey: string; title: string }>; spaces: number; users: number }

/** The local Confluence of a generated report site, and the paths each call asked (for the breakdown). */
export function reportConfluence(site: CallsSite): { products: ProductFetch; paths: string[] } {
  const spaces: DemoSpace[] = Array.from({ length: site.spaces }, (_, index) => ({
    id: 900_000 + index, key: `S${index}`, name: `Space ${index}`, type: 'global', anonymousAccess: false, description: '',
    ...(index === 0 ? { adminIds: [SPACE_ADMIN] } : {}),
  }));
  const contents: DemoContent[] = site.contents.map((content, index) => ({
    id: content.id, type: 'page', title: content.title, spaceKey: content.spaceKey, authorId: 'user-1', createdAt: 0, updatedAt: 0, version: 1,
    hasMacro: false, paragraphs: [], restriction: index % 10 === 3 ? { userIds: ['user-1'], groupIds: [] } : null,
  }));
  const person = (accountId: string, displayName: string, groupIds: string[]): DemoUser => ({
    accountId, displayName, role: 'reader', accountType: 'licensed', isAdmin: false, status: 'active', groupIds,
  });
  const directory = new Directory({
    seed: 1, cloudId: 'bench-report', siteName: 'Bench',
    groups: [REPORT_GROUP, { id: 'g-users', name: 'confluence-users' }],
    users: [
      person(MEMBER, 'Report member', [REPORT_GROUP.id, 'g-users']), person(SPACE_ADMIN, 'Space admin', ['g-users']),
      ...Array.from({ length: site.users }, (_, index) => person(`user-${index}`, `User ${index}`, ['g-users'])),
    ],
    spaces, contents,
  });
  const inner = createProductFetch(new ConfluenceFake(directory), directory, { keys: [], siteUrl: () => 'http://127.0.0.1' });
  const paths: string[] = [];
  return { paths, products: (context, path, init) => { paths.push(path.split('?')[0]!.replace(/\d+/g, 'N')); return inner(context, path, init); } };
}

type Part = 'summary' | 'top-content' | 'top-spaces' | 'top-readers' | 'not-viewed';

/** One full report by one caller, cold caches: Confluence calls per part and in all. */
async function fullReport(accountId: string, scope: 'global' | 'space', coldEach = false): Promise<{ total: number; parts: Record<Part, number>; failed: string[] }> {
  const forget = () => { forgeAccessCachesForTests(); forgetModuleCaches(); };
  forget();
  const context = { accountId, accountType: 'licensed', ...(scope === 'space' ? { extension: { type: 'confluence:spacePage', space: { key: 'S0' } } } : {}) };
  const invoke = <T>(run: () => Promise<T>) => (coldEach ? forget() : undefined, measured(() => runInvocation({ functionKey: 'resolver', moduleKey: `${scope}-report`, principal: { kind: 'user', accountId, accountType: 'licensed' }, deadline: Date.now() + 25_000 }, run)));
  const base = { scope, range: { kind: 'preset', preset: '30d' }, filters: {} };
  const table = (name: Exclude<Part, 'summary'>) => invoke(() => getReportTableResolver({ ...base, table: name, sort: name === 'not-viewed' ? { column: 'lastViewedAt', direction: 'asc' } : { column: 'views', direction: 'desc' }, pageSize: 25 }, context));
  const failed: string[] = [];
  const check = (part: Part, answer: { ok: boolean }) => { if (!answer.ok) failed.push(part); };
  // The UI asks tiles and the open table at once, then each tab as it is opened.
  const [summary, content] = await Promise.all([invoke(() => getReportSummaryResolver(base, context)), table('top-content')]);
  check('summary', summary.result); check('top-content', content.result);
  const parts: Record<Part, number> = { summary: summary.units.confluence ?? 0, 'top-content': content.units.confluence ?? 0, 'top-spaces': 0, 'top-readers': 0, 'not-viewed': 0 };
  for (const name of ['top-spaces', 'top-readers', 'not-viewed'] as const) {
    const answer = await table(name);
    check(name, answer.result);
    parts[name] = answer.units.confluence ?? 0;
  }
  return { total: Object.values(parts).reduce((sum, n) => sum + n, 0), parts, failed };
}

export async function benchReportCalls(today: string, suffix: string, paths: string[], print: (name: string, value: string | number) => void): Promise<void> {
  await writeSettings({ ...DEFAULT_SETTINGS, reportAccessGroup: REPORT_GROUP }, 0, { at: Date.now(), accountId: 'bench', version: 1, changes: [] });
  const cases: Array<[string, string, 'global' | 'space']> = [
    ['global_report_30d_report_group', MEMBER, 'global'],
    ['space_report_30d_report_group', MEMBER, 'space'],
    ['space_report_30d_space_admin', SPACE_ADMIN, 'space'],
  ];
  // The resolvers take today from the clock: the generated site's today, for as long as the reports run.
  const clock = Date.now;
  const noon = Date.parse(`${today}T12:00:00Z`);
  for (const [name, accountId, scope] of cases) {
    paths.length = 0;
    Date.now = () => noon;
    const { total, parts, failed } = await fullReport(accountId, scope).finally(() => { Date.now = clock; });
    const asked = new Map<string, number>();
    for (const path of paths) asked.set(path, (asked.get(path) ?? 0) + 1);
    // Forge may run each request on a new function instance (nothing in memory): the same report then.
    Date.now = () => noon;
    const cold = await fullReport(accountId, scope, true).finally(() => { Date.now = clock; });
    const breakdown = Object.entries(parts).map(([part, n]) => `${part} ${n}`).join(', ');
    print(`confluence_calls_${name}${suffix}`, `${total} (${breakdown}; ${[...asked].map(([path, n]) => `${path} ×${n}`).join(', ')}; every request on a new instance: ${cold.total})${[...failed, ...cold.failed].length ? ` FAILED: ${[...failed, ...cold.failed].join(',')}` : ''}`);
  }
}
