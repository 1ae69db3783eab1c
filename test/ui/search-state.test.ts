import { initialSearchState, moveActiveIndex, searchReducer, type SearchState } from '../../static/shared/components/picker/search-state';

interface Item { id: string }
const reduce = searchReducer<Item>((item) => item.id);
const items = (...ids: string[]) => ids.map((id) => ({ id }));

function searched(query: string, ids: string[], nextCursor: string | null, requestId = 1): SearchState<Item> {
  const started = reduce(initialSearchState<Item>(), { type: 'start', query, requestId, append: false });
  return reduce(started, { type: 'success', requestId, page: { items: items(...ids), nextCursor } });
}

describe('searchReducer', () => {
  it('shows the first page of a query', () => {
    expect(searched('bo', ['a', 'b'], '2')).toMatchObject({ query: 'bo', items: items('a', 'b'), nextCursor: '2', status: 'done' });
  });

  it('appends the next page without duplicates', () => {
    const first = searched('', ['a', 'b'], '2');
    const loading = reduce(first, { type: 'start', query: '', requestId: 2, append: true });
    expect(loading.status).toBe('loading-more');
    const next = reduce(loading, { type: 'success', requestId: 2, page: { items: items('b', 'c'), nextCursor: null } });
    expect(next.items).toEqual(items('a', 'b', 'c'));
    expect(next.nextCursor).toBeNull();
  });

  it('ignores the answer to a superseded query', () => {
    let state = reduce(initialSearchState<Item>(), { type: 'start', query: 'b', requestId: 1, append: false });
    state = reduce(state, { type: 'start', query: 'bots', requestId: 2, append: false });
    state = reduce(state, { type: 'success', requestId: 2, page: { items: items('bots'), nextCursor: null } });
    state = reduce(state, { type: 'success', requestId: 1, page: { items: items('b1', 'b2'), nextCursor: '2' } });
    expect(state).toMatchObject({ query: 'bots', items: items('bots'), nextCursor: null });
    expect(reduce(state, { type: 'failure', requestId: 1, message: 'late' }).status).toBe('done');
  });

  it('keeps the results it has when loading more fails', () => {
    const first = searched('', ['a'], '1');
    const loading = reduce(first, { type: 'start', query: '', requestId: 2, append: true });
    const failed = reduce(loading, { type: 'failure', requestId: 2, message: 'Busy' });
    expect(failed).toMatchObject({ status: 'error', error: 'Busy', items: items('a'), nextCursor: '1' });
  });
});

describe('moveActiveIndex', () => {
  it('starts at the first or last option and wraps around', () => {
    expect(moveActiveIndex(-1, 1, 3)).toBe(0);
    expect(moveActiveIndex(-1, -1, 3)).toBe(2);
    expect(moveActiveIndex(2, 1, 3)).toBe(0);
    expect(moveActiveIndex(0, -1, 3)).toBe(2);
    expect(moveActiveIndex(1, 1, 3)).toBe(2);
    expect(moveActiveIndex(0, 1, 0)).toBe(-1);
  });
});
