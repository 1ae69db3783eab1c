import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { LocalSite } from './local-site';

export interface BrowserSuite {
  readonly site: LocalSite;
  readonly browser: Browser;
  readonly page: Page;
}

/** One local Confluence and one headless Chromium page for a test file, started and stopped around it. */
export function useBrowserSuite(viewport: { width: number; height: number }): BrowserSuite {
  const state: { site?: LocalSite; browser?: Browser; page?: Page } = {};
  jest.setTimeout(120_000);
  beforeAll(async () => {
    [state.site, state.browser] = await Promise.all([LocalSite.start(), launchBrowser()]);
    state.page = await state.browser.newPage({ viewport });
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.stop();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`The browser suite has not started (${name})`);
    return value;
  };
  return {
    get site() { return started(state.site, 'site'); },
    get browser() { return started(state.browser, 'browser'); },
    get page() { return started(state.page, 'page'); },
  };
}
