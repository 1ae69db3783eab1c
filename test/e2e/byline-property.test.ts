/**
 * The byline from its content property, in Chromium through the local Confluence: once the writer
 * has run, a page render shows the property's count and invokes no function (the host logs every
 * invocation); the render's own view is counted by the trigger and shown after the next run.
 */
import type { Page } from 'playwright-core';
import { useBrowserSuite } from './support/suite';
import { bylineInPage, LocalSite, type DemoContent } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 800 });
let site: LocalSite;
let page: Page;
let reader: string;
let article: DemoContent;

beforeAll(() => {
  ({ site, page } = suite);
  reader = site.user('reader').accountId;
  article = site.content((c) => c.type === 'page' && !c.restricted && !c.hasMacro && c.spaceKey === 'ENG');
});

async function runWriter(): Promise<void> {
  const answer = await site.post('/__local/functions/byline-writer', { payload: {}, context: {} });
  expect(answer).toMatchObject({ ok: true });
}

test('a page render makes no invocation once the property is written; its own view shows after the next writer run', async () => {
  // Before the first write the byline falls back to the dynamicProperties function.
  await site.visit(page, reader, article.url);
  const first = await bylineInPage(page);
  expect((await site.invocations({ kind: 'dynamicProperties' })).length).toBeGreaterThan(0);

  await runWriter();
  // Another reader (the first one's reload would fall inside the blocking time and not count).
  const since = Date.now();
  await site.visit(page, site.user('report-reader').accountId, article.url);
  // The count is the stored one: this render's own view is not in it yet.
  expect(await bylineInPage(page)).toBe(first);
  await site.waitForInvocation({ kind: 'trigger', since });
  const rendered = await site.invocations({ since });
  expect(rendered.filter((i) => i.kind !== 'trigger')).toEqual([]);

  await runWriter();
  await page.reload();
  expect(await bylineInPage(page)).toBe(first + 1);
});
