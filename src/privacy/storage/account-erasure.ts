import { kvs } from '@forge/kvs';
import { deleteEntityKeys } from '../../core/storage/delete-keys';
import { ENTITY, KEYS } from '../../core/storage/keys';
import { redactAccountInAdminRecords } from './account-references';
import { deleteStoredAudiences } from '../../reach/index';
import { deleteGroupPreparations } from '../../reports/index';

/**
 * Erases everything stored under a closed account: its views, its histories, its daily and monthly rows, its
 * cached groups, reach's audiences and group reports being prepared (prepared again on demand), its id in
 * the admin records (redacted) and its registration. Page and space totals
 * hold no account id and keep the views.
 * Returns the number of rows deleted.
 */
export async function eraseAccount(accountId: string): Promise<number> {
  let deleted = 0;
  for (const entityName of [ENTITY.view, ENTITY.viewerContent, ENTITY.viewerDay, ENTITY.viewerMonth]) {
    for (;;) {
      const page = await kvs.entity<unknown>(entityName).query().index('by-viewer', { partition: [accountId] }).limit(100).getMany();
      const keys = page.results.map((result) => result.key);
      await deleteEntityKeys(entityName, keys);
      deleted += keys.length;
      if (keys.length < 100) break;
    }
  }
  await kvs.delete(KEYS.userGroups(accountId));
  // Reach's audiences listed from Confluence (TTL 15 min) name members: dropped, listed again on demand.
  deleted += await deleteStoredAudiences();
  // Group-filtered reports prepared over several calls name members by pseudonym (TTL 30 min): dropped too.
  deleted += await deleteGroupPreparations();
  deleted += await redactAccountInAdminRecords(accountId);
  await kvs.entity(ENTITY.account).delete(KEYS.account(accountId));
  return deleted;
}
