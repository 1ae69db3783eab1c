import { kvs } from '@forge/kvs';
import { KEYS } from './keys';

/**
 * The excluded groups' members as last listed (src/access/excluded-members.ts), one document. Its own
 * `fetchedAt` decides whether it stands: KVS may return an item for up to 48 h past its TTL.
 */
export async function readExcludedMembers(): Promise<unknown> {
  return (await kvs.get<unknown>(KEYS.excludedMembers)) ?? undefined;
}

export async function writeExcludedMembers(list: object, ttlHours: number): Promise<void> {
  await kvs.set(KEYS.excludedMembers, list, { ttl: { value: ttlHours, unit: 'HOURS' } });
}
