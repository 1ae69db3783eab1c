import { completenessBound } from '../model/completeness-bound';
import type { ViewRecord } from '../model/rows';
import { viewRecordPage } from './view-record-pages';

export interface PartitionViewsRead {
  /** Whole records (readers need content, viewer and time; filtered report tiles also type and source). */
  views: ViewRecord[];
  /** Views strictly after this instant were all read; null: the whole range was read. */
  completeAfter: number | null;
  pagesRead: number;
}

interface Partition {
  key: string;
  cursor: string | undefined;
  finished: boolean;
  oldestReadAt: number | null;
}

/**
 * Individual views of some partitions of the `view` entity (spaces by `by-space`, content by
 * `by-content`, or the whole site as the one `by-time` partition) between two instants, newest first, at most `pageBudget` query pages of 100 in all.
 * Pages are taken one per open partition per round, so when the budget runs out every partition was
 * read down to about the same instant, and the caller can count an exact, shorter range.
 */
export async function viewsOfPartitionsBetween(
  index: 'by-space' | 'by-content' | 'by-time', keys: string[], fromAt: number, toAt: number, pageBudget: number,
  keep: (contentId: string) => boolean,
): Promise<PartitionViewsRead> {
  const partitions: Partition[] = [...new Set(keys)].map((key) => ({ key, cursor: undefined, finished: false, oldestReadAt: null }));
  const views: ViewRecord[] = [];
  let pagesRead = 0;
  while (pagesRead < pageBudget) {
    const open = partitions.filter((partition) => !partition.finished).slice(0, pageBudget - pagesRead);
    if (open.length === 0) break;
    pagesRead += open.length;
    // A round's pages are independent: read them together, at most 8 in flight as elsewhere.
    for (let start = 0; start < open.length; start += 8) {
      await Promise.all(open.slice(start, start + 8).map(async (partition) => {
        const page = await viewRecordPage(index, partition.key, fromAt, toAt, partition.cursor, 'newest-first');
        for (const record of page.records) {
          partition.oldestReadAt = partition.oldestReadAt === null ? record.at : Math.min(partition.oldestReadAt, record.at);
          if (keep(record.contentId)) views.push(record);
        }
        partition.cursor = page.nextCursor;
        partition.finished = !page.nextCursor;
      }));
    }
  }
  return { views, completeAfter: completenessBound(partitions), pagesRead };
}
