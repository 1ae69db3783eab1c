import type { Settings } from '@contracts/settings';

/**
 * Who may open what, and whether they may see people, as pure rules over facts that
 * `src/access` gathers from Confluence (admin rights, groups, space permissions, content permissions).
 * Every resolver and export asks these rules through `src/access`; nothing decides access elsewhere.
 */
export interface CallerStanding {
  signedIn: boolean;
  /** Licensed Confluence user (guests and customers are not). */
  licensed: boolean;
  siteAdmin: boolean;
  /** Member of the "Access Global Report" group chosen in the settings. */
  inReportGroup: boolean;
  /** Member of the group that still sees names in Hide viewers mode. */
  inViewerNamesGroup: boolean;
}

/** What the caller may know about one space, asked of Confluence as the caller. */
export interface SpaceStanding {
  spaceAdmin: boolean;
  /** May view the space at all. */
  spaceViewer: boolean;
}

export type Denial = { open: false; reason: 'sign-in' | 'not-allowed' };
export type Opening = { open: true } | Denial;

export function mayOpenGlobalReport(standing: CallerStanding): Opening {
  if (!standing.signedIn) return { open: false, reason: 'sign-in' };
  return standing.siteAdmin || standing.inReportGroup ? { open: true } : { open: false, reason: 'not-allowed' };
}

/**
 * A space's report: site admins, the report group and that space's admins; everyone who may view
 * the space as well when the admin opened space reports to them.
 */
export function mayOpenSpaceReport(settings: Settings, standing: CallerStanding, space: SpaceStanding): Opening {
  if (!standing.signedIn) return { open: false, reason: 'sign-in' };
  if (standing.siteAdmin || standing.inReportGroup || space.spaceAdmin) return { open: true };
  if (settings.spaceReportAudience === 'space-viewers' && space.spaceViewer) return { open: true };
  return { open: false, reason: 'not-allowed' };
}

/** Whether names, avatars and account ids of viewers may be shown, and if not, why (the UI says it). */
export type PeopleView =
  | { names: true }
  | { names: false; reason: 'extended-privacy' | 'hide-viewers' | 'audience' | 'sign-in' };

/**
 * Where people are shown: the viewer list of one page (to a caller who may read it), or a report
 * (to a caller who may open it). `spaceAdmin` is the caller's standing in the page's or report's space.
 */
export type PeopleSurface = { kind: 'page'; spaceAdmin: boolean } | { kind: 'report'; spaceAdmin: boolean };

export function decidePeopleView(settings: Settings, standing: CallerStanding, surface: PeopleSurface): PeopleView {
  // Extended privacy stores no account id: there are no names to show, to anybody.
  if (settings.privacy.mode === 'extended') return { names: false, reason: 'extended-privacy' };
  if (!standing.signedIn) return { names: false, reason: 'sign-in' };
  // Hide viewers: names only for the authorised group, administrators included in the rule.
  if (settings.privacy.mode === 'hide-viewers') {
    return standing.inViewerNamesGroup ? { names: true } : { names: false, reason: 'hide-viewers' };
  }
  const manager = standing.siteAdmin || standing.inReportGroup || surface.spaceAdmin;
  if (surface.kind === 'report') {
    // Top readers of a space are for the people who run it, even when the report is open to all viewers.
    return manager ? { names: true } : { names: false, reason: 'audience' };
  }
  if (settings.privacy.viewerListAudience === 'readers') return { names: true };
  return manager ? { names: true } : { names: false, reason: 'audience' };
}

/** Custom Reports: why a report macro shows a notice instead of figures. */
export type ReportMacroDenial = { open: false; reason: 'switched-off' | 'anonymous-not-allowed' };

/**
 * The "Viewtracker report" macro. Off with the Custom Reports switch (its config stays on the page).
 * Signed-in readers (guests included) see it with their own rights; anonymous visitors only when the
 * admin allowed it, and then only content that anonymous visitors may read.
 */
export function mayViewReportMacro(settings: Settings, standing: CallerStanding): { open: true } | ReportMacroDenial {
  if (!settings.customReports) return { open: false, reason: 'switched-off' };
  if (!standing.signedIn && !settings.reportMacroAnonymous) return { open: false, reason: 'anonymous-not-allowed' };
  return { open: true };
}

/** Saved space reports are saved, changed and deleted by that space's admins and by site admins. */
export function mayManageSavedReports(standing: CallerStanding, space: SpaceStanding): boolean {
  return standing.signedIn && (standing.siteAdmin || space.spaceAdmin);
}

/** Site admins see and manage every space's saved reports (the settings page lists them all). */
export function mayManageAllSavedReports(standing: CallerStanding): boolean {
  return standing.signedIn && standing.siteAdmin;
}

/** What the byline knows about one content and caller before asking Confluence anything. */
export interface BylineFacts {
  signedIn: boolean;
  /**
   * Anonymous callers only: Confluence's answer whether anonymous visitors may read the content
   * (space permission, no restriction). Never inferred from a stored anonymous view.
   */
  anonymousReadable?: boolean;
  /** The caller's latest counted view of it (0: none): they could read it then. */
  viewedAt: number;
  /** A recent answer of Confluence's permission check, if cached. */
  cachedPermission: boolean | undefined;
  /** One of the caller's groups is known (recently, from Confluence) to read the content. */
  groupReads?: boolean;
  now: number;
}

/** How long a view is taken as evidence that its content is still readable (by its viewer or by anyone). */
export const READ_EVIDENCE_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the byline may show a content's count: nobody learns the count (or existence) of content
 * they may not read. Anonymous callers see it only where Confluence answered that anonymous visitors
 * may read the content. For a signed-in caller, evidence from the app's own data first (this caller
 * viewed it lately), then a cached permission answer; otherwise Confluence must be asked. An anonymous
 * view of the content proves nothing to anyone: the view API reports views Confluence never vetted,
 * and a page may be restricted after it was viewed.
 */
export function decideBylineCount(facts: BylineFacts): 'show' | 'hide' | 'ask-confluence' {
  const recent = (at: number) => at > 0 && facts.now - at <= READ_EVIDENCE_MS;
  if (!facts.signedIn) return facts.anonymousReadable === true ? 'show' : 'hide';
  if (recent(facts.viewedAt)) return 'show';
  if (facts.cachedPermission !== undefined) return facts.cachedPermission ? 'show' : 'hide';
  // Confluence permissions only grant (there is no deny): what a group may read, each member may read.
  if (facts.groupReads === true) return 'show';
  return 'ask-confluence';
}

/**
 * A "readers in a group" filter reveals what named people read, so it is open exactly where the
 * report shows this caller names. Extended privacy stores pseudonyms: no view can be matched to a member.
 */
export function mayFilterByGroup(people: PeopleView): { allowed: true } | { allowed: false; message: string } {
  if (people.names) return { allowed: true };
  return {
    allowed: false,
    message: people.reason === 'extended-privacy'
      ? 'Extended privacy stores no account ids: a report cannot be filtered by group.'
      : 'Filtering by group shows what people read: it is available only where the privacy settings show you readers.',
  };
}
