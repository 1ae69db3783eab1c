import { EXACT_PAST_VIEWERS_MAX_VIEWS, distinctViewers, exactViewers, rangeSpan, shouldCountExactly } from '../../src/page-statistics/rules/past-viewers';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-30T12:00:00Z');
const range = { from: '2026-05-01', to: '2026-05-30', days: 30 };

describe('exact viewers of a past range', () => {
  it('reads raw views only within the bound', () => {
    expect(shouldCountExactly(range, EXACT_PAST_VIEWERS_MAX_VIEWS, null, NOW)).toBe(true);
    expect(shouldCountExactly(range, EXACT_PAST_VIEWERS_MAX_VIEWS + 1, null, NOW)).toBe(false);
    expect(shouldCountExactly(range, 0, null, NOW)).toBe(false);
  });

  it('reads raw views only when retention keeps the whole range', () => {
    const since = Math.ceil((NOW - Date.parse('2026-05-01T00:00:00Z')) / DAY);
    expect(shouldCountExactly(range, 10, since, NOW)).toBe(true);
    expect(shouldCountExactly(range, 10, since - 1, NOW)).toBe(false);
  });

  it('spans whole UTC days', () => {
    expect(rangeSpan(range)).toEqual({ fromMs: Date.parse('2026-05-01T00:00:00Z'), toMs: Date.parse('2026-05-31T00:00:00Z') });
  });

  it('counts distinct signed-in viewers and pseudonyms, not anonymous visitors', () => {
    expect(distinctViewers(['a', 'b', 'a', 'anonymous', 'p-x', 'anonymous'])).toBe(3);
  });

  it('is exact only when the records are all the counted views', () => {
    expect(exactViewers({ count: 3, viewers: ['a', 'a', 'b'] }, 3)).toBe(2);
    expect(exactViewers({ count: 2, viewers: ['a', 'b'] }, 3)).toBeNull();
    expect(exactViewers(null, 3)).toBeNull();
  });
});
