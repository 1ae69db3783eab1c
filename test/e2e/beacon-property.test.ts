/**
 * The channel beacon on a page that carries the app's content property, in Chromium through the local
 * Confluence: it reads the property as the reader (bridge `requestConfluence`, no function runs) and
 * calls no resolver, so a render with its beacon costs no invocation. Without the property it calls
 * `reportView` once.
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

test('without the property the beacon calls reportView; with it, render and beacon make no invocation', async () => {
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
  // The beacon has read the property as this reader (a positive signal that it ran), then the view's trigger.
  const deadline = Date.now() + 15_000;
  while ((await propertyReads(since, other)).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  expect((await propertyReads(since, other)).map((r) => r.status)).toEqual([200]);
  await site.waitForInvocation({ kind: 'trigger', since });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const rendered = await site.invocations({ since });
  expect(rendered.filter((i) => i.kind !== 'trigger')).toEqual([]);
});
