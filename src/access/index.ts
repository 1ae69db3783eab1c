/**
 * The access module: for a caller, what they may open (settings, reports, a space's report, a page's
 * statistics) and what they may see there (titles of content, names of people). Every resolver and
 * every export asks here; the rules themselves are pure (`src/access/rules/access-policy.ts`), this module
 * only gathers the facts from Confluence, from the trusted caller and never from the browser.
 */
import type { Settings } from '@contracts/settings';
import {
  decidePeopleView, mayOpenGlobalReport, mayOpenSpaceReport,
  type CallerStanding, type PeopleView, type SpaceStanding,
} from './rules/access-policy';
import { fetchContentReadableBy, type VisibleContent } from '../platform/confluence/permissions';
import { MemoryCache } from '../platform/memory-cache';
import { fetchSpaceAsApp } from '../platform/confluence/space-permissions';
import type { Caller } from '../platform/resolver/context';
import { spaceStandingOf, standingOf } from './caller-standing';
import type { StoredGroups } from './viewer-groups';
import { readableContentIds, type ReadEvidence } from './readable-content';
import { publicContent } from './public-content';

export type { PeopleView } from './rules/access-policy';
export { REPORT_ANSWER_MS, type ReadEvidence } from './readable-content';
export { ACCESS_GROUPS_MS, type StoredGroups } from './viewer-groups';
export { standingOf, spaceStandingOf } from './caller-standing';

export type AccessDenied = { ok: false; code: 'forbidden' | 'not-found'; message: string };

/** A report the caller may open, with what they may see in it. */
export interface ReportAccess {
  ok: true;
  caller: Caller & { kind: 'user' };
  standing: CallerStanding;
  people: PeopleView;
  /**
   * Of these content ids, the ones whose titles (and rows, where a report hides them) the caller may
   * see; with `evidence`, Confluence's recent recorded answers spare calls (`readableContentIds`).
   */
  readable: (contentIds: readonly string[], evidence?: ReadEvidence) => Promise<Set<string>>;
}

/** Who may open the global report, by name: the no-access page says it (as the settings page does). */
export function reportAudience(settings: Settings): string {
  const group = settings.reportAccessGroup;
  return group
    ? `The Viewtracker report is open to Confluence administrators and to members of the group “${group.name}”.`
    : 'The Viewtracker report is open to Confluence administrators only.';
}

/** Who may open a space's report, under the settings' space report audience. */
export function spaceReportAudience(settings: Settings): string {
  const others = settings.reportAccessGroup
    ? `to Confluence administrators and to members of the group “${settings.reportAccessGroup.name}”`
    : 'to Confluence administrators';
  return settings.spaceReportAudience === 'space-viewers'
    ? `This space’s report is open to everyone who can view the space, and ${others}.`
    : `This space’s report is open to the space’s admins, and ${others}.`;
}
const SIGN_IN = 'Sign in to see Viewtracker statistics.';
const NO_SUCH_SPACE = 'This space does not exist.';

/** Whether a space key names a space (as the app, which sees every space); answers shared briefly. */
const spaces = new MemoryCache<boolean>(60_000);
async function spaceExists(spaceKey: string): Promise<boolean> {
  return spaces.getOrLoad(spaceKey, async () => (await fetchSpaceAsApp(spaceKey)) !== null);
}

/** `storedGroups`: the caller's groups kept in storage by the asking capability (see `StoredGroups`). */
export async function globalReportAccess(caller: Caller, settings: Settings, storedGroups?: StoredGroups): Promise<ReportAccess | AccessDenied> {
  const standing = await standingOf(caller, settings, storedGroups);
  const opening = mayOpenGlobalReport(standing);
  if (!opening.open || caller.kind !== 'user') return { ok: false, code: 'forbidden', message: caller.kind === 'user' ? reportAudience(settings) : SIGN_IN };
  return reportAccess(caller, standing, settings, { spaceAdmin: false, spaceViewer: false });
}

export async function spaceReportAccess(caller: Caller, settings: Settings, spaceKey: string, storedGroups?: StoredGroups): Promise<ReportAccess | AccessDenied> {
  const standing = await standingOf(caller, settings, storedGroups);
  if (caller.kind !== 'user') return { ok: false, code: 'forbidden', message: SIGN_IN };
  // Site admins and the report group open every space's report, and see what its admins see:
  // their standing in the space decides nothing, so it is not asked (two calls saved). The space must
  // still exist: a made-up key (`sr:NOPE`) is refused as an unknown space, nothing is saved or shown
  // under it (one call as the app, cached 60 s).
  if ((standing.siteAdmin || standing.inReportGroup) && !(await spaceExists(spaceKey))) return { ok: false, code: 'not-found', message: NO_SUCH_SPACE };
  const space = standing.siteAdmin || standing.inReportGroup ? { spaceAdmin: false, spaceViewer: true } : await spaceStandingOf(caller, spaceKey);
  const opening = mayOpenSpaceReport(settings, standing, space);
  if (!opening.open) return { ok: false, code: 'forbidden', message: opening.reason === 'sign-in' ? SIGN_IN : spaceReportAudience(settings) };
  return reportAccess(caller, standing, settings, space);
}

function reportAccess(caller: Caller & { kind: 'user' }, standing: CallerStanding, settings: Settings, space: SpaceStanding): ReportAccess {
  return {
    ok: true, caller, standing,
    people: decidePeopleView(settings, standing, { kind: 'report', spaceAdmin: space.spaceAdmin }),
    readable: (contentIds, evidence) => readableContentIds(caller, standing, contentIds, evidence),
  };
}

/** Page statistics of one piece of content, for a caller who may read it. */
export interface PageAccess {
  ok: true;
  /** Anonymous callers get a page's statistics (counts only) when Confluence answers it is public (see `publicContent`). */
  caller: Caller;
  content: VisibleContent;
  standing: CallerStanding;
  people: PeopleView;
}

/** Permission answers are cached briefly: the byline, the macro and the statistics of one page ask in turn. */
const readableContent = new MemoryCache<VisibleContent | null>(60_000);

export async function pageAccess(caller: Caller, settings: Settings, contentId: string | null): Promise<PageAccess | AccessDenied> {
  // Forge makes no asUser calls for anonymous visitors: Confluence is asked, as the app, whether
  // anonymous visitors may read the content (space permission and restrictions), never a stored view.
  if (caller.kind !== 'user') {
    const open = contentId ? await publicContent(contentId) : null;
    if (!open) return { ok: false, code: 'forbidden', message: 'Sign in to see the statistics of this page.' };
    const standing = await standingOf(caller, settings);
    return { ok: true, caller, content: open, standing, people: decidePeopleView(settings, standing, { kind: 'page', spaceAdmin: false }) };
  }
  const content = contentId ? await contentReadableBy(caller.accountId, contentId) : null;
  if (!content) return { ok: false, code: 'not-found', message: 'This page does not exist or you may not see it.' };
  const standing = await standingOf(caller, settings);
  const needsSpace = settings.privacy.mode === 'standard' && settings.privacy.viewerListAudience === 'managers' && !standing.siteAdmin && !standing.inReportGroup;
  const space = needsSpace ? await spaceStandingOf(caller, content.space.key) : { spaceAdmin: false, spaceViewer: true };
  return { ok: true, caller, content, standing, people: decidePeopleView(settings, standing, { kind: 'page', spaceAdmin: space.spaceAdmin }) };
}

/** The content, if this account may read it (Confluence's permission check as the app; works for guests). */
export async function contentReadableBy(accountId: string, contentId: string): Promise<VisibleContent | null> {
  const key = `${accountId}|${contentId}`;
  const cached = readableContent.get(key);
  if (cached !== undefined) return cached;
  const content = await fetchContentReadableBy(contentId, accountId);
  readableContent.set(key, content);
  return content;
}

