/** The settings page's platform self-check: idle, running, failed and done states, each answer next to the assumption. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { SelfCheckReport } from '@contracts/self-check';

let ui: typeof import('../../static/settings/src/self-check-section');
beforeAll(async () => {
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge: async () => undefined };
  ui = await import('../../static/settings/src/self-check-section');
});

const report: SelfCheckReport = {
  ranAt: Date.UTC(2026, 11, 7, 12),
  items: [
    { area: 'storage', name: 'KVS transaction with a failing condition', scopes: ['storage:app'], assumption: 'status 409', observed: 'ForgeKvsAPIError status 409', verdict: 'as-assumed' },
    { area: 'confluence', name: 'GET /wiki/rest/api/content/search (as you)', scopes: ['search:confluence'], assumption: 'HTTP 200', observed: 'HTTP 401 (a missing scope or permission)', verdict: 'differs' },
  ],
};
const render = (state: import('../../static/settings/src/self-check-section').SelfCheckState) => renderToStaticMarkup(<ui.SelfCheckView state={state} onRun={() => undefined} />);

describe('platform self-check section', () => {
  it('starts idle with a button and no results', () => {
    const markup = render({ kind: 'idle' });
    expect(markup).toContain('Run self-check');
    expect(markup).not.toContain('<table');
  });

  it('says it is running', () => {
    expect(render({ kind: 'running' })).toContain('Running the self-check');
  });

  it('shows an error with a retry', () => {
    const markup = render({ kind: 'failed', error: { code: 'forbidden', message: 'Only Confluence administrators can view or change Viewtracker settings.' } });
    expect(markup).toContain('The self-check could not run');
    expect(markup).toContain('Try again');
  });

  it('lists each answer next to the assumption, with its scope, and counts what differs', () => {
    const markup = render({ kind: 'done', report });
    expect(markup).toContain('1 of 2 answers differ');
    expect(markup).toContain('<code>GET /wiki/rest/api/content/search (as you)</code>');
    expect(markup).toContain('Scope: search:confluence');
    expect(markup).toContain('vt-lozenge--removed');
    expect(markup).toContain('vt-lozenge--success');
    expect(markup).toContain('HTTP 401 (a missing scope or permission)');
    expect(markup).toContain('Run again');
  });
});
