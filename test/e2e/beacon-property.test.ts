/**
 * The channel beacon on a page that carries the app's content property, in Chromium through the local
 * Confluence: Confluence's display condition runs the `channel-beacon-figured` module there (the
 * local host evaluates `entityPropertyExists` as the reader), so the beacon neither reads the property
 * (no Confluence points) nor calls a resolver (no invocation). Without the property the plain module
 * runs and calls `reportView` once.
 */
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { useBrowserSuite } from './support/suite';
import { bylineInPage, LocalSite, type DemoContent } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 800 });
let site: LocalSite;
let page: Page;
let article: DemoContent;

const requests = z.array(z.object({ at: z.number(), method: z.string(), path: z.string(), caller: z.string(), status: z.number() }).passthrough());

beforeAll(() => {
  ({ site, page } = suite);
  article = site.content((c) => c.type === 'page' && !c.restricted && !c.hasMacro && c.spaceKey === 'ENG');
});

/** A fresh browser memory: the beacon's hour cache (localStorage) holds nothing for this page. */
async function forgetBeaconCache(): Promise<void> {
  await page.evaluate(() => window.localStorage.clear());
}

async function propertyReads(since: number, accountId: string) {
  const all = requests.parse(await site.get('/__local/confluence/requests'));
  return all.filter((r) => r.at >= since && r.path.startsWith(`/wiki/api/v2/pages/${article.id}/properties`) && r.caller === `user ${accountId}`);
}

test('without the property the beacon calls reportView; with it, render and beacon make no invocation and no read', async () => {
  const reader = site.user('reader').accountId;
  await site.visit(page, reader, '/wiki');
  await forgetBeaconCache();
  const before = Date.now();
  await site.visit(page, reader, article.url);
  await bylineInPage(page);
  await site.waitForInvocation({ call: 'reportView', since: before });

  const answer = await site.post('/__local/functions/byline-writer', { payload: {}, context: {} });
  expect(answer).toMatchObject({ ok: true });

  const other = site.user('report-reader').accountId;
  await forgetBeaconCache();
  const since = Date.now();
  await site.visit(page, other, article.url);
  await bylineInPage(page);
  // The module shown is the one for content with the property, and only it.
  expect(await page.locator('iframe.background-frame[data-module-key="channel-beacon-figured"]').count()).toBe(1);
  expect(await page.locator('iframe.background-frame[data-module-key="channel-beacon"]').count()).toBe(0);
  await site.waitForInvocation({ kind: 'trigger', since });
  // The beacon read nothing: Confluence's display condition answered for it.
  expect(await propertyReads(since, other)).toEqual([]);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rendered = await site.invocations({ since });
  expect(rendered.filter((i) => i.kind !== 'trigger')).toEqual([]);
});
