import { memberOf } from '../../src/reach/rules/audience-members';
import { inactiveReaders, lastDayOfMonthRow, sortInactive, spaceReach } from '../../src/reach/rules/inactive-readers';

const members = [
  memberOf({ accountId: 'a', displayName: 'Ann' }),
  memberOf({ accountId: 'b', displayName: 'Bob' }),
  memberOf({ accountId: 'c', displayName: 'Cid' }),
  memberOf({ accountId: 'x', displayName: 'Former user' }),
  memberOf({ accountId: 'y', displayName: 'Sync', accountType: 'app' }),
];

describe('inactive readers and space reach', () => {
  it('inactive readers are the active members with no view in the range; closed and app accounts are not among them', () => {
    const { inactive, audience } = inactiveReaders(members, new Set(['b', 'y']));
    expect(audience).toBe(3);
    expect(inactive.map((m) => m.accountId)).toEqual(['a', 'c']);
  });

  it('sorts by last view with people who never viewed as the oldest', () => {
    const rows = [
      { accountId: 'a', displayName: 'Ann', lastViewedDay: '2026-10-01' },
      { accountId: 'b', displayName: 'Bob', lastViewedDay: null },
      { accountId: 'c', displayName: 'Cid', lastViewedDay: '2026-09-01' },
    ];
    expect(sortInactive(rows, { column: 'lastViewedDay', direction: 'asc' }).map((r) => r.accountId)).toEqual(['b', 'c', 'a']);
    expect(sortInactive(rows, { column: 'lastViewedDay', direction: 'desc' }).map((r) => r.accountId)).toEqual(['a', 'c', 'b']);
    expect(sortInactive(rows, { column: 'displayName', direction: 'desc' }).map((r) => r.accountId)).toEqual(['c', 'b', 'a']);
  });

  it('the last day of a month row is its latest day with views', () => {
    expect(lastDayOfMonthRow('2026-10', { '03': 2, '17': 1, '20': 0 })).toBe('2026-10-17');
    expect(lastDayOfMonthRow('2026-10', {})).toBeNull();
  });

  it('space reach is the share of active members who read anything in the space', () => {
    expect(spaceReach(members, new Set(['a', 'x']))).toEqual({ audience: 3, readers: 1, excluded: { inactive: 0, closed: 1, app: 1 } });
  });
});
