/** The settings page's Content section: the attachments switch and the inventory's progress in words. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { InventoryStatus } from '@contracts/inventory';
import { settings } from './fixtures';

type Section = typeof import('../../static/settings/src/content-section');
let section: Section;

beforeAll(async () => {
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge: async () => undefined };
  section = await import('../../static/settings/src/content-section');
});

const NOW = Date.parse('2026-11-20T12:00:00Z');
const status = (over: Partial<InventoryStatus>): InventoryStatus => ({ state: 'idle', phase: 'page', processed: 1200, written: 1200, startedAt: NOW - 60_000, completedAt: null, throttledUntil: null, ...over });

describe('Content section', () => {
  it('renders the attachments switch from the draft', () => {
    const markup = renderToStaticMarkup(<section.ContentSection draft={settings({ trackAttachments: false })} onChange={() => undefined} errorsFor={() => []} disabled={false} />);
    const input = markup.match(/<input[^>]*id="track-attachments"[^>]*>/)?.[0];
    expect(input).toContain('type="checkbox"');
    expect(input).not.toContain('checked=""');
    expect(markup).toContain('Run inventory now');
  });
  it('says how far the backfill is, when it last completed, and when Confluence throttles it', () => {
    expect(section.inventoryLine(status({}), NOW)).toContain('Never completed yet.');
    expect(section.inventoryLine(status({ completedAt: NOW - 3_600_000 }), NOW)).toMatch(/Last completed .*ago/);
    const running = section.inventoryLine(status({ state: 'running', phase: 'blogpost', processed: 500, throttledUntil: NOW + 5000 }), NOW);
    expect(running).toContain('500 read so far (now blog posts)');
    expect(running).toContain('slow down');
  });
  it('says how far the month backfill is', () => {
    expect(section.monthRowsLine({ state: 'running', contents: 250, monthsWritten: 1300, completedAt: null }, NOW)).toBe('Period figures of older views: running, 1,300 month rows built from daily rows (250 pages and blog posts checked).');
    expect(section.monthRowsLine({ state: 'idle', contents: 900, monthsWritten: 1300, completedAt: NOW - 3_600_000 }, NOW)).toMatch(/^Period figures of older views: completed .*ago, 1,300 month rows/);
  });
});
