/**
 * Chart colours from Atlassian design tokens, read at run time: a canvas cannot use CSS variables, so
 * the chart asks the document for the current token values and redraws when the theme changes
 * (`view.theme.enable()` switches `data-color-mode` / `data-theme` on <html>).
 */
import { useEffect, useState } from 'react';

export interface ChartTheme {
  series: string[];
  text: string;
  grid: string;
  tooltipBackground: string;
  tooltipText: string;
}

/** Token → light fallback, used when the host applied no theme. */
const SERIES_TOKENS: Array<[string, string]> = [
  ['--ds-chart-brand', '#1D7AFC'],
  ['--ds-chart-categorical-2', '#5E4DB2'],
  ['--ds-chart-categorical-3', '#E56910'],
  ['--ds-chart-categorical-1', '#2898BD'],
  ['--ds-chart-categorical-4', '#943D73'],
  ['--ds-chart-neutral', '#8590A2'],
];

function token(style: CSSStyleDeclaration | null, name: string, fallback: string): string {
  const value = style?.getPropertyValue(name).trim();
  return value ? value : fallback;
}

export function readChartTheme(): ChartTheme {
  const style = typeof document === 'undefined' ? null : getComputedStyle(document.documentElement);
  return {
    series: SERIES_TOKENS.map(([name, fallback]) => token(style, name, fallback)),
    text: token(style, '--ds-text-subtle', '#44546F'),
    grid: token(style, '--ds-border', '#091E4224'),
    tooltipBackground: token(style, '--ds-surface-overlay', '#FFFFFF'),
    tooltipText: token(style, '--ds-text', '#172B4D'),
  };
}

/** A number that changes whenever the host switches theme: a dependency for effects that redraw. */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (typeof MutationObserver === 'undefined') return undefined;
    const observer = new MutationObserver(() => setVersion((value) => value + 1));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-color-mode', 'data-theme', 'class', 'style'] });
    const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
    const onMedia = () => setVersion((value) => value + 1);
    media?.addEventListener('change', onMedia);
    return () => {
      observer.disconnect();
      media?.removeEventListener('change', onMedia);
    };
  }, []);
  return version;
}
