import { decideLifecycle, freshContentRow, planDayMoves } from '../../src/lifecycle/rules/lifecycle-plan';
import { parseLifecycleEvent, type LifecycleEvent } from '../../src/lifecycle/rules/lifecycle-event';
import { isListed } from '../../src/core/model/content-status';
import { spaceShardOf } from '../../src/core/model/space-shards';
import type { ContentDayRow } from '../../src/core/model/rows';
import { lifecycleEvent } from '../support/lifecycle-events';

const T = Date.parse('2026-11-20T10:00:00Z');
const event = (kind: LifecycleEvent['kind'], at: number, over: Partial<LifecycleEvent> = {}): LifecycleEvent => ({
  kind, contentId: '42', contentType: 'page', title: 'Handbook', spaceKey: 'HR', spaceId: '1', at,
  createdAt: null, modifiedAt: null, containerId: null, reportedStatus: null, ...over,
});
const viewed = { ...freshContentRow(event('created', T)), views: 10, viewers: 3, lifecycleAt: T, version: 4 };

describe('lifecycle transitions', () => {
  it('maps each Forge event name once, attachments by their container', () => {
    const parsed = parseLifecycleEvent(lifecycleEvent({ action: 'deleted', contentId: '42', spaceKey: 'HR', at: T }));
    expect(parsed.ok && parsed.value).toMatchObject({ kind: 'purged', contentId: '42', spaceKey: 'HR', reportedStatus: 'current' });
    const attachment = parseLifecycleEvent({ eventType: 'avi:confluence:trashed:attachment', eventCreatedDate: new Date(T).toISOString(), attachment: { id: '9', type: 'attachment', title: 'a.png', space: { id: 1, key: 'HR' }, container: { id: '42' } } });
    expect(attachment.ok && attachment.value).toMatchObject({ kind: 'trashed', contentType: 'attachment', containerId: '42' });
    expect(parseLifecycleEvent({ eventType: 'avi:confluence:liked:page' }).ok).toBe(false);
  });
  it('trash hides, restore shows again, counts untouched', () => {
    const trashed = decideLifecycle(viewed, event('trashed', T + 1));
    if (trashed.kind !== 'apply') throw new Error('applied');
    expect(trashed.next).toMatchObject({ status: 'trashed', views: 10, lifecycleAt: T + 1 });
    expect(isListed(trashed.next)).toBe(false);
    const restored = decideLifecycle(trashed.next, event('restored', T + 2));
    expect(restored.kind === 'apply' && restored.next).toMatchObject({ status: 'current', views: 10 });
  });
  it('an older fact is stale; the same fact again re-applies (idempotent follow-up); a purge is final', () => {
    expect(decideLifecycle({ ...viewed, lifecycleAt: T + 5 }, event('trashed', T + 1)).kind).toBe('stale');
    expect(decideLifecycle(viewed, event('updated', T)).kind).toBe('apply');
    const purged = decideLifecycle(viewed, event('purged', T - 100));
    expect(purged.kind === 'apply' && purged.next).toMatchObject({ status: 'purged', views: 0, viewers: 0 });
    if (purged.kind !== 'apply') return;
    expect(decideLifecycle(purged.next, event('restored', T + 100)).kind).toBe('stale');
  });
  it('a move changes the space key and id; a rename the title', () => {
    const moved = decideLifecycle(viewed, event('moved', T + 1, { spaceKey: 'ENG', spaceId: '2', title: 'Handbook v2' }));
    expect(moved.kind === 'apply' && moved.next).toMatchObject({ spaceKey: 'ENG', spaceId: '2', title: 'Handbook v2' });
  });
  it('a day row moves its share from the old space row to the new one, conditional on versions and the lifecycle time', () => {
    const day: ContentDayRow = { contentId: '42', spaceKey: 'HR', contentType: 'page', day: '2026-11-20', views: 4, anonymousViews: 1, bySource: { desktop: 4 }, cells: { 'page.desktop.s': 3, 'page.desktop.a': 1 }, status: 'current', version: 3 };
    const shard = spaceShardOf('42');
    const old = { spaceKey: 'HR', day: day.day, shard, views: 10, pageViews: 10, blogpostViews: 0, attachmentViews: 0, anonymousViews: 2, bySource: { desktop: 10 }, version: 7 };
    const ops = planDayMoves({ ...viewed, spaceKey: 'ENG' }, [day], new Map([[`HR|${day.day}|${shard}`, old]]));
    expect(ops[0]).toMatchObject({ kind: 'check', expect: { kind: 'lifecycle', at: T } });
    expect(ops).toContainEqual(expect.objectContaining({ kind: 'put', row: { entity: 'content-day', value: expect.objectContaining({ spaceKey: 'ENG', version: 4 }) }, expect: { kind: 'version', version: 3 } }));
    expect(ops).toContainEqual(expect.objectContaining({ row: { entity: 'space-day', value: expect.objectContaining({ spaceKey: 'HR', views: 6, anonymousViews: 1, version: 8 }) } }));
    expect(ops).toContainEqual(expect.objectContaining({ row: { entity: 'space-day', value: expect.objectContaining({ spaceKey: 'ENG', views: 4, version: 1 }) }, expect: { kind: 'absent' } }));
    expect(planDayMoves({ ...viewed }, [day], new Map())).toEqual([]);
  });
});
