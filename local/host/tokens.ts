/**
 * A subset of Atlassian's design tokens (`--ds-*`, @atlaskit/tokens "light" and "dark" themes). Served
 * to Custom UIs after `view.theme.enable()` and used by the host's own Confluence chrome.
 */
const TOKENS: Record<string, [light: string, dark: string]> = {
  'text': ['#172B4D', '#B6C2CF'],
  'text-subtle': ['#44546F', '#9FADBC'],
  'text-subtlest': ['#626F86', '#8C9BAB'],
  'text-disabled': ['#091E424F', '#BFDBF847'],
  'text-inverse': ['#FFFFFF', '#1D2125'],
  'text-brand': ['#0C66E4', '#579DFF'],
  'text-selected': ['#0C66E4', '#579DFF'],
  'text-danger': ['#AE2E24', '#FD9891'],
  'text-warning': ['#A54800', '#FEC195'],
  'text-success': ['#216E4E', '#7EE2B8'],
  'text-discovery': ['#5E4DB2', '#B8ACF6'],
  'text-information': ['#0055CC', '#85B8FF'],
  'link': ['#0C66E4', '#579DFF'],
  'link-pressed': ['#0055CC', '#85B8FF'],
  'icon': ['#44546F', '#9FADBC'],
  'icon-subtle': ['#626F86', '#8C9BAB'],
  'icon-brand': ['#0C66E4', '#579DFF'],
  'icon-danger': ['#C9372C', '#F15B50'],
  'icon-warning': ['#E56910', '#F38A3F'],
  'icon-success': ['#22A06B', '#2ABB7F'],
  'icon-information': ['#1D7AFC', '#388BFF'],
  'border': ['#091E4224', '#A6C5E229'],
  'border-bold': ['#758195', '#738496'],
  'border-focused': ['#388BFF', '#85B8FF'],
  'border-input': ['#8590A2', '#738496'],
  'border-brand': ['#0C66E4', '#579DFF'],
  'border-danger': ['#E34935', '#F15B50'],
  'surface': ['#FFFFFF', '#1D2125'],
  'surface-hovered': ['#F1F2F4', '#22272B'],
  'surface-pressed': ['#DCDFE4', '#282E33'],
  'surface-overlay': ['#FFFFFF', '#282E33'],
  'surface-raised': ['#FFFFFF', '#22272B'],
  'surface-sunken': ['#F7F8F9', '#161A1D'],
  'background-neutral': ['#091E420F', '#A1BDD914'],
  'background-neutral-hovered': ['#091E4224', '#A6C5E229'],
  'background-neutral-pressed': ['#091E424F', '#BFDBF847'],
  'background-neutral-subtle': ['#00000000', '#00000000'],
  'background-neutral-subtle-hovered': ['#091E420F', '#A1BDD914'],
  'background-neutral-bold': ['#44546F', '#9FADBC'],
  'background-brand-bold': ['#0C66E4', '#579DFF'],
  'background-brand-bold-hovered': ['#0055CC', '#85B8FF'],
  'background-brand-bold-pressed': ['#09326C', '#CCE0FF'],
  'background-selected': ['#E9F2FF', '#1C2B41'],
  'background-selected-hovered': ['#CCE0FF', '#09326C'],
  'background-danger': ['#FFECEB', '#42221F'],
  'background-danger-bold': ['#C9372C', '#F87168'],
  'background-warning': ['#FFF7D6', '#533F04'],
  'background-warning-bold': ['#F5CD47', '#F5CD47'],
  'background-success': ['#DCFFF1', '#164B35'],
  'background-success-bold': ['#1F845A', '#4BCE97'],
  'background-information': ['#E9F2FF', '#1C2B41'],
  'background-information-bold': ['#0C66E4', '#579DFF'],
  'background-discovery': ['#F3F0FF', '#2B273F'],
  'background-input': ['#FFFFFF', '#22272B'],
  'background-input-hovered': ['#F7F8F9', '#282E33'],
  'background-disabled': ['#091E4208', '#BCD6F00A'],
  'blanket': ['#091E427D', '#10121499'],
  'chart-brand': ['#1D7AFC', '#388BFF'],
  'chart-neutral': ['#8590A2', '#738496'],
  'chart-categorical-1': ['#2898BD', '#2898BD'],
  'chart-categorical-2': ['#5E4DB2', '#9F8FEF'],
  'chart-categorical-3': ['#E56910', '#F38A3F'],
  'chart-categorical-4': ['#943D73', '#E774BB'],
  'shadow-raised': ['0px 1px 1px #091E4240, 0px 0px 1px #091E424F', '0px 1px 1px #03040442, 0px 0px 1px #03040480'],
  'shadow-overlay': ['0px 8px 12px #091E4226, 0px 0px 1px #091E424F', '0px 0px 0px 1px #39424A, 0px 8px 12px #0304045C, 0px 0px 1px 1px #03040480'],
};

/** Token variables for both colour modes, keyed off `html[data-color-mode]` as Atlassian's theme CSS is. */
export function tokenCss(): string {
  const block = (mode: 0 | 1): string => Object.entries(TOKENS).map(([name, values]) => `  --ds-${name}: ${values[mode]};`).join('\n');
  return `html[data-color-mode="light"], html:not([data-color-mode]) {\n${block(0)}\n}\nhtml[data-color-mode="dark"] {\n${block(1)}\n}\n`;
}

/**
 * Atlassian's own theme CSS from @atlaskit/tokens (light, dark, spacing): every `--ds-*` token, keyed off
 * `html[data-color-mode]` and `data-theme` as the theme CSS that Forge's `view.theme.enable()` puts into a
 * Custom UI (forge-docs-snapshot mirror/design-tokens-and-theming/index.md, "Using design tokens"). The
 * ADS components (@atlaskit/button, toggle, …) read many more tokens than the subset above; without these
 * they would fall back to their light values in dark mode.
 */
const ADS_THEMES = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing'] as const;

function adsThemeCss(): string {
  return ADS_THEMES.map((theme) => {
    const module = require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}`) as { default?: unknown };
    return typeof module.default === 'string' ? module.default : '';
  }).join('\n');
}

/** What `/__forge/tokens.css` serves to Custom UIs: the subset above, then Atlassian's full themes over it. */
export function forgeThemeCss(): string {
  return `${tokenCss()}\n${adsThemeCss()}`;
}
