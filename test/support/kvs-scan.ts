import type { KvsEmulator } from '../../local/kvs';
import type { Namespace } from '../../local/kvs/backend/types';
import { manifestEntities } from './app-store';

export interface ScannedItem {
  where: string;
  key: string;
  value: string;
  updatedAt: number;
}

/**
 * Every item the KVS emulator holds — plain keys, secrets and every entity of the manifest — read
 * from its backend directly, expired items included (on Forge they can still be read for up to 48 h).
 */
export function everyStoredItem(emulator: KvsEmulator): ScannedItem[] {
  const spaces: Array<{ ns: Namespace; entity: string }> = [
    { ns: 'kvs', entity: '' }, { ns: 'secret', entity: '' },
    ...manifestEntities().map((entity) => ({ ns: 'entity' as const, entity: entity.name })),
  ];
  return spaces.flatMap(({ ns, entity }) => emulator.backend.scan({ kind: 'key', ns, entity, bounds: {}, direction: 'ASC', limit: 1_000_000, now: 0 })
    .map((item) => ({ where: ns === 'entity' ? entity : ns, key: item.key, value: JSON.stringify(item.value), updatedAt: item.updatedAt })));
}

/** The items whose key or value holds one of these strings, as `where key`. */
export function itemsHolding(items: readonly ScannedItem[], needles: readonly string[]): string[] {
  return items.filter((item) => needles.some((needle) => item.key.includes(needle) || item.value.includes(needle))).map((item) => `${item.where} ${item.key} ${item.value.slice(0, 160)}`);
}
