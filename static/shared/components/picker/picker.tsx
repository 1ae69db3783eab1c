/**
 * A searchable picker: Atlassian's Select (@atlaskit/select) over the app's paged, debounced server
 * search (`usePagedSearch`). Typing searches (answers to superseded queries are dropped), the menu lists
 * the page of matches, scrolling to its end (or the "Load more" option) fetches the next page, Enter or
 * a click picks. The Select never filters itself: the server already did. Picked values are shown beside
 * it by the single and multi pickers (tags), not inside it.
 *
 * The menu is an overlay: closing it moves nothing on the page, so a click on a button below it (Save)
 * lands where it was aimed.
 */
import { useMemo, useRef, useState } from 'react';
import Select from '@atlaskit/select';
import { usePagedSearch, type SearchFn } from './use-paged-search';

export interface PickerProps<T> {
  id: string;
  search: SearchFn<T>;
  getKey: (item: T) => string;
  getLabel: (item: T) => string;
  getDetail?: (item: T) => string | undefined;
  isSelected: (item: T) => boolean;
  onPick: (item: T) => void;
  /** Plural noun for messages: "groups", "spaces". */
  noun: string;
  placeholder?: string;
  /** Multi pickers stay open after a pick, so several values can be added in a row; picking again removes. */
  multiple?: boolean;
  disabled?: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/** A match, the next page, or (when a next page failed) the error with a retry. */
type PickerOption<T> = { kind: 'item'; key: string; item: T } | { kind: 'more' | 'retry'; key: string };

export function Picker<T>(props: PickerProps<T>) {
  const { id, getKey, getLabel, getDetail, isSelected, onPick, noun, placeholder, multiple = false, disabled = false } = props;
  const [open, setOpen] = useState(false);
  const keepOpen = useRef(false);
  const { state, query, setQuery, loadMore, retry } = usePagedSearch(props.search, getKey, open);
  const hasMore = state.nextCursor !== null && state.status !== 'error';
  const failedAfterItems = state.status === 'error' && state.items.length > 0;
  // The same option objects across renders: the select keeps the highlighted option only while it is among them.
  const options = useMemo<Array<PickerOption<T>>>(() => [
    ...state.items.map((item) => ({ kind: 'item' as const, key: getKey(item), item })),
    ...(hasMore ? [{ kind: 'more' as const, key: `${id}-more` }] : []),
    ...(failedAfterItems ? [{ kind: 'retry' as const, key: `${id}-retry` }] : []),
  ], [state.items, hasMore, failedAfterItems, getKey, id]);
  const message = state.status === 'error'
    ? `${state.error ?? 'The search failed.'} Press Enter to retry.`
    : state.query ? `No ${noun} match “${state.query}”.` : `No ${noun} found.`;

  return (
    <div className="vt-picker">
      <Select<PickerOption<T>, false>
        inputId={id}
        aria-describedby={props['aria-describedby']}
        aria-invalid={props['aria-invalid']}
        classNamePrefix="vt-select"
        options={options}
        value={null}
        controlShouldRenderValue={false}
        filterOption={null}
        getOptionValue={(option) => option.key}
        getOptionLabel={(option) => (option.kind === 'item' ? getLabel(option.item) : option.kind === 'more' ? `Load more ${noun}` : message)}
        isOptionSelected={(option) => option.kind === 'item' && isSelected(option.item)}
        hideSelectedOptions={false}
        formatOptionLabel={(option) => {
          if (option.kind === 'retry') return <span className="vt-picker__message--error">{message}</span>;
          if (option.kind !== 'item') return <span className="vt-picker__more">{state.status === 'loading-more' ? `Loading more ${noun}…` : `Load more ${noun}`}</span>;
          const detail = getDetail?.(option.item);
          return <span className="vt-picker__option-label">{getLabel(option.item)}{detail ? <span className="vt-picker__option-detail"> {detail}</span> : null}</span>;
        }}
        inputValue={query}
        onInputChange={(value, meta) => {
          // Only typing changes the query: a pick, a blur or the menu closing keep it (a multi picker adds several in a row).
          if (meta.action === 'input-change') setQuery(value);
        }}
        menuIsOpen={open}
        onMenuOpen={() => setOpen(true)}
        onMenuClose={() => {
          if (keepOpen.current) { keepOpen.current = false; return; }
          setOpen(false);
        }}
        closeMenuOnSelect={!multiple}
        blurInputOnSelect={false}
        onChange={(option) => {
          if (!option) return;
          if (option.kind !== 'item') {
            keepOpen.current = true;
            if (option.kind === 'more') loadMore();
            else retry();
            return;
          }
          onPick(option.item);
          if (!multiple) setQuery('');
        }}
        onMenuScrollToBottom={() => { if (hasMore) loadMore(); }}
        onKeyDown={(event) => {
          // A failed search is retried on request, never on every keystroke.
          if (event.key === 'Enter' && state.status === 'error') {
            event.preventDefault();
            retry();
          }
        }}
        isLoading={state.status === 'loading' || state.status === 'loading-more'}
        loadingMessage={() => `Searching ${noun}…`}
        noOptionsMessage={() => message}
        placeholder={placeholder ?? `Search ${noun}`}
        isDisabled={disabled}
        menuPlacement="auto"
      />
    </div>
  );
}
