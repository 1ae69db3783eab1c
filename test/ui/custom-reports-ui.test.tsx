/** The custom report's view and definition form, on their rendered markup; its answer guards. */
import { renderToStaticMarkup } from 'react-dom/server';
import { DEFAULT_REPORT, type ReportAnswer } from '@contracts/custom-reports';
import { isReportAnswer } from '../../static/shared/api/custom-report-guards';
import { ReportView, coverageText } from '../../static/shared/custom-reports/report-view';
import { DefinitionForm, definitionProblems } from '../../static/shared/custom-reports/definition-form';
import { csvValue } from '../../static/shared/custom-reports/report-columns';
import { formatDayRange } from '../../static/shared/format/time';

const row = { contentId: '1', title: '=HYPERLINK("x")', spaceKey: 'ENG', contentType: 'page' as const, views: 12, viewers: 3, lastViewedAt: Date.UTC(2026, 10, 20) };
const report: ReportAnswer = {
  state: 'report', config: { ...DEFAULT_REPORT, columns: ['title', 'views'] }, coverage: { included: 1000, total: 5000, capped: true },
  range: { from: '2026-11-01', to: '2026-11-30' }, rows: [row], generatedAt: 1,
};

describe('report view', () => {
  it('shows exactly the configured columns, the range and how much of the content selection was included', () => {
    const markup = renderToStaticMarkup(<ReportView answer={report} title="Top" />);
    expect(markup).toContain('>Title<');
    expect(markup).toContain('>Views<');
    expect(markup).not.toContain('Last viewed');
    expect(markup).toContain('Included 1,000 of 5,000 items in scope');
    expect(markup).toContain(`${formatDayRange('2026-11-01', '2026-11-30')} (UTC days)`);
    expect(markup).toContain('Export CSV');
  });

  it('shows the space\'s name, not its key', () => {
    const markup = renderToStaticMarkup(<ReportView answer={{ ...report, config: { ...DEFAULT_REPORT, columns: ['title', 'space'] }, rows: [{ ...row, spaceName: 'Engineering' }] }} title="Top" />);
    expect(markup).toContain('>Engineering<');
    expect(markup).not.toContain('>ENG<');
  });

  it('says when the list is partial ("Showing 1 of 51"), and says nothing when every match is shown', () => {
    expect(renderToStaticMarkup(<ReportView answer={{ ...report, matched: 51 }} title="Top" />)).toContain('Showing 1 of 51');
    expect(renderToStaticMarkup(<ReportView answer={{ ...report, matched: 1 }} title="Top" />)).not.toContain('Showing');
    expect(isReportAnswer({ ...report, matched: 51 })).toBe(true);
  });

  it('shows a notice, never a table, when the report is switched off or not available', () => {
    const notice = renderToStaticMarkup(<ReportView answer={{ state: 'notice', reason: 'switched-off', message: 'Switched off.', config: DEFAULT_REPORT }} title="T" />);
    expect(notice).toContain('Switched off.');
    expect(notice).not.toContain('<table');
    const unavailable = renderToStaticMarkup(<ReportView answer={{ state: 'unavailable', message: 'Not per page.', config: DEFAULT_REPORT, coverage: { included: 3, total: 3, capped: false } }} title="T" />);
    expect(unavailable).toContain('Not per page.');
    expect(unavailable).toContain('3 items in scope');
  });

  it('top readers: a table of names and views, the basis notes, and no table when names are hidden', () => {
    const readers: ReportAnswer = { ...report, config: { ...DEFAULT_REPORT, what: 'top-readers' }, rows: [], readers: [{ name: 'Ann Lee', views: 7 }, { name: 'Former user', views: 2 }], notes: ['Based on the most recent views only: the 9 views after 2026-11-20 10:00 (UTC).'] };
    const markup = renderToStaticMarkup(<ReportView answer={readers} title="Readers" />);
    expect(markup).toContain('>Reader<');
    expect(markup).toContain('Ann Lee');
    expect(markup).toContain('>7<');
    expect(markup).toContain('Based on the most recent views only');
    expect(markup).toContain('Export CSV');
    expect(isReportAnswer(readers)).toBe(true);
    const hidden = renderToStaticMarkup(<ReportView answer={{ ...readers, readers: [], notes: [], peopleHidden: 'Extended privacy is on.' }} title="Readers" />);
    expect(hidden).toContain('Extended privacy is on.');
    expect(hidden).not.toContain('<table');
  });

  it('coverage text and CSV values', () => {
    expect(coverageText({ included: 200, total: 200, capped: true })).toBe('Included the first 200 items in scope');
    expect(coverageText({ included: 1, total: 1, capped: false })).toBe('1 item in scope');
    expect(csvValue('views', row)).toBe(12);
    expect(csvValue('last-viewed', row)).toBe('2026-11-20T00:00:00.000Z');
    expect(csvValue('last-viewed', { ...row, lastViewedAt: null })).toBe('');
  });

  it('guards accept the backend\'s answers and refuse others', () => {
    expect(isReportAnswer(report)).toBe(true);
    expect(isReportAnswer({ ...report, rows: [{ ...row, views: '12' }] })).toBe(false);
    expect(isReportAnswer({ ...report, config: { ...DEFAULT_REPORT, what: 'everything' } })).toBe(false);
  });
});

describe('definition form', () => {
  it('names what the server would refuse', () => {
    expect(definitionProblems(DEFAULT_REPORT)).toEqual({});
    expect(Object.keys(definitionProblems({ ...DEFAULT_REPORT, rows: 0, columns: [], scope: { kind: 'label', label: 'two words' }, range: { kind: 'last-days', days: 400 } })).sort())
      .toEqual(['columns', 'range', 'rows', 'scope']);
    expect(definitionProblems({ ...DEFAULT_REPORT, scope: { kind: 'spaces', spaceKeys: [] } })).toHaveProperty('scope');
  });

  it('offers only the content selections given (saved reports stay in their space)', () => {
    const markup = renderToStaticMarkup(<DefinitionForm value={DEFAULT_REPORT} onChange={() => undefined} selectionKinds={['this-space', 'label']} />);
    expect(markup).toContain('Content with a label');
    expect(markup).not.toContain('Chosen spaces');
    expect(markup).toContain('Not viewed in the range');
  });
});
