/** The Search tab's tiles: searches, without results and click-throughs (with their share), distinct signed-in searchers (an estimate, or why not). */
import type { SearchSummary } from '@contracts/search-report';

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="vt-report-tile" role="group" aria-label={label}>
      <div className="vt-report-tile__label">{label}</div>
      <div className="vt-report-tile__value">{value}</div>
      {note ? <div className="vt-report-tile__change">{note}</div> : null}
    </div>
  );
}

export function SearchTiles({ summary }: { summary: SearchSummary }) {
  const share = (part: number) => (summary.searches > 0 ? `${Math.round((part / summary.searches) * 100)}% of searches` : undefined);
  return (
    <div className="vt-report-tiles">
      <Tile label="Searches" value={summary.searches.toLocaleString()} />
      <Tile label="Searches without results" value={summary.noResults.toLocaleString()} note={share(summary.noResults)} />
      <Tile label="Click-throughs" value={summary.clickThroughs.toLocaleString()} note={share(summary.clickThroughs)} />
      <Tile label="Signed-in searchers" value={summary.searchers === null ? '—' : `about ${summary.searchers.toLocaleString()}`} note={summary.searchersNote ?? undefined} />
    </div>
  );
}
