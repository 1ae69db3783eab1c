/**
 * The state of a debounced, paged search as a pure reducer: answers to superseded requests are dropped,
 * so a slow first query can never overwrite the results of the query typed after it.
 */
export interface SearchPage<T> {
  items: T[];
  nextCursor: string | null;
}

export type SearchStatus = 'idle' | 'loading' | 'loading-more' | 'done' | 'error';

export interface SearchState<T> {
  /** The query whose results are shown (or are being fetched). */
  query: string;
  items: T[];
  nextCursor: string | null;
  status: SearchStatus;
  error: string | null;
  /** Id of the newest request; answers carrying another id are stale. */
  requestId: number;
}

export type SearchAction<T> =
  | { type: 'start'; query: string; requestId: number; append: boolean }
  | { type: 'success'; requestId: number; page: SearchPage<T> }
  | { type: 'failure'; requestId: number; message: string };

export function initialSearchState<T>(): SearchState<T> {
  return { query: '', items: [], nextCursor: null, status: 'idle', error: null, requestId: 0 };
}

export function searchReducer<T>(getKey: (item: T) => string) {
  return (state: SearchState<T>, action: SearchAction<T>): SearchState<T> => {
    switch (action.type) {
      case 'start':
        return action.append
          ? { ...state, status: 'loading-more', error: null, requestId: action.requestId }
          : { query: action.query, items: [], nextCursor: null, status: 'loading', error: null, requestId: action.requestId };
      case 'success': {
        if (action.requestId !== state.requestId) return state;
        const wasAppending = state.status === 'loading-more';
        const seen = new Set(wasAppending ? state.items.map(getKey) : []);
        const fresh = action.page.items.filter((item) => {
          const key = getKey(item);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        return {
          ...state,
          items: wasAppending ? [...state.items, ...fresh] : fresh,
          nextCursor: action.page.nextCursor,
          status: 'done',
          error: null,
        };
      }
      case 'failure':
        if (action.requestId !== state.requestId) return state;
        return { ...state, status: 'error', error: action.message };
      default:
        return state;
    }
  };
}

/** Next highlighted option when moving by `delta` through `count` options, wrapping at both ends. */
export function moveActiveIndex(current: number, delta: number, count: number): number {
  if (count <= 0) return -1;
  if (current < 0) return delta > 0 ? 0 : count - 1;
  return (((current + delta) % count) + count) % count;
}
