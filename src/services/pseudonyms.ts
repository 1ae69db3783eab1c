import { createHmac, randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { KEYS } from '../storage/keys';
import { MemoryCache } from './memory-cache';
import { utcDay } from '../domain/view';

/**
 * Extended privacy stores no account id. To still apply the blocking time, a viewer is known by an
 * HMAC of their account id under a secret salt of the day. The salt is a KVS secret that expires
 * after two days: from then on nobody, not even us, can link the pseudonym back to a person.
 */
const saltCache = new MemoryCache<string>(60 * 60 * 1000, 4);

export async function pseudonymFor(accountId: string, at: number): Promise<string> {
  const salt = await saltOf(utcDay(at));
  return `p-${createHmac('sha256', salt).update(accountId).digest('base64url').slice(0, 22)}`;
}

async function saltOf(day: string): Promise<string> {
  const cached = saltCache.get(day);
  if (cached) return cached;
  const key = KEYS.pseudonymSalt(day);
  let salt = await kvs.getSecret<string>(key);
  if (salt === undefined) {
    const candidate = randomBytes(32).toString('base64url');
    try {
      // Two instances may race to create the day's salt: the first wins, the other reads it.
      await kvs.setSecret(key, candidate, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 2, unit: 'DAYS' } });
      salt = candidate;
    } catch {
      salt = await kvs.getSecret<string>(key);
    }
  }
  if (salt === undefined) throw new Error('Could not read or create the pseudonym salt');
  saltCache.set(day, salt);
  return salt;
}
