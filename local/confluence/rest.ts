import type { DemoContent, Directory, Restriction } from '../demo/directory';
import { APP_ACCOUNT_ID, describeCaller, type Caller } from './caller';
import { cursorPageOf, pageOf, readPaging } from './paging';
import { activeUser, canBrowseDirectory, canGroupViewContent, canViewContent, canViewSpace } from './permissions';
import { ANONYMOUS_USER_JSON, contentJson, errorJson, groupJson, spaceJson, userJson } from './shapes';
import { Throttle } from './throttle';
import { PointsMeter } from './points';
import { answerSpacesV2, answerV2, ContentOverlay, RateLimiter } from './content-v2';
import { CqlError, ancestorsOf, parseCql, type CqlPredicate } from './cql';
import { readRestrictionsJson, SPACE_READ_GROUP, spacePermissionsJson } from './restrictions';
import { ContentPropertyStore } from './content-properties';
import { cloudStrictness, screen, type CloudStrictness } from './strictness';

export interface RestRequest {
  method: string;
  /** The JSON body of a POST, as text. */
  body?: string;
  /** Path and query, e.g. `/wiki/rest/api/content/123?expand=space`. */
  path: string;
  caller: Caller;
}

export interface RestResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface LoggedRequest {
  at: number;
  method: string;
  path: string;
  caller: string;
  status: number;
}

type Handler = (match: RegExpMatchArray, params: URLSearchParams, caller: Caller) => RestResponse;

const LOG_SIZE = 500;

/**
 * The Confluence REST API as the app sees it, answered from the demo directory with Confluence Cloud's
 * shapes and status codes. Any route it does not know is a 404 that names the route, logged loudly:
 * the app calling something new must show up here, not pass silently.
 */
export class ConfluenceFake {
  readonly throttle = new Throttle();
  /**
   * Points spent as Confluence Cloud counts them (see points.ts); with an hourly budget
   * (LOCAL_CONFLUENCE_POINTS_PER_HOUR or `points.setHourlyBudget`) every call answers 429 once it is spent.
   */
  readonly points = new PointsMeter({ hourlyBudget: process.env.LOCAL_CONFLUENCE_POINTS_PER_HOUR ? Number(process.env.LOCAL_CONFLUENCE_POINTS_PER_HOUR) : undefined });
  /** Lifecycle changes made through the developer endpoints (trash, move, purge), seen by every route. */
  readonly overlay = new ContentOverlay();
  /** The v2 content listing is rate limited (429 + Retry-After), as Confluence's is. */
  readonly v2Limiter = new RateLimiter(Number(process.env.LOCAL_CONFLUENCE_V2_RATE ?? 50));
  /** Content properties per content (v2 routes), their scopes and points, and their CQL index. */
  readonly properties: ContentPropertyStore;
  private readonly log: LoggedRequest[] = [];
  /** Every request answered since start (the log keeps only the last 500). */
  requestCount = 0;
  /**
   * The app's own user as on Confluence Cloud (ECO-822): `asApp()` sees a space only with its view
   * permission and content only when no restriction excludes it. `LOCAL_APP_SEES_ALL=1` (or setting
   * `restricted` false) keeps the old, all-seeing app for tests written before.
   */
  readonly appUser = { restricted: process.env.LOCAL_APP_SEES_ALL !== '1' };
  private readonly routes: Array<[RegExp, Handler]>;

  /** How closely requests are held to Cloud's published contract (./strictness.ts); strict unless a test says otherwise. */
  readonly strictness: CloudStrictness;

  constructor(private readonly directory: Directory, strictness: Partial<CloudStrictness> = {}) {
    this.strictness = cloudStrictness(strictness);
    this.properties = new ContentPropertyStore(directory);
    this.routes = [
      [/^\/wiki\/rest\/api\/user\/current$/, (_m, params, caller) => this.currentUser(params, caller)],
      [/^\/wiki\/rest\/api\/user\/memberof$/, (_m, params, caller) => this.memberOf(params, caller)],
      [/^\/wiki\/rest\/api\/user\/bulk$/, (_m, params, caller) => this.usersBulk(params, caller)],
      [/^\/wiki\/rest\/api\/user$/, (_m, params, caller) => this.user(params, caller)],
      [/^\/wiki\/rest\/api\/group\/picker$/, (_m, params, caller) => this.groupPicker(params, caller)],
      [/^\/wiki\/rest\/api\/group\/by-id$/, (_m, params, caller) => this.groupBy('id', params, caller)],
      [/^\/wiki\/rest\/api\/group\/by-name$/, (_m, params, caller) => this.groupBy('name', params, caller)],
      [/^\/wiki\/rest\/api\/group$/, (_m, params, caller) => this.groups(params, caller)],
      [/^\/wiki\/rest\/api\/group\/([^/]+)\/membersByGroupId$/, (m, params, caller) => this.groupMembers(decodeURIComponent(m[1]!), params, caller)],
      [/^\/wiki\/rest\/api\/content\/(\d+)$/, (m, params, caller) => this.content(m[1]!, params, caller)],
      [/^\/wiki\/rest\/api\/space\/([^/]+)$/, (m, params, caller) => this.space(decodeURIComponent(m[1]!), params, caller)],
      [/^\/wiki\/rest\/api\/space$/, (_m, params, caller) => this.spaces(params, caller)],
      [/^\/wiki\/api\/v2\/spaces\/(\d+)\/operations$/, (m, _params, caller) => this.spaceOperations(Number(m[1]), caller)],
      [/^\/wiki\/api\/v2\/spaces\/(\d+)\/permissions$/, (m, params, caller) => this.spacePermissionAssignments(Number(m[1]), params, caller)],
      [/^\/wiki\/rest\/api\/content\/search$/, (_m, params, caller) => this.contentSearch(params, caller)],
      [/^\/wiki\/rest\/api\/search\/user$/, (_m, params, caller) => this.userSearch(params, caller)],
    ];
  }

  handle(incoming: RestRequest): RestResponse {
    const request: RestRequest = incoming.caller.kind === 'app' ? { ...incoming, caller: { kind: 'app', restricted: this.appUser.restricted } } : incoming;
    // Held to the published contract first: a scope the app lacks or a deprecated route never reaches the site.
    const screened = screen(this.strictness, request.method, new URL(request.path, 'http://confluence.local'));
    if (screened.kind === 'answer') return this.logged(request, { status: screened.status, body: screened.body });
    const url = screened.url;
    const permissionCheck = url.pathname.match(/^\/wiki\/rest\/api\/content\/(\d+)\/permission\/check$/);
    const spent = this.points.retryAfter();
    const response = spent !== null
      ? { status: 429, body: errorJson(429, 'Rate limit exceeded: the hourly points budget is spent'), headers: { 'Retry-After': String(spent) } }
      : permissionCheck && request.method.toUpperCase() === 'POST'
        ? this.checkContentPermission(permissionCheck[1]!, request.body ?? '', request.caller)
        : this.route(request.method.toUpperCase(), url, request.caller, request.body);
    this.points.charge(request.method, url.pathname, response.status, response.body);
    return this.logged(request, response);
  }

  private logged(request: RestRequest, response: RestResponse): RestResponse {
    this.requestCount += 1;
    this.log.push({ at: Date.now(), method: request.method, path: request.path, caller: describeCaller(request.caller), status: response.status });
    if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
    return response;
  }

  recentRequests(): LoggedRequest[] {
    return [...this.log];
  }

  private route(method: string, url: URL, caller: Caller, body?: string): RestResponse {
    if (/^\/wiki\/api\/v2\/(pages|blogposts)\/\d+\/properties/.test(url.pathname)) {
      const retryAfter = this.throttle.take(url.pathname);
      if (retryAfter !== null) return { status: 429, body: errorJson(429, 'Rate limit exceeded'), headers: { 'Retry-After': String(retryAfter) } };
      const answer = this.properties.handle(method, url, body, caller);
      if (answer) return answer;
    }
    // The v2 listings of the inventory (pages, blog posts, spaces by id); other v2 paths (a space's operations) are routes below.
    // The v2 space list answers every caller with the spaces they may view (the space picker, space names).
    if (url.pathname === '/wiki/api/v2/spaces' && caller.kind !== 'app') {
      if (method !== 'GET') return json(405, errorJson(405, `${method} is not supported on ${url.pathname} by the local Confluence`));
      return answerSpacesV2(this.directory, url.searchParams, (space) => canViewSpace(this.directory, caller, space));
    }
    if (/^\/wiki\/api\/v2\/(pages|blogposts|spaces)$/.test(url.pathname)) {
      // Users get the listing with their own rights (the admin's side of the settings page's access check).
      if (caller.kind === 'anonymous') return json(401, errorJson(401, 'The v2 listing needs a signed-in user or the app'));
      const retryAfter = this.throttle.take(url.pathname) ?? this.v2Limiter.take();
      if (retryAfter !== null) return { status: 429, body: errorJson(429, 'Rate limit exceeded'), headers: { 'Retry-After': String(retryAfter) } };
      return answerV2(this.directory, this.overlay, url.pathname, url.searchParams, {
        content: (content) => this.visibleTo(caller, content), space: (space) => canViewSpace(this.directory, caller, space),
      }) ?? json(404, errorJson(404, url.pathname));
    }
    for (const [pattern, handler] of this.routes) {
      const match = url.pathname.match(pattern);
      if (!match) continue;
      if (method !== 'GET') return json(405, errorJson(405, `${method} is not supported on ${url.pathname} by the local Confluence`));
      const retryAfter = this.throttle.take(url.pathname);
      if (retryAfter !== null) {
        return { status: 429, body: errorJson(429, 'Rate limit exceeded'), headers: { 'Retry-After': String(retryAfter) } };
      }
      return handler(match, url.searchParams, caller);
    }
    const message = `local Confluence: no route for ${method} ${url.pathname}. Add it to local/confluence/rest.ts if the app needs it.`;
    console.error(`\n!!! ${message}\n`);
    return json(404, errorJson(404, message));
  }

  /**
   * `POST /wiki/rest/api/content/{id}/permission/check` with `{subject: {type: 'user', identifier},
   * operation: 'read'}` (or `type: 'group'` with a group id): whether that user (group) may see the content. Apps call it as the app, which also
   * works for guests (they cannot make asUser calls on Forge).
   */
  private checkContentPermission(contentId: string, body: string, caller: Caller): RestResponse {
    if (caller.kind !== 'app') return json(403, errorJson(403, 'Permission checks for other users need the app'));
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return json(400, errorJson(400, 'The body is not JSON'));
    }
    const request = parsed as { subject?: { type?: unknown; identifier?: unknown }; operation?: unknown };
    if ((request.subject?.type !== 'user' && request.subject?.type !== 'group') || typeof request.subject.identifier !== 'string' || request.operation !== 'read') {
      return json(400, errorJson(400, 'Expected {subject: {type: "user" | "group", identifier}, operation: "read"}'));
    }
    const stored = this.directory.content(contentId);
    if (!stored) return json(404, errorJson(404, `No content with id ${contentId}`));
    // Restrictions as they are now (the overlay records changes made since the site was generated).
    const content = this.overlay.view(stored)?.content ?? stored;
    // The app's own user asks about content it may not see itself: Confluence does not reveal it.
    if (!this.visibleTo(caller, content)) return json(404, errorJson(404, `No content with id ${contentId}`));
    if (request.subject.type === 'group') {
      // Confluence identifies the group by its id here (PermissionSubjectWithGroupId); an unknown id is a "no".
      const groupAllowed = canGroupViewContent(this.directory, request.subject.identifier, content)
        && this.inheritedRestrictions(stored).every((r) => r.groupIds.includes(String(request.subject!.identifier)));
      return json(200, { hasPermission: groupAllowed, ...(groupAllowed ? {} : { errors: [{ message: { key: 'permission.denied' } }] }) });
    }
    const user = activeUser(this.directory, request.subject.identifier);
    const hasPermission = user !== undefined && canViewContent(this.directory, { kind: 'user', accountId: user.accountId }, content)
      && (user.isAdmin || this.inheritedRestrictions(stored).every((r) => r.userIds.includes(user.accountId) || user.groupIds.some((id) => r.groupIds.includes(id))));
    return json(200, { hasPermission, ...(hasPermission ? {} : { errors: [{ message: { key: 'permission.denied' } }] }) });
  }

  /**
   * Whether the caller sees this content (as it is now): space permission, its own restriction and,
   * for the app's own user, the restrictions it inherits from ancestors (each must name the app).
   */
  visibleTo(caller: Caller, content: DemoContent): boolean {
    if (!canViewContent(this.directory, caller, content)) return false;
    if (caller.kind !== 'app' || !caller.restricted) return true;
    return this.inheritedRestrictions(content).every((r) => r.userIds.includes(APP_ACCOUNT_ID));
  }

  /**
   * Deletes a space as Confluence does: every content currently in it (pages, blog posts and their
   * attachments, by the space they live in now) is purged with no per-content event (Forge's
   * Confluence events reference: "cascading deletion events aren't emitted"); only
   * `avi:confluence:deleted:space:V2` is sent, in the payload returned here. The space itself stays
   * in the demo directory (other demo data names it), emptied of content. Space events are not
   * about content, so the app user's event gate delivers them (local/host/event-gate.ts).
   */
  deleteSpace(spaceKey: string, atlassianId: string): { purged: string[]; event: { eventType: string } & Record<string, unknown> } | null {
    const space = this.directory.space(spaceKey);
    if (!space) return null;
    const purged = this.directory.site.contents
      .filter((content) => !this.overlay.purged.has(content.id) && (this.overlay.space.get(content.id) ?? content.spaceKey) === spaceKey)
      .map((content) => content.id);
    for (const id of purged) this.overlay.purged.add(id);
    const event = {
      eventType: 'avi:confluence:deleted:space:V2',
      atlassianId,
      eventCreatedDate: new Date().toISOString(),
      space: { id: space.id, key: space.key, alias: space.key, name: space.name, type: space.type, status: 'current' },
    };
    return { purged, event };
  }

  /**
   * Whether Confluence delivers product events about this content to the app: not for content
   * restricted away from the app's user (ECO-961), which includes the `permissions_updated` of the
   * change that restricted it (CONFCLOUD-82583). Unknown ids (attachments, spaces) are delivered.
   */
  deliversEventsAbout(contentId: string): boolean {
    const stored = this.directory.content(contentId);
    if (!stored || !this.appUser.restricted) return true;
    const current = this.overlay.view(stored);
    return this.visibleTo({ kind: 'app', restricted: true }, current?.content ?? stored);
  }

  /**
   * Restrictions set on ancestors through the developer endpoint, which descendants inherit as in
   * Confluence (a reader must pass every one). The generated site's own restrictions stay per page.
   */
  private inheritedRestrictions(content: DemoContent): Restriction[] {
    return ancestorsOf(content, this.directory).flatMap((id) => {
      const restriction = this.overlay.restriction.get(id);
      return restriction ? [restriction] : [];
    });
  }

  private currentUser(params: URLSearchParams, caller: Caller): RestResponse {
    const withOperations = expands(params, 'operations');
    if (caller.kind === 'app') {
      return json(200, { type: 'known', accountId: APP_ACCOUNT_ID, accountType: 'app', displayName: 'Viewtracker', publicName: 'Viewtracker', ...(withOperations ? { operations: [] } : {}) });
    }
    if (caller.kind === 'anonymous') {
      return json(200, { ...ANONYMOUS_USER_JSON, ...(withOperations ? { operations: [{ operation: 'use', targetType: 'application' }] } : {}) });
    }
    const user = activeUser(this.directory, caller.accountId);
    if (!user) return json(401, errorJson(401, 'The calling user is unknown or deactivated'));
    const operations = [
      ...(user.isAdmin ? [{ operation: 'administer', targetType: 'application' }] : []),
      { operation: 'use', targetType: 'application' },
      ...(user.accountType === 'licensed' ? [{ operation: 'create', targetType: 'space' }] : []),
    ];
    return json(200, { ...userJson(user), ...(withOperations ? { operations } : { _expandable: { operations: '' } }) });
  }

  private memberOf(params: URLSearchParams, caller: Caller): RestResponse {
    const denied = this.directoryDenied(caller);
    if (denied) return denied;
    const accountId = params.get('accountId');
    if (!accountId) return json(400, errorJson(400, 'accountId is required'));
    const user = this.directory.user(accountId);
    if (!user) return json(404, errorJson(404, `No user found with accountId: ${accountId}`));
    const groups = user.groupIds.flatMap((id) => this.directory.groupsById.get(id) ?? []).map(groupJson);
    return json(200, pageOf(groups, readPaging(params, 200, 200), '/rest/api/user/memberof', params));
  }

  private user(params: URLSearchParams, caller: Caller): RestResponse {
    const denied = this.directoryDenied(caller);
    if (denied) return denied;
    const accountId = params.get('accountId');
    if (!accountId) return json(400, errorJson(400, 'accountId is required'));
    const user = this.directory.user(accountId);
    return user ? json(200, userJson(user)) : json(404, errorJson(404, `No user found with accountId: ${accountId}`));
  }

  private usersBulk(params: URLSearchParams, caller: Caller): RestResponse {
    const denied = this.directoryDenied(caller);
    if (denied) return denied;
    const ids = params.getAll('accountId').flatMap((value) => value.split(',')).filter(Boolean);
    if (ids.length === 0) return json(400, errorJson(400, 'At least one accountId is required'));
    if (ids.length > 100) return json(400, errorJson(400, 'At most 100 accountIds per request'));
    const users = ids.flatMap((id) => this.directory.user(id) ?? []).map(userJson);
    return json(200, pageOf(users, readPaging(params, 200, 200), '/rest/api/user/bulk', params));
  }

  private groups(params: URLSearchParams, caller: Caller): RestResponse {
    const denied = this.directoryDenied(caller);
    if (denied) return denied;
    const groups = sortedGroups(this.directory).map(groupJson);
    return json(200, pageOf(groups, readPaging(params, 200, 200), '/rest/api/group', params));
  }

  private groupPicker(params: URLSearchParams, caller: Caller): RestResponse {
    const denied = this.directoryDenied(caller);
    if (denied) return denied;
    const query = (params.get('query') ?? '').trim().toLowerCase();
    const matching = sortedGroups(this.directory).filter((group) => group.name.toLowerCase().includes(query)).map(groupJson);
    const page = pageOf(matching, readPaging(params, 25, 200), '/rest/api/group/picker', params);
    return json(200, { ...page, totalSize: matching.length });
  }

  /** Confluence Cloud's `GET /wiki/rest/api/group/{groupId}/membersByGroupId`: users, 200 a page at most. */
  private groupMembers(groupId: string, params: URLSearchParams, caller: Caller): RestResponse {
    const denied = this.directoryDenied(caller);
    if (denied) return denied;
    if (!this.directory.groupsById.get(groupId)) return json(404, errorJson(404, `No group found with id: ${groupId}`));
    const members = this.directory.site.users.filter((user) => user.groupIds.includes(groupId)).map(userJson);
    const page = pageOf(members, readPaging(params, 200, 200), `/rest/api/group/${groupId}/membersByGroupId`, params);
    return json(200, params.get('shouldReturnTotalSize') === 'true' ? { ...page, totalSize: members.length } : page);
  }

  private groupBy(field: 'id' | 'name', params: URLSearchParams, caller: Caller): RestResponse {
    const denied = this.directoryDenied(caller);
    if (denied) return denied;
    const value = params.get(field);
    if (!value) return json(400, errorJson(400, `${field} is required`));
    const group = this.directory.site.groups.find((g) => g[field] === value);
    return group ? json(200, groupJson(group)) : json(404, errorJson(404, `No group found with ${field}: ${value}`));
  }

  private content(id: string, params: URLSearchParams, caller: Caller): RestResponse {
    const stored = this.directory.content(id);
    const content = stored && this.overlay.view(stored)?.content;
    const space = content && this.directory.space(content.spaceKey);
    // Confluence answers 404, not 403, for content the caller may not see: existence is not revealed.
    if (!content || !space || !this.visibleTo(caller, content)) {
      return json(404, errorJson(404, `No content found with id: ContentId{id=${id}}`));
    }
    return json(200, {
      ...contentJson(content, space, expands(params, 'space')),
      ...(expands(params, 'ancestors') ? { ancestors: ancestorsOf(content, this.directory).reverse().flatMap((id) => {
        const ancestor = this.directory.content(id);
        return ancestor ? [contentJson(ancestor, space, false)] : [];
      }) } : {}),
      ...(expands(params, 'restrictions.read.restrictions.user') || expands(params, 'restrictions.read.restrictions.group') ? { restrictions: readRestrictionsJson(content) } : {}),
    });
  }

  private space(key: string, params: URLSearchParams, caller: Caller): RestResponse {
    const space = this.directory.space(key);
    if (!space || !canViewSpace(this.directory, caller, space)) return json(404, errorJson(404, `No space with key : ${key}`));
    return json(200, { ...spaceJson(space), ...(expands(params, 'permissions') ? { permissions: spacePermissionsJson(space) } : {}) });
  }

  private spaces(params: URLSearchParams, caller: Caller): RestResponse {
    const keys = params.getAll('spaceKey').flatMap((value) => value.split(',')).filter(Boolean);
    const type = params.get('type');
    const visible = this.directory.site.spaces
      .filter((space) => canViewSpace(this.directory, caller, space))
      .filter((space) => keys.length === 0 || keys.includes(space.key))
      .filter((space) => !type || space.type === type)
      .map(spaceJson);
    return json(200, pageOf(visible, readPaging(params, 25, 250), '/rest/api/space', params));
  }

  /** v2 permitted operations of the calling user in a space: read, and administer for its admins. */
  private spaceOperations(id: number, caller: Caller): RestResponse {
    const space = this.directory.site.spaces.find((candidate) => candidate.id === id);
    if (!space || !canViewSpace(this.directory, caller, space)) return json(404, errorJson(404, `No space with id ${id}`));
    const user = caller.kind === 'user' ? activeUser(this.directory, caller.accountId) : undefined;
    const administer = caller.kind === 'app' || (user !== undefined && (user.isAdmin || (space.adminIds ?? []).includes(user.accountId)));
    const operations = [{ operation: 'read', targetType: 'space' }, ...(administer ? [{ operation: 'administer', targetType: 'space' }] : [])];
    return json(200, { operations });
  }

  /**
   * v2 `GET /spaces/{id}/permissions`: the space's permission assignments (principal, operation), as
   * the demo knows them: read for the default users group (or for the space's listed viewers when it
   * is closed to most of the site), read and administer for its admins. Cursor paging, 250 at most.
   */
  private spacePermissionAssignments(id: number, params: URLSearchParams, caller: Caller): RestResponse {
    if (caller.kind !== 'app') return json(403, errorJson(403, 'The local Confluence serves space permissions to the app only'));
    const space = this.directory.site.spaces.find((candidate) => candidate.id === id);
    if (!space) return json(404, errorJson(404, `No space with id ${id}`));
    const usersGroup = this.directory.groupByName(SPACE_READ_GROUP);
    const read = (type: string, principal: string) => ({ principal: { type, id: principal }, operation: { key: 'read', targetType: 'space' } });
    const all = [
      ...(space.viewerIds ? space.viewerIds.map((userId) => read('user', userId)) : usersGroup ? [read('group', usersGroup.id)] : []),
      ...(space.adminIds ?? []).flatMap((userId) => [read('user', userId), { principal: { type: 'user', id: userId }, operation: { key: 'administer', targetType: 'space' } }]),
    ].map((assignment, index) => ({ id: String(index + 1), ...assignment }));
    const limit = Math.min(250, Math.max(1, Number(params.get('limit') ?? 25) || 25));
    const start = Number(params.get('cursor') ?? 0) || 0;
    const results = all.slice(start, start + limit);
    const next = start + limit < all.length ? { next: `/wiki/api/v2/spaces/${id}/permissions?limit=${limit}&cursor=${start + limit}` } : {};
    return json(200, { results, _links: next });
  }

  /**
   * CQL search (see ./cql.ts for the forms understood): `id in (...)` (which of these the caller may
   * read), and the report scopes `space in (...)`, `label = "x"`, `(id = N or ancestor = N)`, `type`.
   * As on Cloud: current content only (trash and archive are left out), where it is now (moves), and
   * only what the caller may read (restrictions, inherited ones too); paged by cursor, no `totalSize`.
   */
  private contentSearch(params: URLSearchParams, caller: Caller): RestResponse {
    const cql = params.get('cql') ?? '';
    let matches: CqlPredicate;
    try {
      matches = parseCql(cql, this.directory, this.properties);
    } catch (error) {
      if (!(error instanceof CqlError)) throw error;
      return json(400, errorJson(400, `Could not parse cql : ${cql} (${error.message})`));
    }
    const visible = this.directory.site.contents.flatMap((stored) => {
      const now = this.overlay.view(stored);
      if (!now || now.status !== 'current') return [];
      const space = this.directory.space(now.content.spaceKey);
      if (!space || !matches(now.content) || !this.visibleTo(caller, now.content)) return [];
      if (caller.kind === 'user' && !this.passesInherited(stored, caller.accountId)) return [];
      return [contentJson(now.content, space, expands(params, 'space'))];
    });
    return json(200, cursorPageOf(visible, params, 25, 200, '/rest/api/content/search'));
  }

  /** Read restrictions set on ancestors (developer endpoint): a user must pass every one (admins pass). */
  private passesInherited(content: DemoContent, accountId: string): boolean {
    const user = activeUser(this.directory, accountId);
    if (!user) return false;
    return user.isAdmin || this.inheritedRestrictions(content).every((r) => r.userIds.includes(user.accountId) || user.groupIds.some((id) => r.groupIds.includes(id)));
  }

  /** `GET /wiki/rest/api/search/user?cql=user.fullname~"ann"`: active users whose name contains the text. */
  private userSearch(params: URLSearchParams, caller: Caller): RestResponse {
    const denied = this.directoryDenied(caller);
    if (denied) return denied;
    const cql = params.get('cql') ?? '';
    const name = /^\s*user\.fullname\s*~\s*"([^"]*)"\s*$/i.exec(cql);
    if (!name) return json(400, errorJson(400, `The local Confluence understands only user.fullname~"..." CQL, not: ${cql}`));
    const wanted = name[1]!.trim().toLowerCase();
    const users = this.directory.site.users.filter((user) => user.status === 'active' && user.displayName.toLowerCase().includes(wanted));
    const results = users.map((user) => ({ user: userJson(user), title: user.displayName, entityType: 'user' }));
    return json(200, pageOf(results, readPaging(params, 25, 1000), '/rest/api/search/user', params));
  }

  private directoryDenied(caller: Caller): RestResponse | null {
    if (caller.kind === 'anonymous') return json(401, errorJson(401, 'This resource requires a signed-in user'));
    if (!canBrowseDirectory(this.directory, caller)) return json(403, errorJson(403, 'The calling user may not browse the user directory'));
    return null;
  }
}

function sortedGroups(directory: Directory) {
  return [...directory.site.groups].sort((a, b) => a.name.localeCompare(b.name));
}

function expands(params: URLSearchParams, field: string): boolean {
  return (params.get('expand') ?? '').split(',').map((part) => part.trim()).includes(field);
}

function json(status: number, body: unknown): RestResponse {
  return { status, body };
}
