/**
 * The demo Confluence site: users, groups, spaces and content. The local REST fake answers from it,
 * the host renders its pages from it, and the demo history views its content.
 */
export type AccountType = 'licensed' | 'unlicensed';

export interface DemoUser {
  accountId: string;
  displayName: string;
  /** What the switcher shows next to the name: why this user exists in the demo. */
  role: 'admin' | 'report-reader' | 'reader' | 'bot' | 'guest' | 'former';
  accountType: AccountType;
  /** Has the Confluence "administer" application permission. */
  isAdmin: boolean;
  groupIds: string[];
  status: 'active' | 'closed';
}

export interface DemoGroup {
  id: string;
  name: string;
}

export interface DemoSpace {
  id: number;
  key: string;
  name: string;
  type: 'global' | 'personal';
  /** Anonymous visitors may read it (the site allows anonymous access to this space). */
  anonymousAccess: boolean;
  description: string;
  /** Users with the space's "administer" permission (besides site admins, who administer every space). */
  adminIds?: string[];
  /** When set, only these users (and site admins) may view the space: a space closed to most of the site. */
  viewerIds?: string[];
}

export interface Restriction {
  /** Only these users and members of these groups may view the content. */
  userIds: string[];
  groupIds: string[];
}

export interface DemoContent {
  id: string;
  type: 'page' | 'blogpost';
  title: string;
  spaceKey: string;
  authorId: string;
  createdAt: number;
  updatedAt: number;
  version: number;
  restriction: Restriction | null;
  /** The page body carries the Viewtracker macro. */
  hasMacro: boolean;
  paragraphs: string[];
  /** Confluence labels (lower case), for label-scoped reports. */
  labels?: string[];
  /** The parent page in the space's page tree (pages only; the space home has none). */
  parentId?: string | null;
}

export interface DemoSite {
  seed: number;
  cloudId: string;
  siteName: string;
  users: DemoUser[];
  groups: DemoGroup[];
  spaces: DemoSpace[];
  contents: DemoContent[];
}

/** Fast lookups over a generated site. */
export class Directory {
  readonly usersById: ReadonlyMap<string, DemoUser>;
  readonly groupsById: ReadonlyMap<string, DemoGroup>;
  readonly spacesByKey: ReadonlyMap<string, DemoSpace>;
  readonly contentsById: ReadonlyMap<string, DemoContent>;
  /** The same map as `contentsById`, writable only through `addContent`. */
  private readonly contentMap: Map<string, DemoContent>;

  constructor(readonly site: DemoSite) {
    this.usersById = new Map(site.users.map((user) => [user.accountId, user]));
    this.groupsById = new Map(site.groups.map((group) => [group.id, group]));
    this.spacesByKey = new Map(site.spaces.map((space) => [space.key, space]));
    this.contentMap = new Map(site.contents.map((content) => [content.id, content]));
    this.contentsById = this.contentMap;
  }

  user(accountId: string): DemoUser | undefined {
    return this.usersById.get(accountId);
  }

  space(key: string): DemoSpace | undefined {
    return this.spacesByKey.get(key);
  }

  content(id: string): DemoContent | undefined {
    return this.contentsById.get(id);
  }

  groupByName(name: string): DemoGroup | undefined {
    return this.site.groups.find((group) => group.name === name);
  }

  /** Tests of large scopes add content to a generated site (searches and look-ups both see it). */
  addContent(content: DemoContent): void {
    this.site.contents.push(content);
    this.contentMap.set(content.id, content);
  }

  contentsOf(spaceKey: string): DemoContent[] {
    return this.site.contents.filter((content) => content.spaceKey === spaceKey);
  }

  /** The first user with a role: tests and docs name demo users by role, not by generated id. */
  firstWithRole(role: DemoUser['role']): DemoUser {
    const found = this.site.users.find((user) => user.role === role && user.status === 'active');
    if (!found) throw new Error(`The demo site has no active ${role}`);
    return found;
  }
}
