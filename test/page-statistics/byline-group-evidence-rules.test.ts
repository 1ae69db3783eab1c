import { decideBylineCount } from '../../src/access/rules/access-policy';
import {
  answerStands, chooseGroupToAsk, EMPTY_GROUP_ANSWERS, GROUP_ANSWER_MS, groupReads, MAX_GROUP_ANSWERS, withGroupAnswer,
} from '../../src/page-statistics/byline/byline-group-evidence';
import { parsePermissionsUpdatedEvent } from '../../src/lifecycle/rules/permission-event';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const facts = { signedIn: true, viewedAt: 0, cachedPermission: undefined, now: NOW };

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

describe('answers and the permission changes the app hears of', () => {
  it('lets an answer stand only if it was asked strictly after the last change, for 12 hours at most', () => {
    const changedAt = NOW - 60_000;
    expect(answerStands(NOW - 30_000, NOW, changedAt)).toBe(true);
    expect(answerStands(changedAt, NOW, changedAt)).toBe(false);
    expect(answerStands(NOW - 90_000, NOW, changedAt)).toBe(false);
    expect(answerStands(NOW - GROUP_ANSWER_MS + 1, NOW, 0)).toBe(true);
    expect(answerStands(NOW - GROUP_ANSWER_MS, NOW, 0)).toBe(false);
    expect(answerStands(undefined, NOW, 0)).toBe(false);
    expect(GROUP_ANSWER_MS).toBe(12 * 3_600_000);
  });

  it('ends group answers given before a change: they neither show a count nor spare a question', () => {
    const answers = { readers: { users: NOW - 5000 }, nonReaders: { hr: NOW - 5000 } };
    expect(groupReads(['users'], answers, NOW, NOW - 10_000)).toBe(true);
    expect(groupReads(['users'], answers, NOW, NOW - 1000)).toBe(false);
    expect(chooseGroupToAsk(['users', 'hr'], answers, new Map(), NOW, NOW - 10_000)).toBeNull();
    expect(chooseGroupToAsk(['users', 'hr'], answers, new Map([['users', 9]]), NOW, NOW - 1000)).toBe('users');
    // Recording a new answer drops the ended ones.
    expect(withGroupAnswer(answers, 'users', false, NOW, NOW - 1000)).toEqual({ readers: {}, nonReaders: { users: NOW } });
  });

  it('reads a restriction change of a page or blog post, and nothing else', () => {
    const event = (eventType: string, content: unknown) => parsePermissionsUpdatedEvent({ eventType, eventCreatedDate: '2026-11-20T12:00:00Z', content });
    expect(event('avi:confluence:permissions_updated:page', { id: '42', type: 'page', title: 'x' })).toEqual({ ok: true, value: { contentId: '42', contentType: 'page' } });
    expect(event('avi:confluence:permissions_updated:blogpost', { id: 7, type: 'blogpost' })).toEqual({ ok: true, value: { contentId: '7', contentType: 'blogpost' } });
    expect(event('avi:confluence:permissions_updated:space:V2', { id: '42', type: 'page' }).ok).toBe(false);
    expect(event('avi:confluence:updated:page', { id: '42', type: 'page' }).ok).toBe(false);
    expect(event('avi:confluence:permissions_updated:page', { id: '../42', type: 'page' }).ok).toBe(false);
  });
});
