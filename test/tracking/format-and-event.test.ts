import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compactNumber, formatViewCount } from '../../src/page-statistics/byline/format-count';
import { parseViewedEvent } from '../../src/tracking/rules/product-event';

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8'));

describe('formatViewCount', () => {
  it.each([
    [0, '0 views'], [1, '1 view'], [128, '128 views'], [999, '999 views'], [1000, '1K views'],
    [12_345, '12.3K views'], [99_999, '99.9K views'], [123_456, '123K views'], [4_560_000, '4.5M views'], [2e9, '2B views'],
  ])('%d → %s', (views, title) => {
    expect(formatViewCount(views)).toBe(title);
  });
  it('never rounds up into a bigger unit', () => {
    expect(compactNumber(999_999)).toBe('999K');
  });
});

describe('parseViewedEvent', () => {
  it('maps a signed-in page view from Forge', () => {
    const parsed = parseViewedEvent(fixture('viewed-page.json'));
    expect(parsed).toEqual({ ok: true, value: {
      contentId: '838205441', contentType: 'page', spaceKey: 'HR', title: 'Onboarding checklist',
      viewer: { kind: 'user', accountId: '5be24ad8b1653240376955d2' }, at: Date.parse('2026-11-20T09:14:03.512Z'), source: 'desktop',
    } });
  });

  it('maps an anonymous blog post view (no atlassianId)', () => {
    const parsed = parseViewedEvent(fixture('viewed-blogpost-anonymous.json'));
    expect(parsed.ok && parsed.value.viewer).toEqual({ kind: 'anonymous' });
    expect(parsed.ok && parsed.value.contentType).toBe('blogpost');
  });

  it.each([
    ['not an object', 'hello'],
    ['another event type', { ...(fixture('viewed-page.json') as object), eventType: 'avi:confluence:created:page' }],
    ['a bad date', { ...(fixture('viewed-page.json') as object), eventCreatedDate: 'yesterday' }],
    ['no content', { eventType: 'avi:confluence:viewed:page', eventCreatedDate: '2026-11-20T09:14:03.512Z' }],
  ])('rejects %s', (_name, raw) => {
    expect(parseViewedEvent(raw).ok).toBe(false);
  });
});
