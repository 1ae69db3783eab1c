import { kvs } from '@forge/kvs';
import { KEYS } from '../../core/storage/keys';

/** How long a day's salt may be used: after this nobody, not even the app, can link its pseudonyms. */
export const SALT_LIFETIME_MS = 2 * 86_400_000;

/** A salt with the time after which it must not be used. */
export interface DaySalt { salt: string; expiresAt: number }

function parseSalt(value: unknown): DaySalt | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { salt, expiresAt } = value as { salt?: unknown; expiresAt?: unknown };
  return typeof salt === 'string' && salt.length > 0 && typeof expiresAt === 'number' ? { salt, expiresAt } : undefined;
}

/**
 * The day's pseudonym salt: a KVS secret that expires after two days (see src/privacy/pseudonyms.ts).
 * The secret carries its own expiry and the app checks it: Forge deletes expired items
 * asynchronously, "deletion may take up to 48 hours. During this window, read operations may still
 * return expired results" (forge-docs-snapshot mirror/runtime-reference/storage-api-secret/index.md
 * and storage-api-basic-api/index.md, "Time-to-live (TTL)"). A salt past its time (or one stored
 * without a time, by an older version) is deleted at once and replaced, so the promise holds.
 */
export async function readOrCreateSalt(day: string, candidate: string, now = Date.now()): Promise<DaySalt> {
  const key = KEYS.pseudonymSalt(day);
  const existing = await kvs.getSecret<unknown>(key);
  const stored = parseSalt(existing);
  if (stored && stored.expiresAt > now) return stored;
  if (existing !== undefined) await kvs.deleteSecret(key);
  const created: DaySalt = { salt: candidate, expiresAt: now + SALT_LIFETIME_MS };
  try {
    // Two instances may race to create the day's salt: the first wins, the other reads it.
    await kvs.setSecret(key, created, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: SALT_LIFETIME_MS / 3_600_000, unit: 'HOURS' } });
    return created;
  } catch (error) {
    const winner = parseSalt(await kvs.getSecret<unknown>(key));
    if (winner === undefined || winner.expiresAt <= now) throw error;
    return winner;
  }
}
