/**
 * A searchable picker following the ARIA combobox pattern: the input keeps focus, arrow keys move the
 * highlighted option (`aria-activedescendant`), Enter picks it, Escape closes. Results are paged: the last
 * option loads the next page. The list is rendered in the page flow (not floating) so it is never clipped
 * by the app's iframe.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CheckIcon, SearchIcon } from '../icons';
import { Spinner } from '../spinner';
import { afterPress, watchPointerPresses } from './after-press';
import { moveActiveIndex } from './search-state';
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

export function Picker<T>(props: PickerProps<T>) {
  const { id, getKey, getLabel, getDetail, isSelected, onPick, noun, placeholder, multiple = false, disabled = false } = props;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(watchPointerPresses, []);
  const { state, query, setQuery, loadMore, retry } = usePagedSearch(props.search, getKey, open);
  const listId = `${id}-listbox`;
  const hasMore = state.nextCursor !== null && state.status !== 'error';
  const optionCount = state.items.length + (hasMore ? 1 : 0);
  const optionId = (index: number) => (index < state.items.length ? `${id}-option-${index}` : `${id}-option-more`);

  const activate = (index: number) => {
    const item = state.items[index];
    if (item !== undefined) {
      onPick(item);
      if (!multiple) {
        setOpen(false);
        setQuery('');
        setActive(-1);
      }
    } else if (index === state.items.length && hasMore) {
      loadMore();
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) setOpen(true);
      setActive((current) => moveActiveIndex(current, event.key === 'ArrowDown' ? 1 : -1, optionCount));
    } else if (event.key === 'Enter') {
      // Never submit a surrounding form from the picker.
      event.preventDefault();
      if (!open) setOpen(true);
      else if (state.status === 'error') retry();
      else if (active >= 0) activate(active);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (query !== '') {
        setQuery('');
      }
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className={open ? 'vt-picker vt-picker--open' : 'vt-picker'}>
      <span className="vt-textfield vt-textfield--full vt-picker__field" data-invalid={props['aria-invalid'] ? 'true' : undefined}>
        <span className="vt-picker__search-icon"><SearchIcon size={16} /></span>
        <input
          id={id}
          ref={inputRef}
          className="vt-textfield__input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 && active < optionCount ? optionId(active) : undefined}
          aria-describedby={props['aria-describedby']}
          aria-invalid={props['aria-invalid']}
          placeholder={placeholder}
          disabled={disabled}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(-1);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onClick={() => setOpen(true)}
          onBlur={() => {
            // Closing moves what is below the list; wait until a press elsewhere has become its click.
            afterPress(() => {
              if (document.activeElement === inputRef.current) return;
              setOpen(false);
              setActive(-1);
            });
          }}
          onKeyDown={onKeyDown}
        />
      </span>
      <ul className="vt-picker__listbox" id={listId} role="listbox" aria-label={`Matching ${noun}`}
        aria-multiselectable={multiple || undefined} hidden={!open}>
        {state.items.map((item, index) => {
          const selected = isSelected(item);
          const detail = getDetail?.(item);
          return (
            <li
              key={getKey(item)}
              id={optionId(index)}
              role="option"
              aria-selected={selected}
              className={index === active ? 'vt-picker__option vt-picker__option--active' : 'vt-picker__option'}
              // mousedown would blur the input (and close the list) before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => activate(index)}
              onMouseEnter={() => setActive(index)}
            >
              <span className="vt-picker__option-label">
                {getLabel(item)}
                {detail ? <span className="vt-picker__option-detail"> {detail}</span> : null}
              </span>
              {selected ? <CheckIcon size={16} className="vt-picker__check" label="Selected" /> : null}
            </li>
          );
        })}
        {hasMore ? (
          <li
            id={optionId(state.items.length)}
            role="option"
            aria-selected={false}
            className={active === state.items.length ? 'vt-picker__option vt-picker__more vt-picker__option--active' : 'vt-picker__option vt-picker__more'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => activate(state.items.length)}
            onMouseEnter={() => setActive(state.items.length)}
          >
            {state.status === 'loading-more' ? `Loading more ${noun}…` : `Load more ${noun}`}
          </li>
        ) : null}
      </ul>
      <div className="vt-picker__status" role="status" aria-live="polite" hidden={!open}>
        <PickerStatus status={state.status} error={state.error} count={state.items.length} query={state.query} noun={noun} onRetry={retry} />
      </div>
    </div>
  );
}

function PickerStatus({ status, error, count, query, noun, onRetry }: {
  status: string;
  error: string | null;
  count: number;
  query: string;
  noun: string;
  onRetry: () => void;
}) {
  if (status === 'loading') {
    return (
      <span className="vt-picker__message"><Spinner size="small" /> Searching {noun}…</span>
    );
  }
  if (status === 'error') {
    return (
      <span className="vt-picker__message vt-picker__message--error">
        {error ?? 'The search failed.'}{' '}
        <button type="button" className="vt-link-button" onMouseDown={(event) => event.preventDefault()} onClick={onRetry}>
          Retry
        </button>{' '}
        (or press Enter)
      </span>
    );
  }
  if (status === 'done' && count === 0) {
    return <span className="vt-picker__message">{query ? `No ${noun} match “${query}”.` : `No ${noun} found.`}</span>;
  }
  return null;
}
