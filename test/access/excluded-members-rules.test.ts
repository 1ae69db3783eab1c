import { excludedGroupsOf, FAILED_RETRY_MS, groupsKeyOf, LIST_REFRESH_MS, listStands, parseExcludedMembersList, TOO_LARGE_RETRY_MS, type ExcludedMembersList } from '../../src/access/rules/excluded-members';

const T = Date.parse('2026-12-07T10:00:00Z');
const listed: ExcludedMembersList = { groupsKey: groupsKeyOf(['g-b', 'g-a']), fetchedAt: T, state: 'listed', day: '2026-12-07', members: { 'g-a': ['p-1'], 'g-b': ['p-2', 'p-1'] } };

describe('the excluded groups listing', () => {
  it('stands an hour when listed, ten minutes when it failed, twelve hours when a group is too large', () => {
    expect(listStands(listed, ['g-a', 'g-b'], T + LIST_REFRESH_MS - 1)).toBe(true);
    expect(listStands(listed, ['g-a', 'g-b'], T + LIST_REFRESH_MS)).toBe(false);
    expect(listStands({ ...listed, state: 'failed' }, ['g-a', 'g-b'], T + FAILED_RETRY_MS)).toBe(false);
    expect(listStands({ ...listed, state: 'too-large' }, ['g-a', 'g-b'], T + TOO_LARGE_RETRY_MS - 1)).toBe(true);
  });

  it('is for the groups it listed: a settings change makes it stale', () => {
    expect(listStands(listed, ['g-a'], T)).toBe(false);
    expect(listStands(listed, ['g-b', 'g-a'], T)).toBe(true);
  });

  it('serves an event whose clock is a little behind the listing (late, out-of-order events)', () => {
    expect(listStands(listed, ['g-a', 'g-b'], T - 5 * 60_000)).toBe(true);
    expect(listStands(listed, ['g-a', 'g-b'], T - LIST_REFRESH_MS)).toBe(false);
  });

  it('names the excluded groups a pseudonym is in, and parses strictly', () => {
    expect(excludedGroupsOf(listed, 'p-1').sort()).toEqual(['g-a', 'g-b']);
    expect(excludedGroupsOf(listed, 'p-3')).toEqual([]);
    expect(parseExcludedMembersList(JSON.parse(JSON.stringify(listed)))).toEqual(listed);
    expect(parseExcludedMembersList({ ...listed, members: { 'g-a': [1] } })).toBeUndefined();
    expect(parseExcludedMembersList({ ...listed, day: undefined })).toBeUndefined();
    expect(parseExcludedMembersList({ groupsKey: 'g', fetchedAt: T, state: 'too-large' })).toEqual({ groupsKey: 'g', fetchedAt: T, state: 'too-large' });
    expect(parseExcludedMembersList('nope')).toBeUndefined();
  });
});
