/**
 * Picking in an Atlassian select (@atlaskit/select). It is not a native `<select>`, so Playwright's
 * `selectOption` does not apply: this does what a keyboard user does. Focus the combobox named `label`
 * (its `<label>` or `aria-label`), then either type `search` (an async select searches as you type) or
 * press Down to open the menu, and click the option whose accessible name is `option`.
 */
import type { FrameLocator, Locator, Page } from 'playwright-core';

export interface ChooseOptions {
  /** Text typed into the field first (async selects, long searchable lists). */
  search?: string;
  /** Match the label exactly (default true: "Audience" is not "Reach audience"). */
  exact?: boolean;
}

type Scope = FrameLocator | Locator | Page;

/** The combobox of the select named `label`. */
export function selectBox(scope: Scope, label: string, exact = true): Locator {
  return scope.getByRole('combobox', { name: label, exact });
}

export async function chooseOption(scope: Scope, label: string, option: string | RegExp, { search, exact = true }: ChooseOptions = {}): Promise<void> {
  const box = selectBox(scope, label, exact);
  await box.focus();
  if (search !== undefined) await box.fill(search);
  else await box.press('ArrowDown');
  const menu = scope.getByRole('listbox');
  await menu.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  // The menu closes on a pick: the next step starts from a settled page.
  await menu.waitFor({ state: 'detached' });
}

/**
 * The options of the open menu that can be picked: Atlassian's select also gives its "Searching…" and
 * "No matches" notices the option role, which a test must not take for a match.
 */
export function pickableOptions(scope: Scope): Locator {
  return scope.getByRole('listbox').locator('[role="option"]:not([class*="menu-notice"])');
}
