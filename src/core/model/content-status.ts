/**
 * A content's life in Confluence, as the app records it. Trashed and archived content keeps its
 * counts but is hidden from reports, statistics and exports; restoring or unarchiving shows it again
 * with every count. Purged content keeps only a tombstone (so a late view cannot bring it back).
 */
export const CONTENT_STATUSES = ['current', 'trashed', 'archived', 'purged'] as const;
export type ContentStatus = (typeof CONTENT_STATUSES)[number];

/** Whether content with this status appears in reports, statistics and exports. */
export function isListedStatus(status: ContentStatus): boolean {
  return status === 'current';
}

/**
 * The check every report and statistics reader applies to a stored row (`content-stats`,
 * `content-day`): listed rows are shown, others are skipped (their counts stay stored).
 */
export function isListed(row: { status: ContentStatus }): boolean {
  return isListedStatus(row.status);
}

/** Trashed or archived: its counts are kept but shown nowhere until it is restored (purged content has none left). */
export function isHidden(row: { status: ContentStatus }): boolean {
  return row.status === 'trashed' || row.status === 'archived';
}

export const HIDDEN_CONTENT_MESSAGE = 'This content is archived or in the trash: its views are kept and shown again when it is restored.';
