/**
 * The local host's `/__forge/tokens.css` carries Atlassian's own light and dark themes, as Forge's
 * `view.theme.enable()` does: ADS components read many tokens beyond the host chrome's subset, and a
 * missing one falls back to its light value in dark mode.
 */
import { forgeThemeCss, tokenCss } from '../../../local/host/tokens';

describe('the theme CSS served to Custom UIs', () => {
  const css = forgeThemeCss();

  it('keeps the subset, then adds the full light and dark themes keyed as Forge keys them', () => {
    expect(css.startsWith(tokenCss())).toBe(true);
    expect(css).toContain('html[data-color-mode="light"][data-theme~="light:light"]');
    expect(css).toContain('html[data-color-mode="dark"][data-theme~="dark:dark"]');
    expect(css).toContain('html[data-theme~="spacing:spacing"]');
  });

  it('has tokens ADS components read that the subset lacks, in both modes', () => {
    for (const token of ['--ds-background-success-bold-hovered', '--ds-background-neutral-subtle-pressed', '--ds-background-input-pressed']) {
      expect(tokenCss()).not.toContain(`${token}:`);
      expect(css.split(`${token}:`).length - 1).toBeGreaterThanOrEqual(2);
    }
  });
});
