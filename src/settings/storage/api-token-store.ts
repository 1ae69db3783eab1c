import { kvs } from '@forge/kvs';
import { KEYS } from '../../core/storage/keys';
import { NO_ACCOUNT, registerAccount } from '../../core/storage/account-registry';

/** Only a hash of the view API token is stored; the token itself is shown to the admin once. */
export interface StoredApiToken {
  sha256: string;
  hint: string;
  createdAt: number;
  createdBy: string;
}

export async function readApiToken(): Promise<StoredApiToken | undefined> {
  const value = await kvs.getSecret<unknown>(KEYS.viewApiToken);
  if (typeof value !== 'object' || value === null) return undefined;
  const { sha256, hint, createdAt, createdBy } = value as Record<string, unknown>;
  if (typeof sha256 !== 'string' || typeof hint !== 'string' || typeof createdAt !== 'number' || typeof createdBy !== 'string') return undefined;
  return { sha256, hint, createdAt, createdBy };
}

/** A new token: its creator's account id is registered as personal data before it is stored. */
export async function writeApiToken(token: StoredApiToken): Promise<void> {
  if (token.createdBy !== NO_ACCOUNT) await registerAccount(token.createdBy, token.createdAt);
  await writeApiTokenRecord(token);
}

/** Rewrites the stored record as is (erasure redacts `createdBy`). */
export async function writeApiTokenRecord(token: StoredApiToken): Promise<void> {
  await kvs.setSecret(KEYS.viewApiToken, token);
}

export async function deleteApiToken(): Promise<void> {
  await kvs.deleteSecret(KEYS.viewApiToken);
}
