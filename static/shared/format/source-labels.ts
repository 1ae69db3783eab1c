/** One name per source, in every filter, table, chart and export header: "Desktop", not `desktop`. */
import type { Source } from '@contracts/settings';

export const SOURCE_LABELS: Record<Source, string> = {
  desktop: 'Desktop',
  'mobile-web': 'Mobile web',
  'confluence-app': 'Confluence app',
  'jsm-portal': 'JSM portal (view API)',
  linchpin: 'Linchpin (view API)',
  other: 'Other (view API)',
};

/** The label of a stored source value; an unknown value is shown as stored. */
export function sourceLabel(source: string): string {
  return (SOURCE_LABELS as Record<string, string>)[source] ?? source;
}
