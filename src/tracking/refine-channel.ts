import type { Channel } from '@contracts/settings';
import { currentSettings } from '../settings/index';
import { settleContent } from '../lifecycle/index';
import { utcDay } from '../core/model/view';
import { monthOf } from '../core/model/report-periods';
import { isTransientStorageError } from '../core/storage/kvs-errors';
import { commitRelabel, readSnapshot, readViewRecord, readViewerContent } from './storage/view-store';
import { planRelabel, viewToRefine } from './rules/relabel-plan';
import { jitteredPause } from '../core/jittered-pause';

const MAX_ATTEMPTS = 8;

export type RefineOutcome = 'refined' | 'nothing-to-refine';

/**
 * A channel hint that comes after its view was recorded refines that view (see rules/relabel-plan.ts):
 * whichever of the view event and the hint comes first, the view ends under the hint's channel, once.
 * Called by the hint's resolver after the hint is stored, and by the view event's handler when a hint
 * appeared while it was writing the view under the default source.
 */
export async function refineRecentView(contentId: string, storedViewer: string, channel: Channel, hintAt: number): Promise<RefineOutcome> {
  const settings = await currentSettings();
  // Only a channel whose Auto Tracking is on may claim a view (rules/channel-hint.ts).
  if (!settings.autoTracking[channel]) return 'nothing-to-refine';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    try {
      const viewer = await readViewerContent(contentId, storedViewer);
      const at = viewToRefine(viewer, hintAt, settings.blockingTimeMs);
      if (at === null || !viewer) return 'nothing-to-refine';
      const day = utcDay(at);
      const { snapshot, rollups } = await readSnapshot({
        contentId, spaceKey: viewer.spaceKey, storedViewer, at, withViewerHistory: true, days: [day], months: [monthOf(day)], storesAccountId: false,
      });
      // Read after the rows (their viewer row's version guards the write): a refinement committed
      // before them is seen here; one committed after them makes this write's condition fail.
      const record = await readViewRecord(contentId, storedViewer, at);
      const planned = planRelabel({ snapshot: { ...snapshot, viewerContent: viewer }, rollups, record, to: channel });
      if (planned.kind === 'none') return 'nothing-to-refine';
      if (planned.kind === 'busy') {
        await settleContent(planned.content);
        continue;
      }
      if ((await commitRelabel(planned.ops)) === 'committed') return 'refined';
    } catch (error) {
      if (!isTransientStorageError(error)) throw error;
    }
    await jitteredPause(attempt);
  }
  return 'nothing-to-refine';
}
