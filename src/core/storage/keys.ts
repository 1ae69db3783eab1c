/**
 * Every KVS key and entity name the app uses, in one table. Keys must match Forge's
 * /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/ and stay under 500 characters: ids and days qualify; account ids
 * may contain ':' which is allowed.
 */
export const ENTITY = {
  view: 'view',
  viewerContent: 'viewer-content',
  contentStats: 'content-stats',
  contentDay: 'content-day',
  spaceDay: 'space-day',
  viewerDay: 'viewer-day',
  settings: 'settings',
  account: 'account',
  contentMonth: 'content-month',
  viewerMonth: 'viewer-month',
  rollup: 'rollup',
  sketch: 'sketch',
  spaceReports: 'space-reports',
  searchMark: 'search-mark',
  searchQuery: 'search-query',
  searchTotal: 'search-total',
  searchLast: 'search-last',
} as const;

export const KEYS = {
  /** Idempotency key of one view: the same view delivered twice maps to the same record. */
  view: (contentId: string, viewer: string, at: number) => `v:${contentId}:${safe(viewer)}:${at}`,
  viewerContent: (contentId: string, viewer: string) => `vc:${contentId}:${safe(viewer)}`,
  contentStats: (contentId: string) => `cs:${contentId}`,
  contentDay: (contentId: string, day: string) => `cd:${contentId}:${day}`,
  spaceDay: (spaceKey: string, day: string, shard: number) => `sd:${safe(spaceKey)}:${day}:${shard}`,
  viewerDay: (viewer: string, day: string) => `ud:${safe(viewer)}:${day}`,
  /** One content's daily figures of one UTC month (`YYYY-MM`): page statistics read a year in one query. */
  contentMonth: (contentId: string, month: string) => `cm:${contentId}:${month}`,
  /** An account id the app has stored (personal data reporting). */
  account: (accountId: string) => `acct:${safe(accountId)}`,
  /** Report rollups (see core/model/report-rows.ts): months of a viewer, site/space cells, sketches. */
  viewerMonth: (viewer: string, month: string) => `um:${safe(viewer)}:${month}`,
  rollup: (scope: string, level: string, period: string, shard: number) => `ru:${safe(scope)}:${level}:${period}:${shard}`,
  sketch: (kind: string, level: string, period: string, shard: number) => `hl:${kind}:${level}:${period}:${shard}`,
  /** Search analytics (core/model/search-rows.ts): ids are hashes, never account ids or query text. */
  searchMark: (mark: string) => `sm:${safe(mark)}`,
  searchQuery: (queryId: string, month: string) => `sq:${safe(queryId)}:${month}`,
  searchTotal: (month: string, shard: number) => `st:${month}:${shard}`,
  searchLast: (searcher: string) => `sl:${safe(searcher)}`,
  /** The one settings document (entity, so saves can be conditional on its version). */
  settings: 'settings',
  /** A copy of the last settings saved, written with them: what applies if the document cannot be read. */
  settingsLastGood: 'settings-last-good',
  /** Audit entries sort newest first under this prefix. */
  settingsAuditPrefix: 'audit:settings:',
  settingsAudit: (version: number) => `audit:settings:${String(999_999_999 - version).padStart(9, '0')}`,
  /** A user's Confluence group ids, cached so a view does not cost a REST call. */
  userGroups: (accountId: string) => `groups:${safe(accountId)}`,
  /** The members of the excluded groups, as daily pseudonyms (never account ids), listed at most hourly (src/access/excluded-members.ts). */
  excludedMembers: 'excluded-groups:members',
  /** Daily secret for extended-privacy pseudonyms; deleted after two days, making them unlinkable. */
  pseudonymSalt: (day: string) => `salt:${day}`,
  /** The channel a browser saw for a viewer's current view of a content (mobile web, app), TTL 10 min; the viewer is their daily pseudonym, never an account id. */
  channelHint: (contentId: string, viewer: string) => `hint:${contentId}:${safe(viewer)}`,
  /** The inventory backfill's progress and cursor (issue 8). */
  inventoryJob: 'inventory:job',
  /** The content-month backfill's cursor, progress and lease (same mechanism as the inventory job). */
  monthBackfillJob: 'inventory:month-backfill',
  /** The byline property writer: its lease, the day of its last rolling-window pass, its sweep (backfill, switch). */
  bylineWriterJob: 'byline:writer',
  /** How far the space compaction job has summed closed periods' space shards, and its lease. */
  spaceCompactionJob: 'reports:space-compaction',
  /** A space's saved report definitions (Custom Reports), one document per space. */
  spaceReports: (spaceKey: string) => `sr:${safe(spaceKey)}`,
  /** Whether a viewer (their daily pseudonym in every privacy mode, never an account id) may read a content, and when Confluence said so: the byline's cache, TTL 12 h. */
  readPermission: (contentId: string, viewer: string) => `perm:${contentId}:${safe(viewer)}`,
  /** Which groups Confluence recently said may (or may not) read a content: the byline's shared cache, TTL 12 h. */
  contentGroupAnswers: (contentId: string) => `pg:${contentId}`,
  /** When a content's read permission last changed, as far as the app knows (ends the byline's cached answers for it; TTL 12 h). */
  contentPermissionEpoch: (contentId: string) => `pc:${contentId}`,
  /** When the app last learned of a permission change it could not tie to listed content (ends every cached answer). */
  permissionEpoch: 'perm-epoch',
  /** A caller's groups as Confluence gave them for access decisions, keyed by the caller's daily pseudonym (never an account id); TTL 10 min. */
  callerGroups: (viewer: string) => `cg:${safe(viewer)}`,
  /** A site space's name and when Confluence gave it (never a personal space's: that name is its owner's); TTL 1 h. */
  spaceName: (spaceKey: string) => `sn:${safe(spaceKey)}`,
  /** Secret: the hash of the view API's bearer token. */
  viewApiToken: 'view-api-token',
  /** Recent view API requests and their per-view outcomes, newest first (TTL). */
  viewApiRequestPrefix: 'api-request:',
  viewApiRequest: (at: number, nonce: string) => `api-request:${String(9_999_999_999_999 - Math.floor(at)).padStart(13, '0')}:${nonce}`,
  /**
   * Reach (issue 20): an audience listed from Confluence (members, names, account state), its head
   * and its parts of up to 1,000 members; TTL 15 minutes. Erasing an account drops them all.
   */
  reachAudiencePrefix: 'reach-aud:',
  reachAudience: (audience: string) => `reach-aud:${safe(audience)}`,
  reachAudiencePart: (audience: string, part: number) => `reach-aud:${safe(audience)}:part:${part}`,
  /**
   * A group-filtered report prepared over several calls (docs/reports.md): its head (progress, members
   * read as pseudonyms) and its parts of views, one set per group and days read; bounded lifetime (TTL
   * and an own `expiresAt`). Erasing an account drops them all.
   */
  groupPreparationPrefix: 'grp-prep:',
  groupPreparation: (groupId: string, from: string, to: string) => `grp-prep:${safe(groupId)}:${from}:${to}`,
  groupPreparationPart: (groupId: string, from: string, to: string, part: string) => `grp-prep:${safe(groupId)}:${from}:${to}:part:${safe(part)}`,
} as const;

/** Account ids are opaque strings from Atlassian; anything outside the key alphabet is replaced. */
function safe(part: string): string {
  return part.replace(/[^a-zA-Z0-9:._-]/g, '_');
}
