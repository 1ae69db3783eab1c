import type { Settings } from '@contracts/settings';
import { decidePeopleView, mayViewReportMacro, type CallerStanding, type PeopleView } from './rules/access-policy';
import { fetchContentAsApp } from '../platform/confluence/permissions';
import type { Caller } from '../platform/resolver/context';
import { anonymousReadableIds } from './anonymous-readable';
import { spaceStandingOf, standingOf } from './caller-standing';
import { contentReadableBy } from './index';

export type ReportMacroAccess =
  | { ok: true; caller: Caller; standing: CallerStanding; people: PeopleView; spaceKey: string }
  | { ok: false; reason: 'switched-off' | 'anonymous-not-allowed' | 'not-found'; message: string };

const MESSAGES = {
  'switched-off': 'Viewtracker reports are switched off on this site. The report’s settings are kept and it comes back when an administrator switches Custom Reports on.',
  'anonymous-not-allowed': 'Sign in to see this Viewtracker report.',
  'not-found': 'This report’s page does not exist or you may not see it.',
} as const;

/**
 * May this caller see the report macro on this page, and with which rights? The page comes from the
 * browser, so it is verified: signed-in callers must be able to read it (Confluence's permission
 * check), anonymous visitors only see it on content open to anonymous visitors.
 */
export async function reportMacroAccess(caller: Caller, settings: Settings, contentId: string | null, wantsPeople: boolean): Promise<ReportMacroAccess> {
  const standing = await standingOf(caller, settings);
  const opening = mayViewReportMacro(settings, standing);
  if (!opening.open) return { ok: false, reason: opening.reason, message: MESSAGES[opening.reason] };
  if (!contentId) return { ok: false, reason: 'not-found', message: MESSAGES['not-found'] };
  const spaceKey = caller.kind === 'user'
    ? (await contentReadableBy(caller.accountId, contentId))?.space.key
    : (await anonymousReadableIds([contentId])).has(contentId) ? (await fetchContentAsApp(contentId))?.space.key : undefined;
  if (!spaceKey) return { ok: false, reason: 'not-found', message: MESSAGES['not-found'] };
  // Whether names may be shown depends on the caller's standing in the page's space (asked only when needed).
  const needsSpace = wantsPeople && settings.privacy.mode === 'standard' && !standing.siteAdmin && !standing.inReportGroup;
  const space = needsSpace ? await spaceStandingOf(caller, spaceKey) : { spaceAdmin: false, spaceViewer: true };
  return { ok: true, caller, standing, spaceKey, people: decidePeopleView(settings, standing, { kind: 'report', spaceAdmin: space.spaceAdmin }) };
}
