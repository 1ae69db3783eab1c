import api, { route, type APIResponse } from '@forge/api';
import type { SelfCheckItem } from '@contracts/self-check';
import { ACCEPT_JSON, SEND_JSON } from './client';

/**
 * The platform self-check's Confluence part: one call per Confluence operation the app makes, as the
 * app or the calling admin as the app does, each compared with what the app's code assumes of the answer
 * (status and shape). Scopes are those of Atlassian's description (vendor/confluence-openapi/; a test
 * checks they match). Read-only: the one POST is the permission check.
 */

type Body = Record<string, unknown>;
interface Probe {
  name: string;
  scopes: string[];
  assumption: string;
  call: () => Promise<APIResponse>;
  /** Null when the answer is as assumed, else what differs. */
  check?: (body: Body) => string | null;
}

const isObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);
const results = (body: Body): Body[] => (Array.isArray(body.results) ? body.results.filter(isObject) : []);
const links = (body: Body): Body => (isObject(body._links) ? body._links : {});
const cursorPaged = (body: Body): string | null => {
  if (!Array.isArray(body.results)) return 'no results list';
  const next = links(body).next;
  return typeof next === 'string' && !/[?&]cursor=/.test(next) ? `_links.next has no cursor: ${next.slice(0, 80)}` : null;
};

async function run(probe: Probe): Promise<SelfCheckItem & { body: Body | null }> {
  const base = { area: 'confluence' as const, name: probe.name, scopes: probe.scopes, assumption: probe.assumption };
  try {
    const response = await probe.call();
    const text = await response.text();
    let body: unknown = null;
    try { body = text ? JSON.parse(text) : null; } catch { body = null; }
    if (!response.ok) return { ...base, observed: `HTTP ${response.status}${response.status === 401 || response.status === 403 ? ' (a missing scope or permission)' : ''}`, verdict: 'differs', body: null };
    const problem = isObject(body) ? probe.check?.(body) ?? null : 'the answer is not a JSON object';
    return { ...base, observed: problem ?? `HTTP ${response.status}, shape as described`, verdict: problem ? 'differs' : 'as-assumed', body: isObject(body) ? body : null };
  } catch (error) {
    return { ...base, observed: `failed: ${error instanceof Error ? error.message.slice(0, 160) : 'unknown error'}`, verdict: 'differs', body: null };
  }
}

const skipped = (name: string, scopes: string[], assumption: string, why: string): SelfCheckItem => ({ area: 'confluence', name, scopes, assumption, observed: why, verdict: 'skipped' });

/** Runs every probe for the calling admin (`accountId`). */
export async function probeConfluenceRoutes(accountId: string): Promise<SelfCheckItem[]> {
  const items: SelfCheckItem[] = [];
  const add = async (probe: Probe) => {
    const { body, ...item } = await run(probe);
    items.push(item);
    return body;
  };
  const listed = 'HTTP 200, results, _links.next with a cursor when there is more';
  const pages = await add({ name: 'GET /wiki/api/v2/pages (as app)', scopes: ['read:page:confluence'], assumption: listed, check: cursorPaged,
    call: () => api.asApp().requestConfluence(route`/wiki/api/v2/pages?limit=1&status=current,archived,trashed`, { headers: ACCEPT_JSON }) });
  // Atlassian's description asks read:page:confluence of the blog post listing too.
  const blogs = await add({ name: 'GET /wiki/api/v2/blogposts (as app)', scopes: ['read:page:confluence'], assumption: listed, check: cursorPaged,
    call: () => api.asApp().requestConfluence(route`/wiki/api/v2/blogposts?limit=1&status=current,archived,trashed`, { headers: ACCEPT_JSON }) });
  const page = pages ? results(pages)[0] : undefined;
  const contentId = typeof page?.id === 'string' ? page.id : null;
  const spaceId = page && (typeof page.spaceId === 'string' || typeof page.spaceId === 'number') ? String(page.spaceId) : null;

  const spaces = await add({ name: 'GET /wiki/api/v2/spaces (as app)', scopes: ['read:space:confluence'], assumption: listed, check: cursorPaged,
    call: () => api.asApp().requestConfluence(route`/wiki/api/v2/spaces?limit=1`, { headers: ACCEPT_JSON }) });
  await add({ name: 'GET /wiki/api/v2/spaces (as you)', scopes: ['read:space:confluence'], assumption: `${listed}; only spaces you may view`, check: cursorPaged,
    call: () => api.asUser().requestConfluence(route`/wiki/api/v2/spaces?limit=1`, { headers: ACCEPT_JSON }) });
  const space = spaces ? results(spaces)[0] : undefined;
  const spaceKey = typeof space?.key === 'string' ? space.key : null;
  const spaceOfPage = spaceId ?? (space && (typeof space.id === 'string' || typeof space.id === 'number') ? String(space.id) : null);

  if (contentId) {
    const properties = 'HTTP 200, results of {id, key, version.number, value}';
    await add({ name: 'GET /wiki/api/v2/pages/{page-id}/properties (as app)', scopes: ['read:page:confluence'], assumption: properties, check: cursorPaged,
      call: () => api.asApp().requestConfluence(route`/wiki/api/v2/pages/${contentId}/properties?key=${'viewtracker-figures'}`, { headers: ACCEPT_JSON }) });
  } else items.push(skipped('GET /wiki/api/v2/pages/{page-id}/properties (as app)', ['read:page:confluence'], 'HTTP 200, results', 'no page to ask about'));

  if (spaceOfPage) {
    await add({ name: 'GET /wiki/api/v2/spaces/{id}/operations (as you)', scopes: ['read:space:confluence'], assumption: 'HTTP 200, operations: [{operation, targetType}]',
      check: (body) => (Array.isArray(body.operations) ? null : 'no operations list'),
      call: () => api.asUser().requestConfluence(route`/wiki/api/v2/spaces/${spaceOfPage}/operations`, { headers: ACCEPT_JSON }) });
  } else items.push(skipped('GET /wiki/api/v2/spaces/{id}/operations (as you)', ['read:space:confluence'], 'HTTP 200, operations list', 'no space to ask about'));

  const blog = blogs ? results(blogs)[0] : undefined;
  const blogId = typeof blog?.id === 'string' ? blog.id : null;
  if (blogId) {
    await add({ name: 'GET /wiki/api/v2/blogposts/{blogpost-id}/properties (as app)', scopes: ['read:page:confluence'], assumption: 'HTTP 200, results of {id, key, version.number, value}', check: cursorPaged,
      call: () => api.asApp().requestConfluence(route`/wiki/api/v2/blogposts/${blogId}/properties?key=${'viewtracker-figures'}`, { headers: ACCEPT_JSON }) });
  } else items.push(skipped('GET /wiki/api/v2/blogposts/{blogpost-id}/properties (as app)', ['read:page:confluence'], 'HTTP 200, results', 'no blog post to ask about'));

  if (spaceOfPage) {
    await add({ name: 'GET /wiki/api/v2/spaces/{id}/permissions (as app)', scopes: ['read:space:confluence'], assumption: 'HTTP 200, results of {principal: {type, id}, operation: {key, targetType}}, cursor paging',
      check: (body) => cursorPaged(body) ?? (results(body).every((grant) => isObject(grant.principal) && isObject(grant.operation)) ? null : 'grants without principal or operation'),
      call: () => api.asApp().requestConfluence(route`/wiki/api/v2/spaces/${spaceOfPage}/permissions?limit=5`, { headers: ACCEPT_JSON }) });
  } else items.push(skipped('GET /wiki/api/v2/spaces/{id}/permissions (as app)', ['read:space:confluence'], 'HTTP 200, grants', 'no space to ask about'));

  const search = 'HTTP 200, results, no totalSize, _links.next with a cursor when there is more (no start paging)';
  await add({ name: 'GET /wiki/rest/api/content/search (as you)', scopes: ['search:confluence'], assumption: search,
    check: (body) => ('totalSize' in body ? 'the answer has totalSize (the app does not rely on it)' : cursorPaged(body)),
    call: () => api.asUser().requestConfluence(route`/wiki/rest/api/content/search?cql=${'type in (page,blogpost)'}&limit=1&expand=space`, { headers: ACCEPT_JSON }) });
  await add({ name: 'GET /wiki/rest/api/content/search (as app)', scopes: ['search:confluence'], assumption: search,
    check: (body) => ('totalSize' in body ? 'the answer has totalSize (the app does not rely on it)' : cursorPaged(body)),
    call: () => api.asApp().requestConfluence(route`/wiki/rest/api/content/search?cql=${'type in (page,blogpost)'}&limit=1&expand=space`, { headers: ACCEPT_JSON }) });

  if (contentId) {
    await add({ name: 'GET /wiki/rest/api/content/{id} (as app, deprecated v1)', scopes: ['read:confluence-content.summary'], assumption: 'HTTP 200, id, type, status, title, space.key',
      check: (body) => (isObject(body.space) && typeof body.space.key === 'string' && typeof body.type === 'string' ? null : 'no type or space.key'),
      call: () => api.asApp().requestConfluence(route`/wiki/rest/api/content/${contentId}?expand=space,ancestors,restrictions.read.restrictions.user,restrictions.read.restrictions.group`, { headers: ACCEPT_JSON }) });
    await add({ name: 'POST /wiki/rest/api/content/{id}/permission/check (as app)', scopes: ['read:confluence-content.permission'], assumption: 'HTTP 200, hasPermission: boolean',
      check: (body) => (typeof body.hasPermission === 'boolean' ? null : 'no hasPermission'),
      call: () => api.asApp().requestConfluence(route`/wiki/rest/api/content/${contentId}/permission/check`, { method: 'POST', headers: SEND_JSON, body: JSON.stringify({ subject: { type: 'user', identifier: accountId }, operation: 'read' }) }) });
  } else {
    items.push(skipped('GET /wiki/rest/api/content/{id} (as app, deprecated v1)', ['read:confluence-content.summary'], 'HTTP 200, type and space.key', 'no page to ask about'));
    items.push(skipped('POST /wiki/rest/api/content/{id}/permission/check (as app)', ['read:confluence-content.permission'], 'HTTP 200, hasPermission', 'no page to ask about'));
  }
  if (spaceKey) {
    await add({ name: 'GET /wiki/rest/api/space/{spaceKey} (as app, deprecated v1)', scopes: ['read:confluence-space.summary'], assumption: 'HTTP 200, permissions with anonymousAccess flags',
      check: (body) => (Array.isArray(body.permissions) ? null : 'no permissions list (anonymous access cannot be read)'),
      call: () => api.asApp().requestConfluence(route`/wiki/rest/api/space/${spaceKey}?expand=permissions`, { headers: ACCEPT_JSON }) });
  } else items.push(skipped('GET /wiki/rest/api/space/{spaceKey} (as app, deprecated v1)', ['read:confluence-space.summary'], 'HTTP 200, permissions', 'no space to ask about'));

  await add({ name: 'GET /wiki/rest/api/user/current (as you)', scopes: ['read:confluence-user'], assumption: 'HTTP 200, operations include administer/application for you',
    check: (body) => (Array.isArray(body.operations) && body.operations.some((op) => isObject(op) && op.operation === 'administer' && op.targetType === 'application') ? null : 'administer/application missing'),
    call: () => api.asUser().requestConfluence(route`/wiki/rest/api/user/current?expand=operations`, { headers: ACCEPT_JSON }) });
  await add({ name: 'GET /wiki/rest/api/user (as app)', scopes: ['read:confluence-user'], assumption: 'HTTP 200, your accountId',
    check: (body) => (body.accountId === accountId ? null : 'another accountId'),
    call: () => api.asApp().requestConfluence(route`/wiki/rest/api/user?accountId=${accountId}`, { headers: ACCEPT_JSON }) });
  await add({ name: 'GET /wiki/rest/api/user/bulk (as app)', scopes: ['read:confluence-user'], assumption: 'HTTP 200, results with you in them',
    check: (body) => (results(body).some((user) => user.accountId === accountId) ? null : 'you are not in the results'),
    call: () => api.asApp().requestConfluence(route`/wiki/rest/api/user/bulk?${new URLSearchParams({ accountId, limit: '1' })}`, { headers: ACCEPT_JSON }) });
  const memberOf = await add({ name: 'GET /wiki/rest/api/user/memberof (as app)', scopes: ['read:confluence-user'], assumption: 'HTTP 200, your groups with ids',
    check: (body) => (results(body).every((group) => typeof group.id === 'string') ? null : 'groups without id'),
    call: () => api.asApp().requestConfluence(route`/wiki/rest/api/user/memberof?accountId=${accountId}&limit=5`, { headers: ACCEPT_JSON }) });
  await add({ name: 'GET /wiki/rest/api/search/user (as app)', scopes: ['read:content-details:confluence'], assumption: 'HTTP 200, results of {user}',
    check: (body) => (Array.isArray(body.results) ? null : 'no results list'),
    call: () => api.asApp().requestConfluence(route`/wiki/rest/api/search/user?cql=${'user.fullname~"a"'}&limit=1`, { headers: ACCEPT_JSON }) });
  await add({ name: 'GET /wiki/rest/api/group (as app)', scopes: ['read:confluence-groups'], assumption: 'HTTP 200, results of {id, name}',
    check: (body) => (Array.isArray(body.results) ? null : 'no results list'),
    call: () => api.asApp().requestConfluence(route`/wiki/rest/api/group?limit=1`, { headers: ACCEPT_JSON }) });
  await add({ name: 'GET /wiki/rest/api/group/picker (as app)', scopes: ['read:confluence-groups'], assumption: 'HTTP 200, results of {id, name}',
    check: (body) => (Array.isArray(body.results) ? null : 'no results list'),
    call: () => api.asApp().requestConfluence(route`/wiki/rest/api/group/picker?query=${'a'}&limit=1`, { headers: ACCEPT_JSON }) });
  const group = memberOf ? results(memberOf)[0] : undefined;
  const groupId = typeof group?.id === 'string' ? group.id : null;
  if (groupId) {
    await add({ name: 'GET /wiki/rest/api/group/by-id (as app)', scopes: ['read:confluence-groups'], assumption: 'HTTP 200, {id, name}',
      check: (body) => (body.id === groupId ? null : 'another group'),
      call: () => api.asApp().requestConfluence(route`/wiki/rest/api/group/by-id?id=${groupId}`, { headers: ACCEPT_JSON }) });
    await add({ name: 'GET /wiki/rest/api/group/{groupId}/membersByGroupId (as app)', scopes: ['read:confluence-groups'], assumption: 'HTTP 200, results of users with accountId',
      check: (body) => (Array.isArray(body.results) ? null : 'no results list'),
      call: () => api.asApp().requestConfluence(route`/wiki/rest/api/group/${groupId}/membersByGroupId?limit=1`, { headers: ACCEPT_JSON }) });
  } else {
    items.push(skipped('GET /wiki/rest/api/group/by-id (as app)', ['read:confluence-groups'], 'HTTP 200, {id, name}', 'you are in no group'));
    items.push(skipped('GET /wiki/rest/api/group/{groupId}/membersByGroupId (as app)', ['read:confluence-groups'], 'HTTP 200, users', 'you are in no group'));
  }
  return items;
}
