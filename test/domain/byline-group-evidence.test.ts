import { decideBylineCount } from '../../src/domain/access-policy';
import {
  chooseGroupToAsk, EMPTY_GROUP_ANSWERS, GROUP_ANSWER_MS, groupReads, MAX_GROUP_ANSWERS, withGroupAnswer,
} from '../../src/domain/byline-group-evidence';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const facts = { signedIn: true, anonymousLastAt: 0, viewedAt: 0, cachedPermission: undefined, now: NOW };

describe('decideBylineCount with group evidence', () => {
  it('shows the count when one of the caller’s groups is known to read the content', () => {
    expect(decideBylineCount({ ...facts, groupReads: true })).toBe('show');
    expect(decideBylineCount({ ...facts, groupReads: false })).toBe('ask-confluence');
  });

  it('never lets group evidence show a count to an anonymous caller, nor override a cached "no"', () => {
    expect(decideBylineCount({ ...facts, signedIn: false, groupReads: true })).toBe('hide');
    expect(decideBylineCount({ ...facts, cachedPermission: false, groupReads: true })).toBe('hide');
  });
});

describe('group answers of one content', () => {
  it('counts only fresh "reads" answers for the caller’s own groups', () => {
    const answers = { readers: { a: NOW - 1000, old: NOW - GROUP_ANSWER_MS }, nonReaders: { b: NOW - 1000 } };
    expect(groupReads(['a', 'x'], answers, NOW)).toBe(true);
    expect(groupReads(['b'], answers, NOW)).toBe(false);
    expect(groupReads(['old'], answers, NOW)).toBe(false);
    expect(groupReads([], answers, NOW)).toBe(false);
    // An answer "from the future" (clock skew) is not trusted.
    expect(groupReads(['f'], { readers: { f: NOW + 60_000 }, nonReaders: {} }, NOW)).toBe(false);
  });

  it('asks about the caller’s group most callers share, skipping groups already answered', () => {
    const popularity = new Map([['users', 50], ['hr', 5]]);
    expect(chooseGroupToAsk(['hr', 'users'], EMPTY_GROUP_ANSWERS, popularity, NOW)).toBe('users');
    expect(chooseGroupToAsk(['hr', 'users'], { readers: {}, nonReaders: { users: NOW - 1000 } }, popularity, NOW)).toBe('hr');
    expect(chooseGroupToAsk(['users'], { readers: {}, nonReaders: { users: NOW - 1000 } }, popularity, NOW)).toBeNull();
    expect(chooseGroupToAsk(['users'], { readers: {}, nonReaders: { users: NOW - GROUP_ANSWER_MS } }, popularity, NOW)).toBe('users');
    expect(chooseGroupToAsk([], EMPTY_GROUP_ANSWERS, popularity, NOW)).toBeNull();
    // Nothing learned yet: a stable choice (smallest id).
    expect(chooseGroupToAsk(['z', 'b', 'm'], EMPTY_GROUP_ANSWERS, new Map(), NOW)).toBe('b');
  });

  it('records an answer, replacing the group’s older one, dropping stale ones and keeping the row bounded', () => {
    const before = { readers: { a: NOW - 5000, stale: NOW - GROUP_ANSWER_MS - 1 }, nonReaders: { b: NOW - 4000 } };
    expect(withGroupAnswer(before, 'a', false, NOW)).toEqual({ readers: {}, nonReaders: { a: NOW, b: NOW - 4000 } });
    expect(withGroupAnswer(before, 'c', true, NOW)).toEqual({ readers: { a: NOW - 5000, c: NOW }, nonReaders: { b: NOW - 4000 } });
    let answers = EMPTY_GROUP_ANSWERS;
    for (let i = 0; i < MAX_GROUP_ANSWERS + 5; i += 1) answers = withGroupAnswer(answers, `g${i}`, i % 2 === 0, NOW - 1000 + i);
    const kept = [...Object.keys(answers.readers), ...Object.keys(answers.nonReaders)];
    expect(kept).toHaveLength(MAX_GROUP_ANSWERS);
    expect(kept).toContain(`g${MAX_GROUP_ANSWERS + 4}`);
    expect(kept).not.toContain('g0');
  });
});
