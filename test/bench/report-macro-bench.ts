import { forgetModuleCaches } from '../../src/platform/memory-cache';
/**
 * The report macro on the KVS emulator: a label scope of 1,000 pages (and a space of 5,000, beyond the
 * cap) resolved through the local Confluence as a reader, then the figures read for that content.
 * Prints time and read units of one render, through the real resolver handler.
 */
import { installKvsEmulator } from '../../local/kvs';
import { ConfluenceFake } from '../../local/confluence/rest';
import { Directory, type DemoContent, type DemoSite } from '../../local/demo/directory';
import { createProductFetch } from '../../local/host/product-fetch';
import { runInvocation } from '../../local/host/invocation';
import { DEFAULT_REPORT } from '../../src/custom-reports/rules/report-macro-config';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';
import { writeSettings } from '../../src/settings/storage/settings-store';
import { processViewedEvent } from '../../src/tracking/on-content-viewed';
import { getReportMacroResolver } from '../../src/custom-reports/report-macro-resolvers';
import { manifestEntities, resetAppCaches } from '../support/app-store';
import { viewedEvent } from '../support/events';
import { deliveredAt } from '../../local/host/delivery-clock';
import { measured, meterKvsPerTask } from './unit-meter';

const DAY = 86_400_000;

function site(now: number): DemoSite {
  const page = (id: number, spaceKey: string, labels: string[]): DemoContent => ({
    id: String(id), type: 'page', title: `Page ${id}`, spaceKey, authorId: 'reader', createdAt: now - 400 * DAY, updatedAt: now - 10 * DAY,
    version: 1, restriction: null, hasMacro: false, paragraphs: [], labels, parentId: null,
  });
  return {
    seed: 1, cloudId: 'bench-macro', siteName: 'Bench',
    users: [
      { accountId: 'reader', displayName: 'Reader', role: 'reader', accountType: 'licensed', isAdmin: false, groupIds: [], status: 'active' },
      { accountId: 'boss', displayName: 'Site admin', role: 'admin', accountType: 'licensed', isAdmin: true, groupIds: [], status: 'active' },
    ],
    groups: [],
    spaces: [
      { id: 1, key: 'DOCS', name: 'Docs', type: 'global', anonymousAccess: false, description: '' },
      { id: 2, key: 'BIG', name: 'Big', type: 'global', anonymousAccess: false, description: '' },
    ],
    contents: [
      ...Array.from({ length: 1000 }, (_, i) => page(600_000 + i, 'DOCS', ['handbook'])),
      ...Array.from({ length: 5000 }, (_, i) => page(700_000 + i, 'BIG', [])),
    ],
  };
}

const partial = (notes: string[]) => (notes.some((note) => note.startsWith('Based on the most recent')) ? 'yes' : 'no');

export async function benchReportMacro(): Promise<Array<[string, string | number]>> {
  const now = Date.now();
  const directory = new Directory(site(now));
  const products = createProductFetch(new ConfluenceFake(directory), directory, { keys: [], siteUrl: () => 'http://127.0.0.1' });
  const { emulator, uninstall } = installKvsEmulator({ entities: manifestEntities(), backend: { kind: 'memory' }, fallback: (target, path, init) => products(target, path, init as RequestInit), seed: 2 });
  meterKvsPerTask();
  resetAppCaches();
  forgetModuleCaches();
  await writeSettings({ ...DEFAULT_SETTINGS, customReports: true }, 0, { at: now, accountId: 'bench', version: 1, changes: [] });
  // Three views (two readers) of every handbook page and of a quarter of the big space, spread over the last 30 days.
  const viewed = directory.site.contents.filter((c, i) => c.spaceKey === 'DOCS' || i % 4 === 0);
  for (const [i, content] of viewed.entries()) {
    for (let n = 0; n < 3; n += 1) {
      // Delivered a second after each view (the app refuses events older than its lateness window).
      const at = now - ((i * 7 + n * 11) % 30) * DAY - n * 60_000 - 3_600_000;
      await deliveredAt(at + 1000, () => processViewedEvent(viewedEvent({ contentId: content.id, spaceKey: content.spaceKey, title: content.title, accountId: n === 2 ? 'boss' : 'reader', at })));
    }
  }
  const render = async (pageId: string, config: unknown, accountId = 'reader') => {
    forgetModuleCaches();
    const context = { accountId, accountType: 'licensed', extension: { type: 'macro', content: { id: pageId, type: 'page' }, config } };
    const started = performance.now();
    const { result, units } = await measured(() => runInvocation({ functionKey: 'resolver', moduleKey: 'viewtracker-report', principal: { kind: 'user', accountId, accountType: 'licensed' }, deadline: Date.now() + 25_000 },
      () => getReportMacroResolver({}, context)));
    const ms = Math.round(performance.now() - started);
    const coverage = result.ok && result.data.state !== 'notice' ? result.data.coverage : null;
    const report = result.ok && result.data.state === 'report' ? result.data : null;
    return { ms, units, coverage, rows: report ? report.rows.length : -1, readers: report?.readers?.length ?? -1, notes: report?.notes ?? [] };
  };
  const label = { ...DEFAULT_REPORT, scope: { kind: 'label', label: 'handbook' }, rows: 50 };
  await render('600000', label); // warm: first calls compile code paths, as a warm Forge instance would have
  const handbook = await render('600000', label);
  const notViewed = await render('600000', { ...label, what: 'least-viewed', range: { kind: 'last-days', days: 7 } });
  const big = await render('700000', { ...DEFAULT_REPORT, rows: 50 });
  // Top readers of the same 1,000 pages, as a site admin (names allowed): 3,000 views in the range.
  const readers = await render('600000', { ...label, what: 'top-readers' }, 'boss');
  // Beyond the read bound: the 1,000 of 5,000 big-space pages in scope hold about 3,000 views in the range.
  const bigReaders = await render('700000', { ...DEFAULT_REPORT, what: 'top-readers', rows: 50 }, 'boss');
  uninstall();
  emulator.close?.();
  return [
    ['report_macro_ms_1000_pages', handbook.ms],
    ['read_units_report_macro_1000_pages', handbook.units.read],
    ['report_macro_rows_1000_pages', handbook.rows],
    ['report_macro_not_viewed_ms_1000_pages', notViewed.ms],
    ['read_units_report_macro_not_viewed_1000_pages', notViewed.units.read],
    ['report_macro_ms_5000_pages', big.ms],
    ['read_units_report_macro_5000_pages', big.units.read],
    ['report_macro_top_readers_ms_1000_pages', readers.ms],
    ['read_units_report_macro_top_readers_1000_pages', readers.units.read],
    ['report_macro_top_readers_rows_1000_pages', readers.readers],
    ['report_macro_top_readers_partial_1000_pages', partial(readers.notes)],
    ['read_units_report_macro_top_readers_5000_pages', bigReaders.units.read],
    ['report_macro_top_readers_partial_5000_pages', partial(bigReaders.notes)],
    ['report_macro_included_5000_pages', big.coverage ? `${big.coverage.included} of ${big.coverage.total}` : 'none'],
  ];
}

if (require.main === module) {
  void benchReportMacro().then((lines) => {
    for (const [name, value] of lines) console.log(`${name}: ${value}`);
  });
}
