import type { DemoContent, DemoSpace, DemoUser, Directory } from '../demo/directory';
import { APP_ACCOUNT_ID, type Caller } from './caller';
import { SPACE_READ_GROUP } from './restrictions';

/**
 * Confluence's read permissions, reduced to what the demo needs: users see every space and all
 * content not restricted away from them; anonymous visitors see only spaces with anonymous access,
 * and never restricted content. The app's own user is a user (ECO-822): it sees a space closed to
 * named viewers only when it is one of them, and restricted content only when the restriction names
 * it (`APP_ACCOUNT_ID`). With the fake's `appUser.restricted` off (old tests), the app sees everything.
 */
export function canViewSpace(directory: Directory, caller: Caller, space: DemoSpace): boolean {
  if (caller.kind === 'app') return !caller.restricted || !space.viewerIds || space.viewerIds.includes(APP_ACCOUNT_ID);
  if (caller.kind === 'anonymous') return space.anonymousAccess;
  const user = activeUser(directory, caller.accountId);
  if (!user) return false;
  if (space.viewerIds && !user.isAdmin && !space.viewerIds.includes(user.accountId)) return false;
  // Unlicensed (guest) users reach only spaces open to anonymous visitors.
  return user.accountType === 'licensed' || space.anonymousAccess;
}

export function canViewContent(directory: Directory, caller: Caller, content: DemoContent): boolean {
  const space = directory.space(content.spaceKey);
  if (!space || !canViewSpace(directory, caller, space)) return false;
  if (content.restriction === null) return true;
  if (caller.kind === 'app') return !caller.restricted || content.restriction.userIds.includes(APP_ACCOUNT_ID);
  if (caller.kind === 'anonymous') return false;
  const user = activeUser(directory, caller.accountId);
  if (!user) return false;
  if (user.isAdmin) return true;
  const { userIds, groupIds } = content.restriction;
  return userIds.includes(user.accountId) || user.groupIds.some((id) => groupIds.includes(id));
}

/**
 * The permission check for a group subject: the group's own grants, no member's. The demo's spaces
 * grant read to the default users group only (see `spacePermissionsJson`; anonymous access is not a
 * group grant), and a restricted content is readable by a group only when the restriction names it.
 * Admin rights are a user's, so they do not lift a restriction for a group.
 */
export function canGroupViewContent(directory: Directory, groupId: string, content: DemoContent): boolean {
  const group = directory.groupsById.get(groupId);
  if (!group || !directory.space(content.spaceKey)) return false;
  const spaceGrant = group.name === SPACE_READ_GROUP;
  return spaceGrant && (content.restriction === null || content.restriction.groupIds.includes(group.id));
}

/** Directory and group lookups need a signed-in caller (or the app); anonymous visitors are refused. */
export function canBrowseDirectory(directory: Directory, caller: Caller): boolean {
  if (caller.kind === 'app') return true;
  if (caller.kind === 'anonymous') return false;
  const user = activeUser(directory, caller.accountId);
  return user !== undefined && user.accountType === 'licensed';
}

export function activeUser(directory: Directory, accountId: string): DemoUser | undefined {
  const user = directory.user(accountId);
  return user && user.status === 'active' ? user : undefined;
}
