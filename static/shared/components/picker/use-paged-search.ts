/** Runs a debounced, paged search while `enabled`, through the pure `searchReducer`. */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import { initialSearchState, searchReducer, type SearchPage, type SearchState } from './search-state';

export type SearchFn<T> = (query: string, cursor: string | null) => Promise<Envelope<SearchPage<T>>>;

export interface PagedSearch<T> {
  state: SearchState<T>;
  query: string;
  setQuery: (query: string) => void;
  loadMore: () => void;
  retry: () => void;
}

export function usePagedSearch<T>(search: SearchFn<T>, getKey: (item: T) => string, enabled: boolean, debounceMs = 250): PagedSearch<T> {
  const reducer = useMemo(() => searchReducer(getKey), [getKey]);
  const [state, dispatch] = useReducer(reducer, undefined, () => initialSearchState<T>());
  const [query, setQuery] = useState('');
  const requestCounter = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const run = useCallback(
    (q: string, cursor: string | null) => {
      requestCounter.current += 1;
      const requestId = requestCounter.current;
      dispatch({ type: 'start', query: q, requestId, append: cursor !== null });
      search(q, cursor).then((answer) => {
        if (answer.ok) dispatch({ type: 'success', requestId, page: answer.data });
        else dispatch({ type: 'failure', requestId, message: answer.error.message });
      }, () => dispatch({ type: 'failure', requestId, message: 'The search failed. Try again.' }));
    },
    [search],
  );

  // First opening, or a new query (debounced): fetch the first page. A failed query is retried only on
  // request, so a broken backend is not hammered on every render.
  useEffect(() => {
    if (!enabled) return undefined;
    const current = stateRef.current;
    if (current.status !== 'idle' && current.query === query.trim()) return undefined;
    const timer = setTimeout(() => run(query.trim(), null), current.status === 'idle' ? 0 : debounceMs);
    return () => clearTimeout(timer);
  }, [enabled, query, run, debounceMs]);

  const loadMore = useCallback(() => {
    const current = stateRef.current;
    if (current.nextCursor && current.status === 'done') run(current.query, current.nextCursor);
  }, [run]);

  const retry = useCallback(() => {
    const current = stateRef.current;
    run(current.query, current.status === 'error' && current.items.length > 0 ? current.nextCursor : null);
  }, [run]);

  return { state, query, setQuery, loadMore, retry };
}
