import { z } from 'zod';
import { parseWith, type Parsed } from '../../core/parse';

/**
 * Confluence's `avi:confluence:performed:search`, as the Forge events reference describes it
 * (mirror/events-reference/confluence/index.md, "Search"): eventType, eventCreatedDate, atlassianId
 * ("Absent if the event was triggered by an anonymous user"), query, accountType, results ("The
 * number of search results returned"). Sent "after Confluence search results are returned". The
 * payload names no space, no result ids and no search session: what cannot be observed is listed in
 * docs/search-analytics.md.
 */
export interface SearchEvent {
  searcher: { kind: 'user'; accountId: string } | { kind: 'anonymous' };
  at: number;
  /** As typed; normalised by normaliseQuery before anything is counted. */
  query: string;
  results: number;
  accountType: string | null;
}

const isoTime = z.string().datetime({ offset: true }).refine((value) => Number.isFinite(Date.parse(value)), 'Not a valid time');

const searchEventSchema = z.object({
  eventType: z.literal('avi:confluence:performed:search'),
  eventCreatedDate: isoTime,
  atlassianId: z.string().min(1).max(128).optional(),
  // Bounded well above any search box; longer payloads are refused, not cut, so nothing odd is counted.
  query: z.string().max(4096),
  accountType: z.string().max(64).optional(),
  results: z.number().int().min(0).max(1_000_000_000),
});

export function parseSearchEvent(raw: unknown): Parsed<SearchEvent> {
  const parsed = parseWith(searchEventSchema, raw);
  if (!parsed.ok) return parsed;
  const event = parsed.value;
  return {
    ok: true,
    value: {
      searcher: event.atlassianId ? { kind: 'user', accountId: event.atlassianId } : { kind: 'anonymous' },
      at: Date.parse(event.eventCreatedDate),
      query: event.query,
      results: event.results,
      accountType: event.accountType ?? null,
    },
  };
}
