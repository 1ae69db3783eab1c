import { createHmac, randomBytes } from 'node:crypto';
import { readOrCreateSalt, type DaySalt } from './storage/salt-store';
import { MemoryCache } from '../platform/memory-cache';
import { utcDay } from '../core/model/view';

/**
 * Extended privacy stores no account id. To still apply the blocking time, a viewer is known by an
 * HMAC of their account id under a secret salt of the day. The salt expires after two days: from
 * then on nobody, not even us, can link the pseudonym back to a person.
 */
const saltCache = new MemoryCache<DaySalt>(60 * 60 * 1000, 4);

export async function pseudonymFor(accountId: string, at: number, now = Date.now()): Promise<string> {
  const day = utcDay(at);
  let salt = saltCache.get(day);
  // The salt's own expiry, not only the cache's hour: a cached salt is never used past its time.
  if (salt === undefined || salt.expiresAt <= now) {
    salt = await readOrCreateSalt(day, randomBytes(32).toString('base64url'), now);
    saltCache.set(day, salt);
  }
  return `p-${createHmac('sha256', salt.salt).update(accountId).digest('base64url').slice(0, 22)}`;
}
