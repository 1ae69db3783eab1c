import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SimpleView {
  contentId: string;
  spaceKey: string;
  /** Undefined for anonymous visitors. */
  accountId?: string;
  at: number;
  type?: 'page' | 'blogpost';
  title?: string;
}

const template = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'viewed-page.json'), 'utf8')) as Record<string, unknown> & { content: Record<string, unknown> };

/** A product event in Forge's shape (from the shared fixture), for one view. */
export function viewedEvent(view: SimpleView): Record<string, unknown> {
  const type = view.type ?? 'page';
  const event: Record<string, unknown> = {
    ...template,
    eventType: `avi:confluence:viewed:${type}`,
    eventCreatedDate: new Date(view.at).toISOString(),
    content: { ...template.content, id: view.contentId, type, title: view.title ?? `Content ${view.contentId}`, space: { ...(template.content.space as object), key: view.spaceKey } },
  };
  if (view.accountId) event.atlassianId = view.accountId;
  else delete event.atlassianId;
  return event;
}

export interface ExpectedCounts {
  views: number;
  viewers: number;
  anonymousViews: number;
  byDay: Map<string, number>;
}

/**
 * The reference model, written independently of the app: sort each viewer's views of a page by time
 * and count a view when it is at least the blocking time after the last counted one. Anonymous views
 * count once per distinct millisecond.
 */
export function expectedCounts(views: readonly SimpleView[], blockingTimeMs: number): Map<string, ExpectedCounts> {
  const byPair = new Map<string, number[]>();
  for (const view of views) {
    const key = `${view.contentId}|${view.accountId ?? ''}`;
    byPair.set(key, [...(byPair.get(key) ?? []), view.at]);
  }
  const result = new Map<string, ExpectedCounts>();
  for (const [key, times] of byPair) {
    const [contentId, accountId] = key.split('|') as [string, string];
    const entry = result.get(contentId) ?? { views: 0, viewers: 0, anonymousViews: 0, byDay: new Map() };
    const distinct = [...new Set(times)].sort((a, b) => a - b);
    let last: number | null = null;
    for (const at of distinct) {
      if (accountId !== '' && last !== null && at - last < blockingTimeMs) continue;
      last = at;
      entry.views += 1;
      if (accountId === '') entry.anonymousViews += 1;
      const day = new Date(at).toISOString().slice(0, 10);
      entry.byDay.set(day, (entry.byDay.get(day) ?? 0) + 1);
    }
    if (accountId !== '') entry.viewers += 1;
    result.set(contentId, entry);
  }
  return result;
}
