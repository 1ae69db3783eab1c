/**
 * "Readers in a group": search Confluence's groups (the report's own resolver, open only to callers
 * who may see readers), pick one, clear it. Shown only where the report shows people.
 *
 * Atlassian's async select (@atlaskit/select `AsyncSelect`): typing searches (debounced, so a word
 * typed quickly is one call), the menu lists the matches, Enter or a click picks one, the clear button
 * (or Backspace) removes it. A failed search says so in the menu and under the field; typing again
 * retries. Answers to superseded searches are dropped by the select itself.
 */
import { useCallback, useRef, useState } from 'react';
import { AsyncSelect } from '@atlaskit/select';
import type { Envelope } from '@contracts/envelope';
import type { GroupSearchResult } from '@contracts/resolvers';
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

interface GroupOption { value: string; label: string }

/** Typing pauses this long before a search is sent. */
export const GROUP_SEARCH_DEBOUNCE_MS = 250;

export function ReportGroupPicker({ scope, groupId, onChange, search: searchWith, label = 'Readers in group', inputId = 'vt-report-group' }: ReportGroupPickerProps) {
  const [chosen, setChosen] = useState<GroupOption | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<((options: GroupOption[]) => void) | null>(null);

  const loadOptions = useCallback((query: string): Promise<GroupOption[]> => {
    if (timer.current) clearTimeout(timer.current);
    // A superseded search answers nothing (the select ignores it anyway) instead of staying unsettled.
    pending.current?.([]);
    return new Promise<GroupOption[]>((resolve) => {
      pending.current = resolve;
      timer.current = setTimeout(() => {
        pending.current = null;
        const request = searchWith ? searchWith(query.trim()) : invokeResolver('searchReportGroups', { scope, query: query.trim() });
        request.then((answer) => {
          setError(answer.ok ? null : answer.error.message);
          resolve(answer.ok ? answer.data.groups.map((group) => ({ value: group.id, label: group.name })) : []);
        }, () => {
          setError('The group search failed. Type again to retry.');
          resolve([]);
        });
      }, GROUP_SEARCH_DEBOUNCE_MS);
    });
  }, [scope, searchWith]);

  // A group known only by its id (a bookmarked report) shows the id until it is picked again.
  const value = groupId ? (chosen?.value === groupId ? chosen : { value: groupId, label: groupId }) : null;
  return (
    <div className="vt-report-filter vt-group-picker">
      <label htmlFor={inputId}>{label}</label>
      <AsyncSelect<GroupOption, false>
        inputId={inputId}
        name="group"
        value={value}
        loadOptions={loadOptions}
        defaultOptions={false}
        isClearable
        clearControlLabel="Clear group"
        placeholder="Search groups"
        aria-describedby={error ? `${inputId}-error` : undefined}
        loadingMessage={() => 'Searching groups…'}
        noOptionsMessage={({ inputValue }) => (error ?? (inputValue.trim() ? `No group matches “${inputValue.trim()}”.` : 'Type a group name.'))}
        onChange={(option) => {
          setChosen(option);
          onChange(option ? option.value : undefined);
        }}
        menuPlacement="auto"
        classNamePrefix="vt-select"
        styles={{ container: (base) => ({ ...base, minWidth: 220 }) }}
      />
      {error ? <span id={`${inputId}-error`} className="vt-field__error" role="alert">{error}</span> : null}
    </div>
  );
}
