import type { DemoContent, DemoUser, Directory } from './directory';

export type ViewedEventType = 'avi:confluence:viewed:page' | 'avi:confluence:viewed:blogpost';

export interface ViewedEvent {
  eventType: ViewedEventType;
  /** Absent for anonymous visitors, as in Confluence's events. */
  atlassianId?: string;
  eventCreatedDate: string;
  suppressNotifications: boolean;
  selfGenerated: boolean;
  content: Record<string, unknown>;
  [extra: string]: unknown;
}

/**
 * `avi:confluence:viewed:page|blogpost` exactly as Confluence sends it to a Forge trigger (see
 * shared/fixtures/viewed-page.json): the viewer's account id, the time, and the content with its space.
 */
export function viewedEvent(directory: Directory, content: DemoContent, viewerAccountId: string | null, at: number): ViewedEvent {
  const space = directory.space(content.spaceKey);
  if (!space) throw new Error(`Content ${content.id} is in unknown space ${content.spaceKey}`);
  const author = directory.user(content.authorId);
  const person = author ? personJson(author) : undefined;
  return {
    eventType: content.type === 'page' ? 'avi:confluence:viewed:page' : 'avi:confluence:viewed:blogpost',
    ...(viewerAccountId ? { atlassianId: viewerAccountId } : {}),
    eventCreatedDate: new Date(at).toISOString(),
    suppressNotifications: false,
    selfGenerated: false,
    content: {
      id: content.id,
      type: content.type,
      status: 'current',
      title: content.title,
      space: {
        id: space.id,
        key: space.key,
        alias: space.key,
        name: space.name,
        icon: { path: '/images/logo/default-space-logo-256.png', width: 48, height: 48, isDefault: true },
        type: space.type,
        status: 'current',
      },
      history: { latest: true, createdBy: person, ownedBy: person, createdDate: new Date(content.createdAt).toISOString() },
      version: { by: person, when: new Date(content.updatedAt).toISOString(), number: content.version },
    },
  };
}

function personJson(user: DemoUser): Record<string, unknown> {
  return {
    type: 'known',
    username: user.accountId,
    accountId: user.accountId,
    accountType: 'atlassian',
    email: user.accountId,
    profilePicture: { path: `/wiki/aa-avatar/${user.accountId}`, width: 48, height: 48, isDefault: false },
    displayName: user.accountId,
    publicName: user.accountId,
    isExternalCollaborator: false,
  };
}

/**
 * `avi:confluence:performed:search` as the Forge events reference shows it (mirror/events-reference/
 * confluence/index.md, "Search"): sent after the results are returned; no space, no result ids.
 */
export interface SearchEvent {
  eventType: 'avi:confluence:performed:search';
  eventCreatedDate: string;
  atlassianId?: string;
  query: string;
  accountType: 'atlassian' | 'app';
  results: number;
  [extra: string]: unknown;
}

export function searchPerformedEvent(searcherAccountId: string | null, query: string, results: number, at: number): SearchEvent {
  return {
    eventType: 'avi:confluence:performed:search',
    eventCreatedDate: new Date(at).toISOString(),
    ...(searcherAccountId ? { atlassianId: searcherAccountId } : {}),
    query,
    accountType: 'atlassian',
    results,
  };
}
