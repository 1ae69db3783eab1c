/** The all-time numbers of one page: views, distinct viewers, anonymous views and the last view. */
import type { ContentSummary } from '@contracts/resolvers';
import { SectionMessage } from '../../shared/components/section-message';
import { Skeleton } from '../../shared/components/states';
import { formatDateTime, formatNumber, formatRelativeTime } from '../../shared/format/time';

interface Stat {
  label: string;
  value: string;
  detail: string;
  title?: string;
}

export function summaryStats(summary: ContentSummary, now: number, locale?: string): Stat[] {
  return [
    { label: 'Views', value: formatNumber(summary.views, locale), detail: 'All counted views, signed-in and anonymous.' },
    {
      label: 'Viewers',
      value: formatNumber(summary.viewers, locale),
      detail: 'Different signed-in people. Anonymous visitors cannot be told apart: they count under anonymous views.',
    },
    {
      label: 'Anonymous views',
      value: formatNumber(summary.anonymousViews, locale),
      detail: 'Views by people who were not logged in.',
    },
    summary.lastViewedAt === null
      ? { label: 'Last viewed', value: 'Never', detail: 'No view has been counted yet.' }
      : {
          label: 'Last viewed',
          value: formatRelativeTime(summary.lastViewedAt, now, locale),
          detail: formatDateTime(summary.lastViewedAt, locale),
        },
  ];
}

export function SummarySection({ summary, now }: { summary: ContentSummary; now: number }) {
  return (
    <section className="vt-stats-section" aria-labelledby="summary-heading">
      <h2 className="vt-stats-section__title" id="summary-heading">All time</h2>
      {!summary.viewCounterEnabled ? (
        <SectionMessage appearance="information">
          <p>
            Your administrator has switched the view counter off, so the number of views is not shown on top of pages.
            Views are still counted.
          </p>
        </SectionMessage>
      ) : null}
      <dl className="vt-stat-grid">
        {summaryStats(summary, now).map((stat) => (
          <div className="vt-stat" key={stat.label}>
            <dt className="vt-stat__label">{stat.label}</dt>
            <dd className="vt-stat__value">{stat.value}</dd>
            <dd className="vt-stat__detail">{stat.detail}</dd>
          </div>
        ))}
      </dl>
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
