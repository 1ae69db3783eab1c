/** The range's figures: views, signed-in viewers, anonymous views, first and last view, with changes. */
import type { PageStatistics } from '@contracts/page-statistics';
import { SectionMessage } from '../../shared/components/section-message';
import { Skeleton } from '../../shared/components/states';
import { formatDateTime, formatDay, formatNumber, formatRelativeTime, UTC_DAYS_NOTE } from '../../shared/format/time';
import { changeDirection, changeText, viewersText } from './statistics-format';

interface Stat {
  label: string;
  value: string;
  detail: string;
  change?: 'up' | 'down' | 'same';
}

/** Extended privacy: what a viewer figure over more than one day counts. */
export const PERSON_DAYS = 'Extended privacy: a person can’t be recognised from one day to the next, so each person counts once per day they viewed (someone who viewed on 3 days counts 3). Each day’s figure is exact.';

/** The all-time line, each figure labelled for what it counts. */
export function allTimeText(stats: PageStatistics, locale?: string): string {
  const { views, viewers, anonymousViews } = stats.allTime;
  const signedIn = stats.viewersCounted === 'person-days'
    ? `${formatNumber(viewers, locale)} signed-in viewer-days (Extended privacy counts a person once per day they viewed)`
    : `${formatNumber(viewers, locale)} signed-in people`;
  return `All time: ${formatNumber(views, locale)} views by ${signedIn} and ${formatNumber(anonymousViews, locale)} anonymous views.`;
}

/** `allTime`: the period is "All time", which has no previous period to compare with. */
export function summaryStats(stats: PageStatistics, now: number, locale?: string, allTime = false): Stat[] {
  const { totals, previousTotals } = stats;
  const compared = (current: number, previous: number): Pick<Stat, 'detail' | 'change'> => (allTime
    ? { detail: 'Since the first recorded view.' }
    : { detail: changeText(current, previous, locale), change: changeDirection(current, previous) });
  const lastAt = stats.allTime.lastViewedAt;
  const endsToday = totals.viewersExact && stats.range.to === new Date(now).toISOString().slice(0, 10);
  return [
    { label: 'Views', value: formatNumber(totals.views, locale), ...compared(totals.views, previousTotals.views) },
    stats.viewersCounted === 'person-days' && stats.range.days > 1
      ? {
          label: 'Signed-in viewer-days',
          value: viewersText(stats, locale),
          detail: PERSON_DAYS,
        }
      : {
          label: 'Signed-in viewers',
          value: viewersText(stats, locale),
          detail: totals.viewersExact
            ? 'Different people who were logged in. Anonymous visitors cannot be told apart: they count under anonymous views.'
            : 'At most this many people: this past period has too many views to count each person (over 2,000), or some of its views were deleted by the retention period.',
        },
    { label: 'Anonymous views', value: formatNumber(totals.anonymousViews, locale), ...compared(totals.anonymousViews, previousTotals.anonymousViews) },
    totals.firstViewDay === null
      ? { label: 'First and last view', value: '—', detail: 'No view in this period.' }
      : {
          label: 'First and last view',
          value: endsToday && lastAt !== null && totals.lastViewDay === stats.range.to ? formatRelativeTime(lastAt, now, locale) : formatDay(totals.lastViewDay ?? '', locale),
          detail: `First ${formatDay(totals.firstViewDay, locale)}, last ${endsToday && lastAt !== null && totals.lastViewDay === stats.range.to ? formatDateTime(lastAt, locale) : formatDay(totals.lastViewDay ?? '', locale)} (${UTC_DAYS_NOTE})`,
        },
  ];
}

export function RangeSummary({ stats, now, allTime = false }: { stats: PageStatistics; now: number; allTime?: boolean }) {
  return (
    <section className="vt-stats-section" aria-labelledby="summary-heading">
      <h2 className="vt-stats-section__title" id="summary-heading">This period</h2>
      {!stats.viewCounterEnabled ? (
        <SectionMessage appearance="information">
          <p>Your administrator has switched the view counter off, so the number of views is not shown on top of pages. Views are still counted.</p>
        </SectionMessage>
      ) : null}
      <dl className="vt-stat-grid">
        {summaryStats(stats, now, undefined, allTime).map((stat) => (
          <div className="vt-stat" key={stat.label}>
            <dt className="vt-stat__label">{stat.label}</dt>
            <dd className="vt-stat__value">{stat.value}</dd>
            <dd className={`vt-stat__detail${stat.change ? ` vt-stat__detail--${stat.change}` : ''}`}>{stat.detail}</dd>
          </div>
        ))}
      </dl>
      <p className="vt-subtlest vt-stats-alltime">
        {allTimeText(stats)}
      </p>
    </section>
  );
}

export function SummarySkeleton() {
  return (
    <div aria-busy="true">
      <span className="vt-visually-hidden">Loading statistics…</span>
      <Skeleton width={80} height={20} />
      <div className="vt-stat-grid">
        {[0, 1, 2, 3].map((index) => (
          <div className="vt-stat" key={index}>
            <Skeleton width={90} height={14} />
            <div className="vt-stat__value"><Skeleton width={70} height={28} /></div>
            <Skeleton width="90%" height={12} />
          </div>
        ))}
      </div>
    </div>
  );
}
