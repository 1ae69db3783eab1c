/**
 * "Readers in a group": search Confluence's groups (the report's own resolver, open only to callers
 * who may see readers), pick one, clear it. Shown only where the report shows people.
 */
import { useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { GroupSearchResult } from '@contracts/resolvers';
import type { GroupRef } from '@contracts/settings';
import { invokeResolver } from '../api/invoke-resolver';

export interface ReportGroupPickerProps {
  scope: 'global' | 'space';
  groupId: string | undefined;
  onChange: (groupId: string | undefined) => void;
  /** Another group search (the page's Reach section asks `searchReachGroups`); the report's by default. */
  search?: (query: string) => Promise<Envelope<GroupSearchResult>>;
  label?: string;
  /** The input's id: two pickers on one page need two. */
  inputId?: string;
}

export function ReportGroupPicker({ scope, groupId, onChange, search: searchWith, label = 'Readers in group', inputId = 'vt-report-group' }: ReportGroupPickerProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<GroupRef[] | null>(null);
  const [chosen, setChosen] = useState<GroupRef | null>(null);
  const [error, setError] = useState<string | null>(null);
  const search = async () => {
    setError(null);
    const answer = searchWith ? await searchWith(query) : await invokeResolver('searchReportGroups', { scope, query });
    if (answer.ok) setFound(answer.data.groups);
    else setError(answer.error.message);
  };
  if (groupId) {
    return (
      <div className="vt-report-filter">{label}
        <span>
          <strong>{chosen?.id === groupId ? chosen.name : groupId}</strong>{' '}
          <button type="button" className="vt-report-sort" onClick={() => { setChosen(null); onChange(undefined); }}>Clear group</button>
        </span>
      </div>
    );
  }
  return (
    <div className="vt-report-filter">
      <label htmlFor={inputId}>{label}</label>
      <span>
        <input id={inputId} className="vt-report-input" name="group" value={query} placeholder="Group name"
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => { if (event.key === 'Enter') { event.preventDefault(); void search(); } }} />{' '}
        <button type="button" className="vt-report-sort" onClick={() => void search()}>Find</button>
      </span>
      {found ? (
        <select className="vt-report-input" aria-label="Matching groups" value="" onChange={(event) => {
          const group = found.find((candidate) => candidate.id === event.target.value);
          if (group) { setChosen(group); onChange(group.id); }
        }}>
          <option value="">{found.length ? `${found.length} groups: choose one` : 'No group matches'}</option>
          {found.map((group) => <option key={group.id} value={group.id}>{group.name}</option>)}
        </select>
      ) : null}
      {error ? <span role="alert">{error}</span> : null}
    </div>
  );
}
