/** How the period's views split by channel (desktop, mobile web, view API sources). */
import type { PageStatistics } from '@contracts/page-statistics';
import { formatNumber } from '../../shared/format/time';
import { SOURCE_LABELS } from './statistics-format';

export function SourcesSection({ stats }: { stats: PageStatistics }) {
  const total = stats.sources.reduce((sum, source) => sum + source.views, 0);
  return (
    <section className="vt-stats-section" aria-labelledby="sources-heading">
      <h2 id="sources-heading" className="vt-stats-section__title">Sources</h2>
      <ul className="vt-sources">
        {stats.sources.map(({ source, views }) => {
          const share = total > 0 ? Math.round((views / total) * 100) : 0;
          return (
            <li key={source} className="vt-sources__item">
              <span className="vt-sources__label">{SOURCE_LABELS[source]}</span>
              <span className="vt-sources__bar" aria-hidden="true"><span style={{ width: `${share}%` }} /></span>
              <span className="vt-sources__value">{formatNumber(views)} ({share} %)</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
