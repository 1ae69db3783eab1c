import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { ACCESS_GROUPS_MS, type StoredGroups } from '../../access/index';
import { pseudonymFor } from '../../privacy/index';
import { KEYS } from '../../core/storage/keys';

const TTL = { ttl: { value: ACCESS_GROUPS_MS / 60_000, unit: 'MINUTES' as const } };
const kept = z.object({ groupIds: z.array(z.string()), at: z.number() });

/**
 * A report caller's groups kept in storage for `ACCESS_GROUPS_MS` (`cg:<daily pseudonym>`: the key names
 * no account, in any privacy mode, and expires within minutes). The access module decides whether a
 * copy still stands (it checks the time itself: Forge may return an item up to 48 h past its TTL).
 * The pseudonym is worked out only when the groups are asked for.
 */
export function callerGroupsStore(accountId: string): StoredGroups {
  const key = async () => KEYS.callerGroups(await pseudonymFor(accountId, Date.now()));
  return {
    read: async () => {
      const parsed = kept.safeParse(await kvs.get(await key()));
      return parsed.success ? parsed.data : undefined;
    },
    write: async (groupIds, at) => { await kvs.set(await key(), { groupIds: [...groupIds], at }, TTL); },
  };
}
