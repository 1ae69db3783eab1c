import type { DemoContent, DemoGroup, DemoSpace, DemoUser } from '../demo/directory';

/** Confluence Cloud REST v1 response shapes for the demo directory (fields the app or a reader would use). */
export function groupJson(group: DemoGroup): Record<string, unknown> {
  return {
    type: 'group',
    name: group.name,
    id: group.id,
    _links: { self: `/rest/api/group/by-id?id=${group.id}` },
  };
}

export function userJson(user: DemoUser): Record<string, unknown> {
  const closed = user.status === 'closed';
  return {
    type: 'known',
    accountId: user.accountId,
    accountType: 'atlassian',
    email: '',
    publicName: closed ? 'Former user' : user.displayName,
    displayName: closed ? 'Former user' : user.displayName,
    profilePicture: { path: `/wiki/aa-avatar/${user.accountId}`, width: 48, height: 48, isDefault: closed },
    isExternalCollaborator: false,
    accountStatus: closed ? 'closed' : 'active',
    _links: { self: `/rest/api/user?accountId=${user.accountId}` },
  };
}

export const ANONYMOUS_USER_JSON = {
  type: 'anonymous',
  displayName: 'Anonymous',
  publicName: 'Anonymous',
  profilePicture: { path: '/wiki/s/default-avatar.png', width: 48, height: 48, isDefault: true },
  _links: { self: '/rest/api/user/anonymous' },
};

export function spaceJson(space: DemoSpace): Record<string, unknown> {
  return {
    id: space.id,
    key: space.key,
    alias: space.key,
    name: space.name,
    type: space.type,
    status: 'current',
    _links: { webui: `/spaces/${space.key}`, self: `/rest/api/space/${space.key}` },
    _expandable: { description: '', homepage: '', icon: '' },
  };
}

export function contentJson(content: DemoContent, space: DemoSpace, expandSpace: boolean): Record<string, unknown> {
  return {
    id: content.id,
    type: content.type,
    status: 'current',
    title: content.title,
    ...(expandSpace ? { space: spaceJson(space) } : {}),
    _links: { webui: contentWebPath(content), self: `/rest/api/content/${content.id}`, tinyui: `/x/${content.id}` },
    _expandable: { ...(expandSpace ? {} : { space: `/rest/api/space/${space.key}` }), history: '', version: '', body: '' },
  };
}

/** The path (under /wiki) at which the local host renders a piece of content, like Confluence does. */
export function contentWebPath(content: DemoContent): string {
  const slug = content.title.replace(/[^A-Za-z0-9]+/g, '+').replace(/^\+|\+$/g, '');
  return content.type === 'page'
    ? `/spaces/${content.spaceKey}/pages/${content.id}/${slug}`
    : `/spaces/${content.spaceKey}/blog/${content.id}/${slug}`;
}

export function errorJson(statusCode: number, message: string): Record<string, unknown> {
  return { statusCode, data: { authorized: statusCode !== 401 && statusCode !== 403, valid: true, errors: [], successful: false }, message };
}
