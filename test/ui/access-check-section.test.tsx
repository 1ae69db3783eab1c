/** The settings page's Access check section: what it says before a check, and how batches add up. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { AccessCheckResult } from '@contracts/access-check';

type Section = typeof import('../../static/settings/src/access-check-section');
let section: Section;

beforeAll(async () => {
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge: async () => undefined };
  section = await import('../../static/settings/src/access-check-section');
});

const answer = (over: Partial<AccessCheckResult>): AccessCheckResult => ({
  spaces: [], checked: 5, nextCursor: null, inventoryUnseen: null, inventoryCheckedAt: null, appName: 'Viewtracker', ...over,
});

describe('Access check section', () => {
  it('explains the cost and how to grant access, and offers to run the check (nothing is asked on load)', () => {
    const markup = renderToStaticMarkup(<section.AccessCheckSection />);
    expect(markup).toContain('Run access check');
    expect(markup).toContain('no view events');
    expect(markup).toContain('not in the content inventory');
    expect(markup).toContain('Space settings → Permissions');
    expect(markup).toContain('Can view');
  });

  it('adds batches up and keeps the latest cursor and inventory figure', () => {
    const first = section.mergeFindings(null, answer({ spaces: [{ key: 'HR', name: 'People', spaceHidden: false, hiddenContent: 4, capped: false }], nextCursor: 'c1' }));
    const both = section.mergeFindings(first, answer({ spaces: [{ key: 'LEGAL', name: 'Legal', spaceHidden: true, hiddenContent: 1000, capped: true }], checked: 2, inventoryUnseen: 7 }));
    expect(both).toMatchObject({ checked: 7, nextCursor: null, inventoryUnseen: 7 });
    expect(both.spaces.map((space) => space.key)).toEqual(['HR', 'LEGAL']);
  });

  it('says whether a whole space or some restricted content is out of the app\'s sight, and when a count is a lower bound', () => {
    expect(section.hiddenLine({ key: 'HR', name: 'People', spaceHidden: false, hiddenContent: 4, capped: false })).toBe('4 restricted pages and blog posts');
    expect(section.hiddenLine({ key: 'LEGAL', name: 'Legal', spaceHidden: true, hiddenContent: 2000, capped: true })).toBe('Whole space (2,000+ pages and blog posts)');
  });
});
