import { deliveredAt } from '../../local/host/delivery-clock';
import { onContentViewed } from '../../src/tracking/on-content-viewed';

/**
 * Calls the view trigger as Forge would have when the view happened (a second later): tests replay
 * views at fixed dates, which the trigger's time tolerance would otherwise refuse as stale.
 */
export function onContentViewedOnTime(event: Record<string, unknown>): ReturnType<typeof onContentViewed> {
  const at = Date.parse(String(event.eventCreatedDate));
  return deliveredAt(Number.isFinite(at) ? at + 1000 : Date.now(), () => onContentViewed(event));
}
