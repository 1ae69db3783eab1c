import { kvs } from '@forge/kvs';

/** Reads back what the app stored for one content, through the real client and the manifest's indexes. */
export async function storedCounts(contentId: string) {
  const stats = await kvs.entity<{ views: number; viewers: number; anonymousViews: number }>('content-stats').get(`cs:${contentId}`);
  const days = await queryAll<{ day: string; views: number }>('content-day', 'by-content', contentId);
  const records = await queryAll<{ at: number; viewer: string }>('view', 'by-content', contentId);
  const viewers = await queryAll<{ viewer: string; views: number }>('viewer-content', 'by-content', contentId);
  return {
    views: stats?.views ?? 0,
    viewers: stats?.viewers ?? 0,
    anonymousViews: stats?.anonymousViews ?? 0,
    byDay: new Map(days.filter((d) => d.views !== 0).map((d) => [d.day, d.views])),
    recordCount: records.length,
    viewerRows: viewers,
  };
}

/** Every row of one index partition (a single value or a composite partition), page by page. */
export async function queryAll<T>(entity: string, index: string, partition: string | string[]): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.entity<T>(entity).query().index(index, { partition: typeof partition === 'string' ? [partition] : partition }).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    all.push(...page.results.map((r) => r.value));
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

/** Sum of a space's sharded daily rows, by day; and one viewer's daily rows. */
export async function storedSpaceDays(spaceKey: string): Promise<Map<string, number>> {
  const rows = await queryAll<{ day: string; views: number }>('space-day', 'by-space', spaceKey);
  const byDay = new Map<string, number>();
  for (const row of rows) byDay.set(row.day, (byDay.get(row.day) ?? 0) + row.views);
  return new Map([...byDay].filter(([, views]) => views !== 0));
}

export async function storedViewerViews(viewer: string): Promise<number> {
  const rows = await queryAll<{ views: number }>('viewer-day', 'by-viewer', viewer);
  return rows.reduce((sum, row) => sum + row.views, 0);
}
