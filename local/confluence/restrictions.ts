import type { DemoContent, DemoSpace } from '../demo/directory';

/**
 * `content/{id}?expand=restrictions.read.restrictions.user,restrictions.read.restrictions.group` and
 * `space/{key}?expand=permissions`, in Confluence Cloud's v1 shapes, reduced to what the demo knows:
 * a content's read restriction (users, groups) and whether a space lets anonymous visitors read it.
 */
export function readRestrictionsJson(content: DemoContent): Record<string, unknown> {
  const users = content.restriction?.userIds ?? [];
  const groups = content.restriction?.groupIds ?? [];
  return {
    read: {
      operation: 'read',
      restrictions: {
        user: { results: users.map((accountId) => ({ type: 'known', accountId })), start: 0, limit: 200, size: users.length },
        group: { results: groups.map((id) => ({ type: 'group', id })), start: 0, limit: 200, size: groups.length },
      },
    },
  };
}

/** The group every space of the demo grants read to (Confluence's default users group). */
export const SPACE_READ_GROUP = 'confluence-users';

export function spacePermissionsJson(space: DemoSpace): Array<Record<string, unknown>> {
  return [
    { operation: { operation: 'read', targetType: 'space' }, anonymousAccess: false, unlicensedAccess: false, subjects: { group: { results: [{ type: 'group', name: SPACE_READ_GROUP }] } } },
    ...(space.anonymousAccess ? [{ operation: { operation: 'read', targetType: 'space' }, anonymousAccess: true, unlicensedAccess: true }] : []),
  ];
}
