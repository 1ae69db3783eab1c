/** Words and numbers of the page statistics (pure, tested): changes, sources, why names are hidden. */
import type { PageStatistics, PeopleHiddenReason } from '@contracts/page-statistics';
import type { Source } from '@contracts/settings';
import { formatNumber } from '../../shared/format/time';

export { SOURCE_LABELS } from '../../shared/format/source-labels';

/** "+25 % vs previous period", "−10 %", "new" (nothing before), "no change". */
export function changeText(current: number, previous: number, locale?: string): string {
  if (current === previous) return 'No change from the previous period';
  if (previous === 0) return 'None in the previous period';
  const percent = Math.round(((current - previous) / previous) * 100);
  const sign = percent > 0 ? '+' : percent < 0 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(percent), locale)} % vs previous period (${formatNumber(previous, locale)})`;
}

export function changeDirection(current: number, previous: number): 'up' | 'down' | 'same' {
  return current > previous ? 'up' : current < previous ? 'down' : 'same';
}

export const HIDDEN_REASONS: Record<PeopleHiddenReason | 'hide-viewers-no-group', { title: string; text: string }> = {
  'extended-privacy': {
    title: 'No names are stored',
    text: 'Extended privacy is on: Viewtracker stores no account IDs, so nobody can see who viewed this page, only how often it was viewed.',
  },
  'hide-viewers': {
    title: 'Viewers are hidden',
    text: 'Hide viewers is on: names are shown only to the group your administrator chose. You see the counts.',
  },
  audience: {
    title: 'Viewers are shown to space admins',
    text: 'Your administrator shows who viewed a page to Confluence and space administrators and the report group only. You see the counts.',
  },
  'hide-viewers-no-group': {
    title: 'Viewers are hidden from everyone',
    text: 'Hide viewers is on and no group was chosen to see names, so nobody sees who viewed this page, administrators included. You see the counts.',
  },
  'sign-in': {
    title: 'Sign in to see more',
    text: 'Log in to see who viewed this page (where your administrator allows it).',
  },
};

/** "12 people" or "at most 12 people" when the figure is an upper bound (a range in the past). */
export function viewersText(stats: PageStatistics, locale?: string): string {
  const count = formatNumber(stats.totals.viewers, locale);
  return stats.totals.viewersExact ? count : `≤ ${count}`;
}

/** Initials for an avatar placeholder: "Ann Lee" → "AL". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts[parts.length - 1]![0] : '')).toUpperCase();
}

/** A picture Confluence gave as a site-relative path becomes an absolute URL on the site. */
export function avatarUrl(path: string | null, siteUrl: string | null): string | null {
  if (!path) return null;
  if (/^https?:\/\//.test(path)) return path;
  return siteUrl ? `${siteUrl.replace(/\/$/, '')}${path.startsWith('/') ? '' : '/'}${path}` : null;
}
