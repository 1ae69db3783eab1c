import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { deleteApiToken, readApiToken, writeApiToken, type StoredApiToken } from './storage/api-token-store';
import { MemoryCache } from '../platform/memory-cache';
import { NO_ACCOUNT } from '../core/storage/account-registry';
import { currentSettings } from './settings-source';

/** Token lookups on every API call are cached briefly; rotation in this instance clears the cache. */
const cache = new MemoryCache<StoredApiToken | null>(30_000, 1);

export async function currentApiToken(): Promise<StoredApiToken | undefined> {
  const cached = cache.get('token');
  if (cached !== undefined) return cached ?? undefined;
  const stored = await readApiToken();
  cache.set('token', stored ?? null);
  return stored;
}

/**
 * A new random token replaces the old one at once: tools still using the old one are refused. Its
 * creator is recorded (and registered as personal data), except under Extended privacy, which stores
 * no account id: the token then names nobody.
 */
export async function rotateApiToken(accountId: string, now: number): Promise<{ token: string; stored: StoredApiToken }> {
  const token = `vt_${randomBytes(32).toString('base64url')}`;
  const createdBy = (await currentSettings()).privacy.mode === 'extended' ? NO_ACCOUNT : accountId;
  const stored: StoredApiToken = { sha256: sha256(token), hint: token.slice(-4), createdAt: now, createdBy };
  await writeApiToken(stored);
  cache.clear();
  return { token, stored };
}

export async function revokeApiToken(): Promise<void> {
  await deleteApiToken();
  cache.clear();
}

/** Constant-time comparison of hashes: the response time says nothing about how much of a guess was right. */
export async function isValidApiToken(presented: string): Promise<boolean> {
  const stored = await currentApiToken();
  if (!stored || presented.length < 10 || presented.length > 200) return false;
  return timingSafeEqual(Buffer.from(sha256(presented), 'hex'), Buffer.from(stored.sha256, 'hex'));
}

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
