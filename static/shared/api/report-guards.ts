import type { ReportPage, ReportPreparing, ReportRows, ReportTotals, SeriesPoint } from '@contracts/report-query';
import type { ReportSummaryAnswer } from '@contracts/resolvers';
import { REPORT_TABLES } from '@contracts/report-query';
import { arrayOf, isBoolean, isNumber, isRecord, isString, nullable, oneOf, optional, shape, union, type Guard } from './guards';

/** Guards of the report resolvers' answers (issue 10). Rows are checked by table. */
const isRange = shape<{ from: string; to: string }>({ from: isString, to: isString });
const isEstimate = nullable(shape<{ value: number; exact: boolean }>({ value: isNumber, exact: isBoolean }));
const isTotals = shape<ReportTotals>({ views: isNumber, anonymousViews: isNumber, viewers: isEstimate, contentViewed: isEstimate });
const isPoint = shape<SeriesPoint>({ start: isString, views: isNumber, viewers: nullable(isNumber) });

const isRows: Guard<ReportRows> = (value): value is ReportRows => {
  if (!isRecord(value) || !oneOf(REPORT_TABLES)(value.table) || !Array.isArray(value.rows)) return false;
  return value.rows.every((row) => isRecord(row) && typeof row.views === 'number');
};

export const isReportPage = shape<ReportPage>({
  result: isRows, total: isNumber, nextCursor: nullable(isString), rankingCap: isNumber, notes: arrayOf(isString),
});

export const isReportSummaryAnswer = shape<ReportSummaryAnswer>({
  range: isRange, previousRange: isRange, current: isTotals, previous: isTotals,
  granularity: oneOf(['day', 'month'] as const), series: arrayOf(isPoint),
  space: nullable(shape<{ key: string; name: string }>({ key: isString, name: isString })),
  people: (value): value is ReportSummaryAnswer['people'] => isRecord(value) && typeof value.names === 'boolean',
  viewersCounted: optional(oneOf(['person-days'] as const)),
  asOf: optional(isNumber),
  today: isString,
  notes: (value): value is string[] | undefined => value === undefined || arrayOf(isString)(value),
});

/** A group-filtered report still being prepared: progress only, never a figure. */
export const isReportPreparing = shape<ReportPreparing>({
  status: oneOf(['preparing'] as const),
  progress: shape<ReportPreparing['progress']>({ stage: oneOf(['members', 'views'] as const), done: isNumber, total: nullable(isNumber), asOf: isNumber }),
  message: isString,
});
export const isReportSummaryOrPreparing = union<ReportSummaryAnswer, ReportPreparing>(isReportSummaryAnswer, isReportPreparing);
export const isReportPageOrPreparing = union<ReportPage, ReportPreparing>(isReportPage, isReportPreparing);
