/** Combinable filters: spaces (global report), content type, source, signed-in vs anonymous, readers in a group. */
import { SOURCE_LABELS } from '../format/source-labels';
import { useId, useState } from 'react';
import type { ReportFilters } from '@contracts/report-query';
import { SOURCES, type Source } from '@contracts/settings';
import { ReportGroupPicker } from './report-group-picker';
import { SelectField, type Choice } from '../components/select';
import { TextField } from '../components/text-field';
import { VIEWER_CHOICES } from '../format/viewer-choices';

const TYPE_CHOICES: ReadonlyArray<Choice<'' | 'page' | 'blogpost'>> = [
  { value: '', label: 'Pages and blog posts' }, { value: 'page', label: 'Pages' }, { value: 'blogpost', label: 'Blog posts' },
];
const SOURCE_CHOICES: ReadonlyArray<Choice<'' | Source>> = [{ value: '', label: 'All sources' }, ...SOURCES.map((source) => ({ value: source, label: SOURCE_LABELS[source] }))];

/** `groups`: the report's scope where the caller may filter by group (people are shown to them), else null. */
export function ReportFiltersBar({ filters, onChange, withSpaces, groups = null }: { filters: ReportFilters; onChange: (filters: ReportFilters) => void; withSpaces: boolean; groups?: 'global' | 'space' | null }) {
  const id = useId();
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
          <TextField width="medium" name="spaces" value={spaces} placeholder="All spaces" onChange={(event) => setSpaces(event.target.value)} onBlur={() => set({ spaceKeys: spaces.split(/[\s,]+/).filter(Boolean).slice(0, 20) })} />
        </label>
      ) : null}
      <div className="vt-report-filter">
        <label htmlFor={`${id}-type`}>Content type</label>
        <SelectField inputId={`${id}-type`} name="type" options={TYPE_CHOICES} value={filters.contentTypes?.[0] ?? ''}
          onChange={(value) => set({ contentTypes: value === 'page' || value === 'blogpost' ? [value] : [] })} />
      </div>
      <div className="vt-report-filter">
        <label htmlFor={`${id}-source`}>Source</label>
        <SelectField inputId={`${id}-source`} name="source" options={SOURCE_CHOICES} value={filters.sources?.[0] ?? ''}
          onChange={(value) => set({ sources: SOURCES.filter((source: Source) => source === value) })} />
      </div>
      <div className="vt-report-filter">
        <label htmlFor={`${id}-audience`}>Viewers</label>
        <SelectField inputId={`${id}-audience`} name="audience" options={VIEWER_CHOICES} value={filters.audience ?? 'all'} minWidth={220}
          onChange={(value) => set({ audience: value })} />
      </div>
      {groups || filters.groupId ? <ReportGroupPicker scope={groups ?? 'global'} groupId={filters.groupId} onChange={(groupId) => set({ groupId })} /> : null}
    </form>
  );
}
