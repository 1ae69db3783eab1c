/** The settings page's list of recent view API requests: where an integrator's field errors and per-view outcomes appear. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { ViewApiRequestRecord } from '@contracts/resolvers';

let ui: typeof import('../../static/settings/src/view-api-requests');
beforeAll(async () => {
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge: async () => undefined };
  ui = await import('../../static/settings/src/view-api-requests');
});

const accepted: ViewApiRequestRecord = {
  at: Date.now() - 60_000, outcome: 'accepted', views: 3, fieldErrors: {}, message: null,
  results: [
    { index: 0, contentId: '101', outcome: 'counted' },
    { index: 1, contentId: '101', outcome: 'duplicate' },
    { index: 2, contentId: '102', outcome: 'counted' },
  ],
};

describe('recent view API requests', () => {
  it('summarises the outcomes of a request and lists each view', () => {
    expect(ui.summarizeOutcomes(accepted.results)).toBe('2 counted, 1 duplicate');
    const markup = renderToStaticMarkup(<ui.RequestItem request={accepted} />);
    expect(markup).toContain('3 views (2 counted, 1 duplicate)');
    expect(markup).toContain('View 1 (content <code>101</code>): duplicate');
  });

  it('shows the field errors of a refused request', () => {
    const refused: ViewApiRequestRecord = { ...accepted, outcome: 'invalid', results: [], fieldErrors: { 'views.1.at': 'Not a valid time' }, message: 'views.1.at: Not a valid time' };
    const markup = renderToStaticMarkup(<ui.RequestItem request={refused} />);
    expect(markup).toContain('vt-lozenge--removed');
    expect(markup).toContain('<code>views.1.at</code>: Not a valid time');
    expect(markup).not.toContain('Outcome per view');
  });
});
