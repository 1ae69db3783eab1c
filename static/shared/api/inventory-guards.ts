import type { AttachmentViews, InventoryStatus } from '@contracts/inventory';
import { arrayOf, isNumber, isString, nullable, oneOf, shape, type Guard } from './guards';

export const isInventoryStatus: Guard<InventoryStatus> = shape<InventoryStatus>({
  state: oneOf(['idle', 'running'] as const),
  phase: oneOf(['page', 'blogpost'] as const),
  processed: isNumber,
  written: isNumber,
  startedAt: nullable(isNumber),
  completedAt: nullable(isNumber),
  throttledUntil: nullable(isNumber),
});

export const isAttachmentViewsList: Guard<AttachmentViews[]> = arrayOf(shape<AttachmentViews>({
  contentId: isString, title: isString, views: isNumber, viewers: isNumber, lastViewedAt: nullable(isNumber),
}));
