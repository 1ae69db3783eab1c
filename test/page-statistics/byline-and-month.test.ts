import { decideBylineCount, READ_EVIDENCE_MS } from '../../src/access/rules/access-policy';
import { applyMonthChanges, countedDays, daysInMonth, monthChanges } from '../../src/core/model/content-month';
import type { ViewerContentRow } from '../../src/core/model/rows';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const facts = { signedIn: true, viewedAt: 0, cachedPermission: undefined, now: NOW };

describe('decideBylineCount', () => {
  it('shows anonymous callers a count only where Confluence answered that anonymous visitors may read the content', () => {
    expect(decideBylineCount({ ...facts, signedIn: false, anonymousReadable: true })).toBe('show');
    expect(decideBylineCount({ ...facts, signedIn: false, anonymousReadable: false })).toBe('hide');
    expect(decideBylineCount({ ...facts, signedIn: false })).toBe('hide');
    // The caller's own "view" means nothing for an anonymous caller (they share one identity).
    expect(decideBylineCount({ ...facts, signedIn: false, viewedAt: NOW - 1000, cachedPermission: true })).toBe('hide');
  });

  it('uses the caller’s own recent view, then a cached answer, then asks Confluence', () => {
    expect(decideBylineCount({ ...facts, viewedAt: NOW - 60_000 })).toBe('show');
    expect(decideBylineCount({ ...facts, viewedAt: NOW - READ_EVIDENCE_MS - 1 })).toBe('ask-confluence');
    expect(decideBylineCount({ ...facts, cachedPermission: false })).toBe('hide');
    expect(decideBylineCount({ ...facts, cachedPermission: true })).toBe('show');
    expect(decideBylineCount(facts)).toBe('ask-confluence');
  });
});

describe('content-month rows', () => {
  const at = (iso: string) => Date.parse(iso);
  const row = (over: Partial<ViewerContentRow>): ViewerContentRow => ({
    contentId: '1', spaceKey: 'S', viewer: 'u', firstAt: at('2026-09-01T10:00:00Z'), lastAt: at('2026-09-01T10:00:00Z'), views: 1,
    recent: { anchor: null, times: [at('2026-09-01T10:00:00Z')] }, version: 1, days: { '2026-09-01': 1 }, ...over,
  });

  it('keeps counted views of the latest three days', () => {
    expect(countedDays({ '2026-11-17': 1, '2026-11-18': 2, '2026-11-19': 1 }, [at('2026-11-20T01:00:00Z')], [])).toEqual({ '2026-11-18': 2, '2026-11-19': 1, '2026-11-20': 1 });
    expect(countedDays({ '2026-11-19': 1 }, [], [at('2026-11-19T01:00:00Z')])).toEqual({});
  });

  it('a returning viewer adds a viewer to the new day and moves their latest view across months', () => {
    const after = row({ lastAt: at('2026-11-20T12:00:00Z'), days: { '2026-09-01': 1, '2026-11-20': 1 } });
    const changes = monthChanges({ added: [at('2026-11-20T12:00:00Z')], removed: [], source: 'desktop', anonymous: false, before: row({}), after, blockingTimeMs: 5000 });
    expect(changes).toEqual(expect.arrayContaining([
      { day: '2026-11-20', field: 'views', delta: 1, source: 'desktop', anonymous: false },
      { day: '2026-11-20', field: 'viewers', delta: 1 },
      { day: '2026-09-01', field: 'lastViewers', delta: -1 },
      { day: '2026-11-20', field: 'lastViewers', delta: 1 },
    ]));
    const rows = applyMonthChanges(changes, new Map(), '1', 'S');
    expect(rows.map((r) => r.row.month).sort()).toEqual(['2026-09', '2026-11']);
    const november = rows.find((r) => r.row.month === '2026-11')!.row;
    expect(november.views).toHaveLength(daysInMonth('2026-11'));
    expect([november.views[19], november.viewers[19], november.lastViewers[19], november.sources.desktop?.[19]]).toEqual([1, 1, 1, 1]);
  });

  it('a second view on the same day adds no viewer; anonymous views add none either', () => {
    const before = row({ lastAt: at('2026-11-20T09:00:00Z'), recent: { anchor: null, times: [at('2026-11-20T09:00:00Z')] }, days: { '2026-11-20': 1 } });
    const after = row({ lastAt: at('2026-11-20T12:00:00Z'), days: { '2026-11-20': 2 } });
    expect(monthChanges({ added: [at('2026-11-20T12:00:00Z')], removed: [], source: 'desktop', anonymous: false, before, after, blockingTimeMs: 5000 }).map((c) => c.field)).toEqual(['views']);
    expect(monthChanges({ added: [at('2026-11-20T12:00:00Z')], removed: [], source: 'desktop', anonymous: true, before: undefined, after: null, blockingTimeMs: 5000 }).map((c) => c.field)).toEqual(['views', 'anonymousViews']);
  });
});
