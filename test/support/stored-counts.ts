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

async function queryAll<T>(entity: string, index: string, partition: string): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    let query = kvs.entity<T>(entity).query().index(index, { partition: [partition] }).limit(100);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    all.push(...page.results.map((r) => r.value));
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
