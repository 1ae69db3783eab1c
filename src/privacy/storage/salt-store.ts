import { kvs } from '@forge/kvs';
import { KEYS } from '../../core/storage/keys';

/** The day's pseudonym salt: a KVS secret that expires after two days (see src/privacy/pseudonyms.ts). */
export async function readOrCreateSalt(day: string, candidate: string): Promise<string> {
  const key = KEYS.pseudonymSalt(day);
  const existing = await kvs.getSecret<string>(key);
  if (existing !== undefined) return existing;
  try {
    // Two instances may race to create the day's salt: the first wins, the other reads it.
    await kvs.setSecret(key, candidate, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 2, unit: 'DAYS' } });
    return candidate;
  } catch (error) {
    const winner = await kvs.getSecret<string>(key);
    if (winner === undefined) throw error;
    return winner;
  }
}
