import type { KvsEmulator } from '../../local/kvs';
import { deliveredAt } from '../../local/host/delivery-clock';
import { processSearchEvent } from '../../src/search/on-search-performed';

/** Confluence's `avi:confluence:performed:search` as the Forge events reference shows it. */
export function searchEvent(search: { query: string; at: number; accountId?: string; results?: number; accountType?: string }): Record<string, unknown> {
  return {
    eventType: 'avi:confluence:performed:search',
    eventCreatedDate: new Date(search.at).toISOString(),
    ...(search.accountId ? { atlassianId: search.accountId } : {}),
    query: search.query,
    accountType: search.accountType ?? 'atlassian',
    results: search.results ?? 3,
  };
}

/** The search trigger as Forge would have called it a second after the search. */
export function searchOnTime(search: Parameters<typeof searchEvent>[0]): ReturnType<typeof processSearchEvent> {
  return deliveredAt(search.at + 1000, () => processSearchEvent(searchEvent(search)));
}

/** Every stored item of the given entities (and plain KVS keys), as JSON text: for "no account id anywhere" checks. */
export function storedText(emulator: KvsEmulator, entities: readonly string[]): string[] {
  const scan = (ns: 'entity' | 'kvs', entity: string) => emulator.backend.scan({ kind: 'key', ns, entity, bounds: {}, direction: 'ASC', limit: 100_000, now: 0 });
  const items = [...entities.flatMap((entity) => scan("entity", entity)), ...scan("kvs", "")];
  return items.map((item) => `${item.entity}|${item.key}|${JSON.stringify(item.value)}`);
}
