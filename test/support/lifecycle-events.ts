import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const template = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'viewed-page.json'), 'utf8')) as Record<string, unknown> & { content: Record<string, unknown> };

export type LifecycleAction = 'created' | 'updated' | 'moved' | 'trashed' | 'restored' | 'deleted' | 'archived' | 'unarchived';

export interface SimpleLifecycle {
  action: LifecycleAction;
  contentId: string;
  spaceKey: string;
  spaceId?: number;
  at: number;
  type?: 'page' | 'blogpost';
  title?: string;
  /** The content's status at the event's time, as Confluence puts it in the payload. */
  status?: 'current' | 'trashed' | 'archived';
}

/** A page or blog post lifecycle event in Forge's payload shape (Confluence events reference). */
export function lifecycleEvent(event: SimpleLifecycle): Record<string, unknown> {
  const type = event.type ?? 'page';
  const status = event.status ?? (event.action === 'trashed' ? 'trashed' : event.action === 'archived' ? 'archived' : 'current');
  return {
    ...template,
    eventType: `avi:confluence:${event.action}:${type}`,
    eventCreatedDate: new Date(event.at).toISOString(),
    content: {
      ...template.content, id: event.contentId, type, status, title: event.title ?? `Content ${event.contentId}`,
      space: { ...(template.content.space as object), key: event.spaceKey, alias: event.spaceKey, id: event.spaceId ?? spaceIdOf(event.spaceKey) },
    },
    ...(event.action === 'moved' ? { prevContent: template.content } : {}),
  };
}

/** A stable numeric id per space key, as Confluence gives every space one. */
export function spaceIdOf(spaceKey: string): number {
  let hash = 7;
  for (const char of spaceKey) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000;
  return 800_000_000 + hash;
}
