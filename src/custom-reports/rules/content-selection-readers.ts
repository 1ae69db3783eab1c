/**
 * Top readers of a set of content over a range, from individual view records. Pure: storage hands in
 * the records it read and how far back every partition was read completely; this decides what counts.
 */
import { ANONYMOUS_VIEWER } from '../../core/model/view';

export interface SelectionView {
  contentId: string;
  viewer: string;
  at: number;
}

export interface SelectionReadersInput {
  /** The content the caller may read in the selection (and may see people of), trashed/archived left out. */
  ids: ReadonlySet<string>;
  /** Range bounds in ms, inclusive. */
  fromAt: number;
  toAt: number;
  /**
   * Views strictly after this instant are complete for every partition read; older ones may be
   * missing (the read bound was hit). Null: everything in the range was read.
   */
  completeAfter: number | null;
  limit: number;
}

export interface SelectionReaders {
  readers: Array<{ viewer: string; views: number }>;
  /** Views counted (anonymous views are views, but of nobody: they are not counted here). */
  counted: number;
  /** Distinct readers counted, before the row limit. */
  readerCount: number;
}

/**
 * Views per reader, most first (ties by account id so the order is stable). Anonymous views name no
 * reader; views of content outside the set, outside the range, or at or before the completeness bound
 * are left out, so a partial read is an exact count of a shorter range, never a mix.
 */
export function rankSelectionReaders(views: Iterable<SelectionView>, input: SelectionReadersInput): SelectionReaders {
  const perReader = new Map<string, number>();
  let counted = 0;
  for (const view of views) {
    if (view.viewer === ANONYMOUS_VIEWER || !input.ids.has(view.contentId)) continue;
    if (view.at < input.fromAt || view.at > input.toAt) continue;
    if (input.completeAfter !== null && view.at <= input.completeAfter) continue;
    perReader.set(view.viewer, (perReader.get(view.viewer) ?? 0) + 1);
    counted += 1;
  }
  const readers = [...perReader].map(([viewer, count]) => ({ viewer, views: count }))
    .sort((a, b) => b.views - a.views || (a.viewer < b.viewer ? -1 : a.viewer > b.viewer ? 1 : 0));
  return { readers: readers.slice(0, Math.max(0, input.limit)), counted, readerCount: readers.length };
}
