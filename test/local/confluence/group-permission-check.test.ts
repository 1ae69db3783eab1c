/**
 * The local Confluence's permission check for a group subject answers as Confluence would for the
 * demo's data: the spaces grant read to the default users group, a restriction admits only the
 * groups it names (and then only if they may read the space), an unknown group may read nothing.
 */
import { ConfluenceFake } from '../../../local/confluence/rest';
import { Directory } from '../../../local/demo/directory';
import { generateSite, GROUP_NAMES } from '../../../local/demo/generate-site';
import { DEMO_SIZES } from '../../../local/demo/sizes';

const directory = new Directory(generateSite(7, DEMO_SIZES.small, Date.UTC(2026, 10, 1)));
const fake = new ConfluenceFake(directory);
// The permission check as an app that may see the content (restrictions naming the app's user).
fake.appUser.restricted = false;
const groupId = (name: string) => directory.site.groups.find((group) => group.name === name)!.id;

function check(contentId: string, subject: unknown): { status: number; body: unknown } {
  const response = fake.handle({ method: 'POST', path: `/wiki/rest/api/content/${contentId}/permission/check`, body: JSON.stringify({ subject, operation: 'read' }), caller: { kind: 'app' } });
  return { status: response.status, body: response.body };
}

const mayRead = (contentId: string, group: string) => check(contentId, { type: 'group', identifier: group });

describe('permission check for a group', () => {
  const open = directory.site.contents.find((c) => c.restriction === null)!;
  const userRestricted = directory.site.contents.find((c) => c.restriction && c.restriction.userIds.length > 0 && c.restriction.groupIds.length === 0);

  it('lets the default users group read unrestricted content, and no other group (no space grant)', () => {
    expect(mayRead(open.id, groupId(GROUP_NAMES.users))).toEqual({ status: 200, body: { hasPermission: true } });
    expect(mayRead(open.id, groupId(GROUP_NAMES.hr))).toMatchObject({ status: 200, body: { hasPermission: false } });
    expect(mayRead(open.id, groupId(GROUP_NAMES.admins))).toMatchObject({ status: 200, body: { hasPermission: false } });
    expect(mayRead(open.id, 'no-such-group')).toMatchObject({ status: 200, body: { hasPermission: false } });
  });

  it('refuses a restricted content to a group the restriction does not name, even the users group', () => {
    expect(userRestricted).toBeDefined();
    expect(mayRead(userRestricted!.id, groupId(GROUP_NAMES.users))).toMatchObject({ status: 200, body: { hasPermission: false } });
  });

  it('admits a group a restriction names only when that group may also read the space', () => {
    const content = { ...open, id: '990000001', restriction: { userIds: [], groupIds: [groupId(GROUP_NAMES.users)] } };
    directory.site.contents.push(content);
    const withRestriction = new ConfluenceFake(new Directory(directory.site));
    withRestriction.appUser.restricted = false;
    const ask = (group: string) => withRestriction.handle({ method: 'POST', path: `/wiki/rest/api/content/${content.id}/permission/check`, body: JSON.stringify({ subject: { type: 'group', identifier: group }, operation: 'read' }), caller: { kind: 'app' } });
    expect(ask(groupId(GROUP_NAMES.users)).body).toEqual({ hasPermission: true });
    directory.site.contents.pop();
  });

  it('answers 404 for unknown content and 400 for an unknown subject type', () => {
    expect(mayRead('123', groupId(GROUP_NAMES.users)).status).toBe(404);
    expect(check(open.id, { type: 'role', identifier: 'x' }).status).toBe(400);
  });
});

describe('restrictions changed after the site was generated (the developer endpoint)', () => {
  it('answers with the new restriction, which the content’s descendants inherit, for groups and users', () => {
    const local = new ConfluenceFake(directory);
    local.appUser.restricted = false;
    const child = directory.site.contents.find((c) => c.parentId && c.restriction === null && directory.content(c.parentId)?.restriction === null)!;
    const parent = directory.content(child.parentId!)!;
    const reader = directory.site.users.find((u) => u.status === 'active' && u.role === 'reader' && !u.isAdmin && u.accountType === 'licensed')!;
    const ask = (id: string, subject: unknown) => local.handle({ method: 'POST', path: `/wiki/rest/api/content/${id}/permission/check`, body: JSON.stringify({ subject, operation: 'read' }), caller: { kind: 'app' } }).body;
    const users = { type: 'group', identifier: groupId(GROUP_NAMES.users) };
    const user = { type: 'user', identifier: reader.accountId };
    expect([ask(parent.id, users), ask(child.id, users), ask(child.id, user)]).toEqual([{ hasPermission: true }, { hasPermission: true }, { hasPermission: true }]);

    local.overlay.restriction.set(parent.id, { userIds: ['someone-else'], groupIds: [] });
    for (const id of [parent.id, child.id]) {
      expect(ask(id, users)).toMatchObject({ hasPermission: false });
      expect(ask(id, user)).toMatchObject({ hasPermission: false });
    }
    local.overlay.restriction.set(parent.id, { userIds: [reader.accountId], groupIds: [] });
    expect(ask(child.id, user)).toEqual({ hasPermission: true });
    expect(ask(child.id, users)).toMatchObject({ hasPermission: false });
    local.overlay.restriction.set(parent.id, null);
    expect(ask(child.id, users)).toEqual({ hasPermission: true });
  });
});
