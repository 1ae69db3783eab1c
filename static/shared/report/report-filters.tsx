/** Combinable filters: spaces (global report), content type, source, signed-in vs anonymous, readers in a group. */
import { SOURCE_LABELS } from '../format/source-labels';
import { useState } from 'react';
import type { ReportFilters } from '@contracts/report-query';
import { SOURCES, type Source } from '@contracts/settings';
import { ReportGroupPicker } from './report-group-picker';

/** `groups`: the report's scope where the caller may filter by group (people are shown to them), else null. */
export function ReportFiltersBar({ filters, onChange, withSpaces, groups = null }: { filters: ReportFilters; onChange: (filters: ReportFilters) => void; withSpaces: boolean; groups?: 'global' | 'space' | null }) {
  const [spaces, setSpaces] = useState((filters.spaceKeys ?? []).join(', '));
  const set = (next: Partial<ReportFilters>) => {
    const merged: ReportFilters = { ...filters, ...next };
    for (const key of ['spaceKeys', 'contentTypes', 'sources'] as const) if (merged[key]?.length === 0) delete merged[key];
    if (merged.audience === 'all') delete merged.audience;
    if (!merged.groupId) delete merged.groupId;
    onChange(merged);
  };
  return (
    <form className="vt-report-filters" aria-label="Filters" onSubmit={(event) => { event.preventDefault(); set({ spaceKeys: spaces.split(/[\s,]+/).filter(Boolean).slice(0, 20) }); }}>
      {withSpaces ? (
        <label className="vt-report-filter">Spaces (keys)
          <input className="vt-report-input" name="spaces" value={spaces} placeholder="All spaces" onChange={(event) => setSpaces(event.target.value)} onBlur={() => set({ spaceKeys: spaces.split(/[\s,]+/).filter(Boolean).slice(0, 20) })} />
        </label>
      ) : null}
      <label className="vt-report-filter">Content type
        <select className="vt-report-input" name="type" value={filters.contentTypes?.[0] ?? ''} onChange={(event) => set({ contentTypes: event.target.value === 'page' || event.target.value === 'blogpost' ? [event.target.value] : [] })}>
          <option value="">Pages and blog posts</option>
          <option value="page">Pages</option>
          <option value="blogpost">Blog posts</option>
        </select>
      </label>
      <label className="vt-report-filter">Source
        <select className="vt-report-input" name="source" value={filters.sources?.[0] ?? ''} onChange={(event) => set({ sources: SOURCES.filter((source: Source) => source === event.target.value) })}>
          <option value="">All sources</option>
          {SOURCES.map((source) => <option key={source} value={source}>{SOURCE_LABELS[source]}</option>)}
        </select>
      </label>
      <label className="vt-report-filter">Viewers
        <select className="vt-report-input" name="audience" value={filters.audience ?? 'all'} onChange={(event) => set({ audience: event.target.value === 'signed-in' || event.target.value === 'anonymous' ? event.target.value : 'all' })}>
          <option value="all">Signed-in and anonymous</option>
          <option value="signed-in">Signed-in only</option>
          <option value="anonymous">Anonymous only</option>
        </select>
      </label>
      {groups || filters.groupId ? <ReportGroupPicker scope={groups ?? 'global'} groupId={filters.groupId} onChange={(groupId) => set({ groupId })} /> : null}
    </form>
  );
}
