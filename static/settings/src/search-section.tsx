/**
 * Search analytics (docs/search-analytics.md): whether Confluence searches are recorded, and whether
 * their query text is kept. The exclusions, the blocking time and the privacy mode above apply to them too.
 */
import { FieldErrors } from '../../shared/components/field';
import { PageSection } from '../../shared/components/page';
import { Toggle } from '../../shared/components/toggle';
import type { SectionProps } from './section-props';

export function SearchSection({ draft, onChange, errorsFor, disabled }: SectionProps) {
  const search = draft.search;
  return (
    <PageSection
      id="search"
      title="Search"
      description="Record what people search for in Confluence: searches, searches without results, and which searches lead to a page. Excluded groups, anonymous exclusion, the blocking time, retention and the privacy mode apply as for views."
    >
      <Toggle
        id="search-auto-tracking"
        label="Auto Tracking"
        description="Records every Confluence search (the product's search event)."
        checked={search.autoTracking}
        disabled={disabled}
        error={errorsFor('search.autoTracking')[0]}
        onChange={(next) => onChange({ ...draft, search: { ...search, autoTracking: next } })}
      />
      <Toggle
        id="search-record-query-text"
        label="Record query text"
        description="Keeps the normalised query text for the top queries, queries without results and without click-through. Off: only the numbers of searches, searches without results and click-throughs per day are kept. A query is never stored with an account."
        checked={search.recordQueryText}
        disabled={disabled || !search.autoTracking}
        error={errorsFor('search.recordQueryText')[0]}
        onChange={(next) => onChange({ ...draft, search: { ...search, recordQueryText: next } })}
      />
      <FieldErrors id="search-error" errors={errorsFor('search')} />
    </PageSection>
  );
}
