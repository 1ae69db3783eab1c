import { decodeState, encodeState, DEFAULT_STATE } from '../../static/shared/report/report-url';

describe('report URL with a group filter', () => {
  it('keeps the group id, drops a malformed one', () => {
    const state = { ...DEFAULT_STATE, filters: { groupId: '3f1e2d4c-0000-4000-8000-00000000abcd', audience: 'signed-in' as const } };
    expect(decodeState(encodeState(state))).toEqual(state);
    expect(decodeState('?group=a/../b').filters).toEqual({});
  });
});
