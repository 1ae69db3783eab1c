/** The four tiles: views, signed-in viewers, anonymous views (and share), content viewed, each with its change. */
import type { Estimate, ReportSummary } from '@contracts/report-query';

function change(now: number, before: number): string {
  if (before === 0) return now === 0 ? 'no change' : 'new in this period';
  const percent = Math.round(((now - before) / before) * 100);
  return `${percent >= 0 ? '+' : ''}${percent}% vs previous period`;
}

/** `before`: undefined when the period has nothing to compare with (All time). */
function Tile({ label, value, before, about, note }: { label: string; value: number | null; before: number | null | undefined; about?: boolean; note?: string }) {
  return (
    <div className="vt-report-tile" role="group" aria-label={label}>
      <div className="vt-report-tile__label">{label}</div>
      <div className="vt-report-tile__value">{value === null ? '—' : `${about ? 'about ' : ''}${value.toLocaleString()}`}</div>
      <div className="vt-report-tile__change">{value === null ? 'not available with these filters' : before === undefined ? 'since the first recorded view' : before === null ? 'previous period not available' : change(value, before)}{note ? ` · ${note}` : ''}</div>
    </div>
  );
}

const valueOf = (estimate: Estimate | null | undefined) => (estimate === undefined ? undefined : estimate ? estimate.value : null);

/** `viewersCounted`: `person-days` under Extended privacy (one pseudonym per person and day). */
export function ReportTiles({ summary, viewersCounted, allTime = false }: { summary: ReportSummary; viewersCounted?: 'person-days'; allTime?: boolean }) {
  const { current } = summary;
  // All time has no previous period: no comparison, rather than "new" against an empty one.
  const previous = allTime ? { views: undefined, anonymousViews: undefined, viewers: undefined, contentViewed: undefined } : summary.previous;
  const share = current.views > 0 ? Math.round((current.anonymousViews / current.views) * 100) : 0;
  return (
    <div className="vt-report-tiles">
      <Tile label="Views" value={current.views} before={previous.views} />
      {viewersCounted === 'person-days' ? (
        <Tile label="Signed-in viewer-days" value={valueOf(current.viewers) ?? null} before={valueOf(previous.viewers)} about={current.viewers?.exact === false}
          note="Extended privacy: a person counts once per day they viewed" />
      ) : (
        <Tile label="Signed-in viewers" value={valueOf(current.viewers) ?? null} before={valueOf(previous.viewers)} about={current.viewers?.exact === false} />
      )}
      <Tile label="Anonymous views" value={current.anonymousViews} before={previous.anonymousViews} note={`${share}% of views`} />
      <Tile label="Pages and blog posts viewed" value={valueOf(current.contentViewed) ?? null} before={valueOf(previous.contentViewed)} about={current.contentViewed?.exact === false} />
    </div>
  );
}
