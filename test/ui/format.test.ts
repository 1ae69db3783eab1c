import { bucketLabel } from '../../static/shared/format/buckets';
import { formatDuration, plural } from '../../static/shared/format/duration';
import { parseWholeNumber } from '../../static/shared/format/number';
import { formatDay, formatDayRange, formatNumber, formatRelativeTime } from '../../static/shared/format/time';

describe('formatDuration', () => {
  it.each([
    [0, 'no delay'],
    [1, '1 millisecond'],
    [250, '250 milliseconds'],
    [1000, '1 second'],
    [1500, '1.5 seconds'],
    [5000, '5 seconds'],
    [60_000, '1 minute'],
    [90_000, '1 minute 30 seconds'],
    [3_600_000, '1 hour'],
    [3_723_000, '1 hour 2 minutes'],
    [86_400_000, '1 day'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('says nothing for values that are not durations', () => {
    expect(formatDuration(-1)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
  });

  it('pluralises', () => {
    expect(plural(1, 'change')).toBe('1 change');
    expect(plural(3, 'change')).toBe('3 changes');
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2026, 10, 25, 12, 0, 0);
  it.each([
    [now - 10_000, 'just now'],
    [now - 5 * 60_000, '5 minutes ago'],
    [now - 3 * 3_600_000, '3 hours ago'],
    [now - 26 * 3_600_000, 'yesterday'],
    [now - 3 * 86_400_000, '3 days ago'],
    [now - 14 * 86_400_000, '2 weeks ago'],
    [now - 60 * 86_400_000, '2 months ago'],
  ])('%d reads "%s"', (at, text) => {
    expect(formatRelativeTime(at, now, 'en')).toBe(text);
  });

  it('gives the date itself after a year', () => {
    expect(formatRelativeTime(Date.UTC(2024, 0, 15, 12), now, 'en')).toBe('Jan 15, 2024');
  });
});

describe('numbers', () => {
  it('groups digits by locale', () => {
    expect(formatNumber(1284, 'en')).toBe('1,284');
  });

  it('parses whole numbers as typed, and anything else as NaN', () => {
    expect(parseWholeNumber('5000')).toBe(5000);
    expect(parseWholeNumber(' 86,400,000 ')).toBe(86_400_000);
    expect(parseWholeNumber('-3')).toBe(-3);
    for (const text of ['', '12a', '1.5', '1e3', 'five']) expect(parseWholeNumber(text)).toBeNaN();
  });
});

describe('formatDay (the one screen format for UTC days)', () => {
  it('shows a UTC day in the reader\'s locale, without shifting it into their time zone', () => {
    expect(formatDay('2026-12-07', 'en-GB')).toBe('7 Dec 2026');
    expect(formatDay('2026-12-07', 'en-US')).toBe('Dec 7, 2026');
    expect(formatDay('2026-12-07', 'de-DE')).toBe('07.12.2026');
  });

  it('takes a moment as its UTC day (23:30 UTC stays that day)', () => {
    expect(formatDay(Date.UTC(2026, 11, 7, 23, 30), 'en-GB')).toBe('7 Dec 2026');
    expect(formatDay(Date.UTC(2026, 11, 8, 0, 30), 'en-GB')).toBe('8 Dec 2026');
  });

  it('leaves anything that is not a day unchanged', () => {
    expect(formatDay('', 'en-GB')).toBe('');
    expect(formatDay('never', 'en-GB')).toBe('never');
  });

  it('says a range once, one day when both ends agree', () => {
    expect(formatDayRange('2026-12-01', '2026-12-07', 'en-GB')).toBe('1 Dec 2026 – 7 Dec 2026');
    expect(formatDayRange('2026-12-07', '2026-12-07', 'en-GB')).toBe('7 Dec 2026');
  });
});

describe('chart bucket labels use the same formatter', () => {
  it('names days, weeks and months in the reader\'s format', () => {
    expect(bucketLabel({ start: '2026-03-02', end: '2026-03-02', values: {} }, 'day', 'en-GB')).toBe('2 Mar 2026');
    expect(bucketLabel({ start: '2026-03-02', end: '2026-03-08', values: {} }, 'week', 'en-GB')).toBe('2 Mar 2026 – 8 Mar 2026');
    expect(bucketLabel({ start: '2026-03-01', end: '2026-03-31', values: {} }, 'month', 'en-GB')).toBe('Mar 2026');
  });
});
