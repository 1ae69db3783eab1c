import { kvs, Sort } from '@forge/kvs';
import type { AttachmentViews } from '@contracts/inventory';
import { isListed } from '../../core/model/content-status';
import { decode } from '../../core/storage/codecs';
import { ENTITY } from '../../core/storage/keys';

/** A page's attachments, most viewed first (index `by-container`); hidden ones are skipped. */
export async function attachmentsOf(containerId: string, limit = 50): Promise<AttachmentViews[]> {
  const page = await kvs.entity<unknown>(ENTITY.contentStats).query().index('by-container', { partition: [containerId] }).sort(Sort.DESC).limit(Math.min(100, limit)).getMany();
  return page.results.map((item) => decode.contentStats(item.value)).filter(isListed)
    .map((row) => ({ contentId: row.contentId, title: row.title, views: row.views, viewers: row.viewers, lastViewedAt: row.lastViewedAt > 0 ? row.lastViewedAt : null }));
}
