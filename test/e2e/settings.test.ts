/**
 * The settings page: an admin's change made in the real settings UI takes effect; a non-admin who
 * opens it (Confluence would only hide the link) is refused by the app's server, not only hidden.
 */
import type { Page } from 'playwright-core';
import { artifactPath } from './support/browser';
import { pickableOptions } from './support/select';
import { useBrowserSuite } from './support/suite';
import { bylineInPage, frameOf, LocalSite, moduleFrame } from './support/local-site';

const suite = useBrowserSuite({ width: 1280, height: 900 });
let site: LocalSite;
let page: Page;

beforeAll(() => {
  ({ site, page } = suite);
});

test('an admin switches anonymous tracking off in the settings page, and anonymous views stop counting', async () => {
  const admin = site.user('admin').accountId;
  const open = site.content((c) => c.type === 'page' && !c.restricted && !c.hasMacro && site.demo.spaces.some((s) => s.key === c.spaceKey && s.anonymousAccess));

  // Anonymous views count while anonymous tracking is on (the default).
  // As the admin: anonymous visitors see a count only once an anonymous view shows the page is public.
  const before = await site.bylineCount(open.id, admin);
  await site.visit(page, 'anonymous', open.url);
  expect(await bylineInPage(page)).toBe(before + 1);

  const since = Date.now();
  await site.visit(page, admin, site.settingsPath());
  const settings = moduleFrame(page, 'settings');
  const anonymous = settings.getByRole('checkbox', { name: 'Anonymous', exact: true });
  await anonymous.waitFor({ timeout: 20_000 });
  await page.screenshot({ path: artifactPath('settings-admin'), fullPage: true });
  // A click on the switch as drawn (ADS's label around the visually hidden checkbox).
  await settings.getByTestId('exclude-anonymous-toggle').click();
  expect(await anonymous.isChecked()).toBe(true);
  await settings.getByRole('button', { name: 'Save', exact: true }).click();
  const saved = await site.waitForInvocation({ call: 'saveSettings', since });
  expect(saved.result).toMatchObject({ ok: true });
  expect(saved.principal).toBe(admin);

  await site.visit(page, 'anonymous', open.url);
  expect(await bylineInPage(page)).toBe(before + 1);
});

test('a click on Save right after choosing a group in a picker saves (the picker closing does not swallow the click)', async () => {
  const admin = site.user('admin').accountId;
  for (const [fieldLabel, multiple] of [['Access Global Report', false], ['Users', true]] as const) {
    await site.visit(page, admin, site.settingsPath());
    const settings = moduleFrame(page, 'settings');
    const picker = settings.getByRole('combobox', { name: fieldLabel, exact: true });
    await picker.waitFor({ timeout: 20_000 });
    await picker.click();
    const option = pickableOptions(settings).first();
    await option.waitFor({ timeout: 10_000 });
    await option.click();
    await expect(settings.getByText('1 unsaved change').count()).resolves.toBe(1);
    expect(await picker.getAttribute('aria-expanded')).toBe(multiple ? 'true' : 'false');

    const since = Date.now();
    // One real click: press and release at the point where the button was when the press began. A multi
    // picker's list is still open here, and the press moves focus out of it.
    await settings.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = await site.waitForInvocation({ call: 'saveSettings', since }, () => true, 5_000);
    expect(saved.result).toMatchObject({ ok: true });
    await settings.getByText('All changes saved').waitFor({ timeout: 5_000 });
  }
});

test('a non-admin can neither open the settings nor call their resolvers', async () => {
  const reader = site.user('reader').accountId;
  const admin = site.user('admin').accountId;
  const adminView = await site.invoke(admin, 'getSettings', {});
  if (!adminView.ok) throw new Error('admin must be able to read settings');

  const since = Date.now();
  await site.visit(page, reader, site.settingsPath());
  const refused = await site.waitForInvocation({ call: 'getSettings', since }, (i) => i.principal === reader);
  expect(refused.result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  const settings = moduleFrame(page, 'settings');
  await expect(settings.getByRole('button', { name: 'Save', exact: true }).count()).resolves.toBe(0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: artifactPath('settings-non-admin'), fullPage: true });

  // What a curious reader could do from the browser: call the resolvers through the bridge directly.
  const frame = await frameOf(page, 'settings');
  const call = (functionKey: string, payload: unknown): Promise<unknown> =>
    frame.evaluate(([key, body]) => (window as unknown as { __bridge: { callBridge(m: string, a: unknown): Promise<unknown> } }).__bridge.callBridge('invoke', { functionKey: key, payload: body }), [functionKey, payload] as const);
  const settingsData = adminView.data as { settings: Record<string, unknown>; version: number };
  await expect(call('getSettings', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  await expect(call('saveSettings', { settings: { ...settingsData.settings, excludeAnonymous: false }, expectedVersion: settingsData.version }))
    .resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });

  const after = await site.invoke(admin, 'getSettings', {});
  expect(after.ok && (after.data as { version: number }).version).toBe(settingsData.version);
});

test('an admin runs the platform self-check from the settings page: each answer is shown next to what the app assumes', async () => {
  const admin = site.user('admin').accountId;
  const since = Date.now();
  await site.visit(page, admin, site.settingsPath());
  const settings = moduleFrame(page, 'settings');
  const run = settings.getByRole('button', { name: 'Run self-check', exact: true });
  await run.waitFor({ timeout: 20_000 });
  await run.click();
  const answered = await site.waitForInvocation({ call: 'runPlatformSelfCheck', since });
  expect(answered.result).toMatchObject({ ok: true });
  await settings.getByText('Everything answered as Viewtracker assumes', { exact: false }).waitFor({ timeout: 20_000 });
  await settings.getByRole('cell', { name: 'POST /wiki/rest/api/content/{id}/permission/check (as app) Scope: read:confluence-content.permission' }).waitFor({ timeout: 5_000 });
  await page.screenshot({ path: artifactPath('settings-self-check'), fullPage: true });
});

/** `--ds-<name>` in @atlaskit/tokens' own light or dark theme, as the browser reports a colour: `rgb(r, g, b)`. */
function adsColour(theme: 'light' | 'dark', name: string): string {
  const css = (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/atlassian-${theme}`) as { default: string }).default;
  const hex = new RegExp(`--ds-${name}: #([0-9A-Fa-f]{6});`).exec(css)?.[1];
  if (!hex) throw new Error(`no --ds-${name} in the ${theme} theme`);
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

test("the settings page is drawn with the Atlassian Design System's controls: named toggles that the keyboard works, an ADS Save button, light and dark", async () => {
  const admin = site.user('admin').accountId;
  await site.visit(page, admin, site.settingsPath());
  const settings = moduleFrame(page, 'settings');
  // ADS's toggle is a native checkbox inside ADS's label (its testId), named by the setting's label.
  const anonymous = settings.getByRole('checkbox', { name: 'Anonymous', exact: true });
  await anonymous.waitFor({ state: 'attached', timeout: 20_000 });
  expect(await anonymous.getAttribute('data-testid')).toBe('exclude-anonymous-toggle--input');
  await expect(settings.getByRole('checkbox', { name: 'View Counter', exact: true }).count()).resolves.toBe(1);
  const track = settings.getByTestId('exclude-anonymous-toggle');
  const wasOn = await anonymous.isChecked();

  // The keyboard: Tab reaches it, Space switches it.
  await anonymous.focus();
  await page.keyboard.press('Space');
  await expect(anonymous.isChecked()).resolves.toBe(!wasOn);
  const save = settings.getByRole('button', { name: 'Save', exact: true });
  expect(await save.getAttribute('data-testid')).toBe('settings-save');
  await expect(save.isEnabled()).resolves.toBe(true);
  const trackToken = wasOn ? 'background-neutral-bold' : 'background-success-bold';
  const paint = async () => ({
    track: await track.evaluate((element) => getComputedStyle(element).backgroundColor),
    save: await save.evaluate((element) => getComputedStyle(element).backgroundColor),
  });
  expect(await paint()).toEqual({ track: adsColour('light', trackToken), save: adsColour('light', 'background-brand-bold') });
  // An icon-only button says what it does in ADS's tooltip, on keyboard focus too (a portal under the CSP).
  const remove = settings.getByRole('button', { name: /^Remove / }).first();
  const removeName = await remove.getAttribute('aria-label');
  await remove.focus();
  await expect(settings.getByRole('tooltip').textContent({ timeout: 5_000 })).resolves.toBe(removeName);
  await anonymous.focus();
  await page.screenshot({ path: artifactPath('settings-ads-light') });
  await settings.locator('.vt-save-area').screenshot({ path: artifactPath('settings-ads-save-light') });

  // Dark: the host's theme reaches ADS's components through the same tokens.
  await page.click('#theme-toggle');
  try {
    await settings.locator('html[data-color-mode="dark"]').waitFor({ state: 'attached', timeout: 10_000 });
    const dark = { track: adsColour('dark', trackToken), save: adsColour('dark', 'background-brand-bold') };
    let painted = await paint();
    for (const until = Date.now() + 5_000; JSON.stringify(painted) !== JSON.stringify(dark) && Date.now() < until;) {
      await page.waitForTimeout(100);
      painted = await paint();
    }
    expect(painted).toEqual(dark);
    await page.screenshot({ path: artifactPath('settings-ads-dark') });
    await settings.locator('.vt-save-area').screenshot({ path: artifactPath('settings-ads-save-dark') });
  } finally {
    await page.click('#theme-toggle');
  }
});
