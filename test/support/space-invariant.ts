import { queryAll } from './stored-counts';

/**
 * The invariant every lifecycle change keeps: a space's daily rows hold exactly the views of the
 * listed (current) content-day rows filed under that space. Returns both sides per space, by day.
 */
export async function spaceTotalsAgree(spaceKeys: string[], contentIds: string[]): Promise<{ fromSpaceDays: Record<string, number>; fromContentDays: Record<string, number> }> {
  const fromSpaceDays: Record<string, number> = {};
  const fromContentDays: Record<string, number> = {};
  for (const spaceKey of spaceKeys) {
    for (const row of await queryAll<{ day: string; views: number }>('space-day', 'by-space', spaceKey)) {
      if (row.views !== 0) fromSpaceDays[`${spaceKey}|${row.day}`] = (fromSpaceDays[`${spaceKey}|${row.day}`] ?? 0) + row.views;
    }
  }
  for (const contentId of contentIds) {
    for (const row of await queryAll<{ day: string; views: number; spaceKey: string; status?: string }>('content-day', 'by-content', contentId)) {
      if ((row.status ?? 'current') === 'current' && row.views !== 0) fromContentDays[`${row.spaceKey}|${row.day}`] = (fromContentDays[`${row.spaceKey}|${row.day}`] ?? 0) + row.views;
    }
  }
  return { fromSpaceDays, fromContentDays };
}
