/** The settings sections as an admin meets them; they reach the bridge, so a fake one is installed first. */
import { renderToStaticMarkup } from 'react-dom/server';
import type { Settings } from '@contracts/settings';
import type { FieldKey } from '../../static/settings/src/field-errors';
import { settings } from './fixtures';

type Sections = typeof import('../../static/settings/src/auto-tracking-section') &
  typeof import('../../static/settings/src/privacy-section') &
  typeof import('../../static/settings/src/general-section') &
  typeof import('../../static/settings/src/audit-section');
let sections: Sections;

beforeAll(async () => {
  (globalThis as { __bridge?: unknown }).__bridge = { callBridge: async () => undefined };
  sections = {
    ...(await import('../../static/settings/src/auto-tracking-section')),
    ...(await import('../../static/settings/src/privacy-section')),
    ...(await import('../../static/settings/src/general-section')),
    ...(await import('../../static/settings/src/audit-section')),
  };
});

function props(draft: Settings, errors: Partial<Record<FieldKey, string[]>> = {}) {
  return { draft, onChange: () => undefined, errorsFor: (field: FieldKey) => errors[field] ?? [], disabled: false };
}

function switchMarkup(markup: string, id: string): string {
  return markup.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0] ?? '';
}

describe('Auto Tracking section', () => {
  const reason = 'Linchpin is not installed';

  it('disables a channel the platform cannot observe and says why', () => {
    const markup = renderToStaticMarkup(<sections.AutoTrackingSection {...props(settings())} unavailable={[{ channel: 'linchpin', reason }]} />);
    expect(switchMarkup(markup, 'auto-tracking-linchpin')).toContain('disabled');
    expect(switchMarkup(markup, 'auto-tracking-desktop')).not.toContain('disabled');
    expect(markup).toContain(`Not available: ${reason}`);
  });

  it('lets an unobservable channel that is still on be switched off, and explains the save error', () => {
    const draft = settings({ autoTracking: { ...settings().autoTracking, linchpin: true } });
    const markup = renderToStaticMarkup(
      <sections.AutoTrackingSection {...props(draft, { 'autoTracking.linchpin': [reason] })} unavailable={[{ channel: 'linchpin', reason }]} />,
    );
    expect(switchMarkup(markup, 'auto-tracking-linchpin')).not.toContain('disabled');
    expect(markup).toContain('Switch this off to save');
  });
});

describe('Data privacy section', () => {
  const privacy = (mode: Settings['privacy']['mode']) => settings({ privacy: { mode, viewerNamesGroup: null, viewerListAudience: 'readers', retentionDays: 90 } });

  it('warns that Extended privacy cannot be undone for views recorded under it', () => {
    const markup = renderToStaticMarkup(<sections.PrivacySection {...props(privacy('extended'))} savedMode="standard" />);
    expect(markup).toContain('This cannot be undone');
  });

  it('asks for the group that still sees names only in Hide viewers mode', () => {
    expect(renderToStaticMarkup(<sections.PrivacySection {...props(privacy('hide-viewers'))} savedMode="hide-viewers" />)).toContain('Group that still sees viewer names');
    expect(renderToStaticMarkup(<sections.PrivacySection {...props(privacy('standard'))} savedMode="standard" />)).not.toContain('Group that still sees viewer names');
  });

  it('shows the retention period and its bounds when views are purged, with its errors', () => {
    const markup = renderToStaticMarkup(
      <sections.PrivacySection {...props(privacy('standard'), { 'privacy.retentionDays': ['At least 30 days'] })} savedMode="standard" />,
    );
    expect(markup).toContain('value="90"');
    expect(markup).toContain('From 30 to 3,650 days');
    expect(markup).toContain('At least 30 days');
  });
});

describe('General section', () => {
  it('explains the blocking time in words', () => {
    expect(sections.blockingTimeHint(5000)).toBe('Repeat views within 5 seconds are not counted.');
    expect(sections.blockingTimeHint(0)).toBe('Every view is counted, even immediate repeats.');
    expect(sections.blockingTimeHint(86_400_001)).toBe('');
    const markup = renderToStaticMarkup(<sections.GeneralSection {...props(settings({ blockingTimeMs: 10_000 }))} />);
    expect(markup).toContain('Repeat views within 10 seconds are not counted.');
    expect(markup).toContain('Use default (5 seconds)');
  });
});

describe('Audit trail', () => {
  it("tells the exact time and the profile link in ADS tooltips, which keyboard focus shows too, not in title attributes", () => {
    const at = Date.UTC(2026, 11, 1, 9, 30);
    const markup = renderToStaticMarkup(
      <sections.AuditSection audit={[{ at, accountId: 'someone-else', version: 3, changes: [] }]} currentAccountId="me" now={at + 3_600_000} />,
    );
    expect(markup).not.toContain('title=');
    expect(markup).toMatch(/<time tabindex="0" class="vt-audit__time" dateTime="2026-12-01T09:30:00.000Z">/);
    expect(markup).toMatch(/<button type="button" class="vt-link-button vt-audit__actor">/);
  });
});
