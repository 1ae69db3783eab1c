import type { ContentStatsRow } from './rows';

/**
 * Whether content belongs in reports. Every report asks here, so trashed and archived content
 * (the content-lifecycle work) is excluded in one place; until content status is stored, all is listed.
 */
export function isListed(_row: Pick<ContentStatsRow, 'contentId'>): boolean {
  return true;
}
