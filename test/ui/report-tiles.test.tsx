/**
 * The report's tiles on their rendered markup: exact figures plain, sketch figures "about", missing
 * ones "not available", and a change only where the previous period has the figure too.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReportSummary } from '../../src/contracts/report-query';
import { ReportTiles } from '../../static/shared/report/report-tiles';

const summary = (current: Partial<ReportSummary['current']>, previous: Partial<ReportSummary['previous']>): ReportSummary => ({
  range: { from: '2026-10-22', to: '2026-11-20' }, previousRange: { from: '2026-09-22', to: '2026-10-21' }, granularity: 'day', series: [],
  current: { views: 120, anonymousViews: 12, viewers: null, contentViewed: null, ...current },
  previous: { views: 100, anonymousViews: 10, viewers: null, contentViewed: null, ...previous },
});
const tile = (markup: string, label: string) => new RegExp(`aria-label="${label}">(.*?)</div></div>`).exec(markup)?.[1] ?? '';

describe('report tiles', () => {
  it('shows a space report\'s exact viewers and content with their change, and "about" only for estimates', () => {
    const markup = renderToStaticMarkup(<ReportTiles summary={summary(
      { viewers: { value: 1234, exact: true }, contentViewed: { value: 40, exact: false } },
      { viewers: { value: 1000, exact: true }, contentViewed: { value: 50, exact: false } },
    )} />);
    expect(tile(markup, 'Signed-in viewers')).toContain('1,234');
    expect(tile(markup, 'Signed-in viewers')).not.toContain('about');
    expect(tile(markup, 'Signed-in viewers')).toContain('+23% vs previous period');
    expect(tile(markup, 'Pages and blog posts viewed')).toContain('about 40');
    expect(tile(markup, 'Pages and blog posts viewed')).toContain('-20% vs previous period');
  });

  it('says when a figure, or only its previous period, is not available', () => {
    const markup = renderToStaticMarkup(<ReportTiles summary={summary({ viewers: { value: 7, exact: true } }, {})} />);
    expect(tile(markup, 'Signed-in viewers')).toContain('previous period not available');
    expect(tile(markup, 'Pages and blog posts viewed')).toContain('—');
    expect(tile(markup, 'Pages and blog posts viewed')).toContain('not available with these filters');
  });

  it('All time: no comparison with an empty previous period', () => {
    const markup = renderToStaticMarkup(<ReportTiles summary={summary({ viewers: { value: 40, exact: true } }, {})} allTime />);
    expect(markup).not.toContain('new in this period');
    expect(markup).toContain('since the first recorded view');
  });

  it('under Extended privacy, the viewers tile counts viewer-days and says so', () => {
    const markup = renderToStaticMarkup(<ReportTiles summary={summary({ viewers: { value: 40, exact: true } }, {})} viewersCounted="person-days" />);
    expect(markup).toContain('Signed-in viewer-days');
    expect(markup).toContain('a person counts once per day they viewed');
    expect(markup).not.toContain('>Signed-in viewers<');
  });
});
