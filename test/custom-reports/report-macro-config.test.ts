import { DEFAULT_REPORT, parseReportDefinition, parseStoredMacroConfig, resolveReportRange } from '../../src/custom-reports/rules/report-macro-config';
import { selectionCql } from '../../src/access/rules/content-selection';
import { applySave, parseStoredReports } from '../../src/custom-reports/rules/saved-report';
import { mayManageSavedReports, mayViewReportMacro } from '../../src/access/rules/access-policy';
import { DEFAULT_SETTINGS } from '../../src/settings/rules/settings';

describe('report definitions', () => {
  it('accept a full definition and name every bad field', () => {
    expect(parseReportDefinition(DEFAULT_REPORT)).toEqual({ ok: true, value: DEFAULT_REPORT });
    const bad = parseReportDefinition({ ...DEFAULT_REPORT, rows: 0, columns: [], scope: { kind: 'label', label: 'a "b"' }, range: { kind: 'custom', from: '2026-02-01', to: '2026-01-01' }, extra: true });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.fieldErrors).sort()).toEqual(['(root)', 'columns', 'range.to', 'rows', 'scope.label'].sort());
  });

  it('stored configs never fail: version 1 configs upgrade, damaged fields fall back to defaults', () => {
    expect(parseStoredMacroConfig(undefined)).toEqual({ config: DEFAULT_REPORT, reset: [] });
    expect(parseStoredMacroConfig({ report: 'stale', scope: 'label', label: 'How-To', days: '14', limit: '5', type: 'page' }).config).toEqual({
      ...DEFAULT_REPORT, what: 'least-viewed', scope: { kind: 'label', label: 'how-to' }, range: { kind: 'last-days', days: 14 }, rows: 5, contentType: 'page',
    });
    expect(parseStoredMacroConfig({ report: 'top', scope: 'spaces', spaces: 'ENG, HR' }).config.scope).toEqual({ kind: 'spaces', spaceKeys: ['ENG', 'HR'] });
    const damaged = parseStoredMacroConfig({ ...DEFAULT_REPORT, rows: 10_000, what: 'everything', unknown: 1 });
    expect(damaged).toEqual({ config: DEFAULT_REPORT, reset: ['what', 'rows'] });
  });

  it('ranges resolve to UTC days', () => {
    expect(resolveReportRange({ kind: 'last-days', days: 7 }, '2026-11-20')).toEqual({ from: '2026-11-14', to: '2026-11-20', days: 7 });
    expect(resolveReportRange({ kind: 'preset', preset: '30d' }, '2026-11-20')).toMatchObject({ from: '2026-10-22', to: '2026-11-20' });
    expect(resolveReportRange({ kind: 'custom', from: '2026-11-01', to: '2026-12-31' }, '2026-11-20')).toMatchObject({ from: '2026-11-01', to: '2026-11-20' });
  });
});

describe('content selection CQL', () => {
  it('builds one query per content selection, with the content type', () => {
    expect(selectionCql({ kind: 'this-space' }, 'all', 'ENG')).toBe('space in ("ENG") and type in (page,blogpost)');
    expect(selectionCql({ kind: 'spaces', spaceKeys: ['A', 'B'] }, 'page', 'ENG')).toBe('space in ("A","B") and type = page');
    expect(selectionCql({ kind: 'label', label: 'how-to' }, 'blogpost', 'ENG')).toBe('label = "how-to" and type = blogpost');
    expect(selectionCql({ kind: 'page-tree', pageId: '42' }, 'all', 'ENG')).toBe('(id = 42 or ancestor = 42) and type in (page,blogpost)');
  });
});

describe('saved reports (pure)', () => {
  const input = { name: 'Top', definition: DEFAULT_REPORT };
  it('appends, updates in place, refuses duplicates and a full space', () => {
    const first = applySave([], input, 'ENG', 'me', 1, 'aaaaaaaa');
    expect(first).toMatchObject({ ok: true, saved: { id: 'aaaaaaaa', createdBy: 'me', createdAt: 1 } });
    const reports = first.ok ? first.reports : [];
    expect(applySave(reports, { ...input, id: 'aaaaaaaa', name: 'Renamed' }, 'ENG', 'you', 2, 'bbbbbbbb')).toMatchObject({ ok: true, saved: { id: 'aaaaaaaa', name: 'Renamed', createdBy: 'me', updatedAt: 2 } });
    expect(applySave(reports, { ...input, name: 'TOP' }, 'ENG', 'me', 2, 'cccccccc')).toMatchObject({ ok: false, code: 'invalid-input' });
    expect(applySave(reports, { ...input, id: 'zzzzzzzz', name: 'Gone' }, 'ENG', 'me', 2, 'cccccccc')).toMatchObject({ ok: false, code: 'not-found' });
    const full = Array.from({ length: 20 }, (_, i) => ({ ...reports[0]!, id: `id${i}xxxxxx`, name: `n${i}` }));
    expect(applySave(full, { ...input, name: 'new' }, 'ENG', 'me', 2, 'dddddddd')).toMatchObject({ ok: false, message: expect.stringMatching(/at most 20/) });
  });

  it('stored lists drop damaged entries and upgrade old definitions', () => {
    expect(parseStoredReports([{ id: 'x', spaceKey: 'E', name: 'n', definition: { report: 'stale' }, createdBy: 'a', createdAt: 1, updatedAt: 1 }, { id: 3 }, null])).toEqual([
      expect.objectContaining({ id: 'x', definition: { ...DEFAULT_REPORT, what: 'least-viewed' } }),
    ]);
    expect(parseStoredReports('nope')).toEqual([]);
  });
});

describe('access rules for Custom Reports', () => {
  const signedIn = { signedIn: true, licensed: true, siteAdmin: false, inReportGroup: false, inViewerNamesGroup: false };
  const anonymous = { ...signedIn, signedIn: false, licensed: false };
  it('the switch and anonymous visitors', () => {
    expect(mayViewReportMacro(DEFAULT_SETTINGS, signedIn)).toEqual({ open: false, reason: 'switched-off' });
    const on = { ...DEFAULT_SETTINGS, customReports: true };
    expect(mayViewReportMacro(on, signedIn)).toEqual({ open: true });
    expect(mayViewReportMacro(on, anonymous)).toEqual({ open: false, reason: 'anonymous-not-allowed' });
    expect(mayViewReportMacro({ ...on, reportMacroAnonymous: true }, anonymous)).toEqual({ open: true });
  });
  it('saved reports are managed by the space\'s admins and site admins', () => {
    expect(mayManageSavedReports(signedIn, { spaceAdmin: false, spaceViewer: true })).toBe(false);
    expect(mayManageSavedReports(signedIn, { spaceAdmin: true, spaceViewer: true })).toBe(true);
    expect(mayManageSavedReports({ ...signedIn, siteAdmin: true }, { spaceAdmin: false, spaceViewer: false })).toBe(true);
  });
});
