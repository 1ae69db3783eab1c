/**
 * Fetches every page of a paged resolver for an export. Forge caps a resolver's answer at 5 MB, so an
 * export is never one call: the resolver answers bounded pages with a cursor, and this loop collects
 * them, reporting progress, until there is no next cursor (or a page fails, or a bound is hit).
 */
import type { Envelope, ResolverError } from '@contracts/envelope';

export interface Page<Row> {
  rows: Row[];
  nextCursor: string | null;
}

export type FetchPage<Row> = (cursor: string | null) => Promise<Envelope<Page<Row>>>;

export interface ExportProgress {
  pages: number;
  rows: number;
}

export type ExportResult<Row> =
  | { ok: true; rows: Row[]; truncated: boolean }
  | { ok: false; error: ResolverError; rows: Row[] };

export interface ExportLimits {
  /** Stop after this many rows (the export says it was truncated). */
  maxRows?: number;
  /** Stop after this many calls, whatever the rows: a guard against a cursor that never ends. */
  maxPages?: number;
  signal?: AbortSignal;
}

export async function exportPaged<Row>(fetchPage: FetchPage<Row>, onProgress?: (progress: ExportProgress) => void, limits: ExportLimits = {}): Promise<ExportResult<Row>> {
  const maxRows = limits.maxRows ?? 100_000;
  const maxPages = limits.maxPages ?? 1_000;
  const rows: Row[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  for (let pages = 0; pages < maxPages; pages += 1) {
    if (limits.signal?.aborted) return { ok: false, error: { code: 'internal', message: 'The export was cancelled.' }, rows };
    const answer = await fetchPage(cursor);
    if (!answer.ok) return { ok: false, error: answer.error, rows };
    rows.push(...answer.data.rows);
    onProgress?.({ pages: pages + 1, rows: rows.length });
    if (rows.length >= maxRows) return { ok: true, rows: rows.slice(0, maxRows), truncated: true };
    const next = answer.data.nextCursor;
    if (next === null) return { ok: true, rows, truncated: false };
    // A cursor seen before would loop forever: treat it as the end, and say the export may be partial.
    if (seen.has(next)) return { ok: true, rows, truncated: true };
    seen.add(next);
    cursor = next;
  }
  return { ok: true, rows, truncated: true };
}
