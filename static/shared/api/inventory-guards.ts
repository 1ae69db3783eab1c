import type { AttachmentViews, InventoryStatus, MonthRowsProgress } from '@contracts/inventory';
import { arrayOf, isNumber, isString, nullable, oneOf, shape, type Guard } from './guards';

const isMonthRows: Guard<MonthRowsProgress> = shape<MonthRowsProgress>({
  state: oneOf(['idle', 'running'] as const), contents: isNumber, monthsWritten: isNumber, completedAt: nullable(isNumber),
});

export const isInventoryStatus: Guard<InventoryStatus> = shape<InventoryStatus>({
  state: oneOf(['idle', 'running'] as const),
  phase: oneOf(['page', 'blogpost'] as const),
  processed: isNumber,
  written: isNumber,
  startedAt: nullable(isNumber),
  completedAt: nullable(isNumber),
  throttledUntil: nullable(isNumber),
  monthRows: (value): value is MonthRowsProgress | undefined => value === undefined || isMonthRows(value),
});

export const isAttachmentViewsList: Guard<AttachmentViews[]> = arrayOf(shape<AttachmentViews>({
  contentId: isString, title: isString, views: isNumber, viewers: isNumber, lastViewedAt: nullable(isNumber),
}));
