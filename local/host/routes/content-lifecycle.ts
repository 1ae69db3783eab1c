import { HttpError, sendJson } from '../http-util';
import { route, type Route } from '../router';
import type { HostServices } from './services';

const ACTIONS = ['trashed', 'restored', 'archived', 'unarchived', 'moved', 'updated', 'deleted', 'restrict', 'unrestrict'] as const;
type Action = (typeof ACTIONS)[number];

/**
 * `POST /__local/content/<id>/<action>[?space=KEY][&title=...]`: does to the demo site's content what
 * Confluence would (the REST fake sees it trashed, moved, purged...) and delivers the matching
 * product event, in Forge's payload shape, to the app's triggers. `?silent=1` changes the content
 * without an event, like a cascading delete (the reconciliation pass must then find it).
 * `restrict?users=a,b&groups=g1` sets the content's read restriction and `unrestrict` removes it;
 * both deliver `avi:confluence:permissions_updated:<type>`, as Confluence does for a restriction change,
 * except when the content is then restricted away from the app (the platform's event gate withholds
 * every event about such content, as Cloud does: ECO-961, CONFCLOUD-82583).
 * `POST /__local/space/<KEY>/deleted` deletes a whole space (ConfluenceFake.deleteSpace).
 */
export function contentLifecycleRoutes(host: HostServices): Route[] {
  return [
    route('POST', /^\/__local\/content\/(\d+)\/([a-z]+)$/, async ({ response, match, url }) => {
      const content = host.directory.content(match[1]!);
      const action = ACTIONS.find((candidate) => candidate === match[2]);
      if (!content || !action) throw new HttpError(404, `No content ${match[1]} or unknown action ${match[2]} (one of ${ACTIONS.join(', ')})`);
      const overlay = host.confluence.overlay;
      const spaceKey = url.searchParams.get('space') ?? overlay.space.get(content.id) ?? content.spaceKey;
      const space = host.directory.space(spaceKey);
      if (!space) throw new HttpError(400, `No space ${spaceKey}`);
      apply(overlay, content.id, action, spaceKey, url.searchParams.get('title'));
      if (action === 'restrict' || action === 'unrestrict') overlay.restriction.set(content.id, action === 'unrestrict' ? null : { userIds: list(url, 'users'), groupIds: list(url, 'groups') });
      const current = overlay.view(content);
      const eventAction = action === 'restrict' || action === 'unrestrict' ? 'permissions_updated' : action;
      const event = {
        eventType: `avi:confluence:${eventAction}:${content.type}`,
        eventCreatedDate: new Date().toISOString(),
        suppressNotifications: false,
        atlassianId: host.defaultUser,
        content: {
          id: content.id, type: content.type, status: action === 'deleted' ? 'deleted' : current?.status ?? 'current',
          title: url.searchParams.get('title') ?? overlay.title.get(content.id) ?? content.title,
          space: { id: space.id, key: space.key, alias: space.key, name: space.name, type: space.type, status: 'current' },
          history: { latest: true, createdDate: new Date(content.createdAt).toISOString() },
          version: { when: new Date().toISOString(), number: content.version + 1 },
        },
      };
      const triggers = url.searchParams.get('silent') === '1' ? 0 : await host.platform.deliverEvent(event);
      sendJson(response, 200, { triggers, event: event.eventType });
    }),
    // `POST /__local/space/<KEY>/deleted`: deletes the space with all its content and delivers
    // `avi:confluence:deleted:space:V2` (no per-content events, as on Cloud).
    route('POST', /^\/__local\/space\/([A-Za-z0-9~_-]+)\/deleted$/, async ({ response, match }) => {
      const deleted = host.confluence.deleteSpace(match[1]!, host.defaultUser);
      if (!deleted) throw new HttpError(404, `No space ${match[1]}`);
      const triggers = await host.platform.deliverEvent(deleted.event);
      sendJson(response, 200, { triggers, event: deleted.event.eventType, purged: deleted.purged.length });
    }),
  ];
}

const list = (url: URL, name: string): string[] => (url.searchParams.get(name) ?? '').split(',').filter((id) => id.length > 0);

function apply(overlay: HostServices['confluence']['overlay'], id: string, action: Action, spaceKey: string, title: string | null): void {
  if (action === 'deleted') overlay.purged.add(id);
  else if (action === 'trashed' || action === 'archived') overlay.status.set(id, action);
  else if (action === 'restored' || action === 'unarchived') overlay.status.set(id, 'current');
  overlay.space.set(id, spaceKey);
  if (title) overlay.title.set(id, title);
}
