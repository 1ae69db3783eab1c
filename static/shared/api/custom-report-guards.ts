/** Guards for the Custom Reports answers (report macro, saved space reports). */
import {
  CONTENT_SELECTION_KINDS, REPORT_COLUMNS, REPORT_CONTENT_TYPES, REPORT_KINDS,
  type AllSavedReportsView, type ReportAnswer, type ReportQueryDefinition, type ReportRow, type SavedReport,
  type SavedReportsView, type SelectionCoverage,
} from '@contracts/custom-reports';
import { arrayOf, isBoolean, isNumber, isRecord, isString, nullable, oneOf, optional, shape, union, type Guard } from './guards';

/** The backend parsed and bounded the definition; the UI checks its frame (what it branches on). */
export const isDefinition: Guard<ReportQueryDefinition> = (value): value is ReportQueryDefinition =>
  isRecord(value) && value.version === 2 && oneOf(REPORT_KINDS)(value.what) && oneOf(REPORT_CONTENT_TYPES)(value.contentType)
  && isRecord(value.scope) && oneOf(CONTENT_SELECTION_KINDS)(value.scope.kind) && isRecord(value.range) && isString(value.range.kind)
  && isNumber(value.rows) && arrayOf(oneOf(REPORT_COLUMNS))(value.columns)
  && isRecord(value.sort) && oneOf(REPORT_COLUMNS)(value.sort.column) && oneOf(['asc', 'desc'] as const)(value.sort.direction);

const isCoverage = shape<SelectionCoverage>({ included: isNumber, total: isNumber, capped: isBoolean, checked: optional(isNumber) });
const isRow = shape<ReportRow>({
  contentId: isString, title: isString, spaceKey: isString, spaceName: optional(isString), contentType: oneOf(['page', 'blogpost'] as const),
  views: isNumber, viewers: isNumber, lastViewedAt: nullable(isNumber),
});

type Notice = Extract<ReportAnswer, { state: 'notice' }>;
type Unavailable = Extract<ReportAnswer, { state: 'unavailable' }>;
type Report = Extract<ReportAnswer, { state: 'report' }>;

const isNotice = shape<Notice>({
  state: oneOf(['notice'] as const), reason: oneOf(['switched-off', 'sign-in', 'anonymous-not-allowed', 'not-allowed'] as const),
  message: isString, config: isDefinition,
});
const isUnavailable = shape<Unavailable>({ state: oneOf(['unavailable'] as const), message: isString, config: isDefinition, coverage: isCoverage });
const isReport = shape<Report>({
  state: oneOf(['report'] as const), config: isDefinition, coverage: isCoverage,
  range: shape<Report['range']>({ from: isString, to: isString }), rows: arrayOf(isRow), matched: optional(isNumber),
  series: optional(arrayOf(shape<{ day: string; views: number }>({ day: isString, views: isNumber }))),
  readers: optional(arrayOf(shape<{ name: string; views: number }>({ name: isString, views: isNumber }))),
  peopleHidden: optional(isString), generatedAt: isNumber, notes: optional(arrayOf(isString)),
});

export const isReportAnswer: Guard<ReportAnswer> = union(isNotice, union(isUnavailable, isReport));

const isSavedReport = shape<SavedReport>({
  id: isString, spaceKey: isString, name: isString, definition: isDefinition, createdBy: isString, createdAt: isNumber, updatedAt: isNumber,
});
export const isSavedReportsView = shape<SavedReportsView>({ enabled: isBoolean, spaceKey: isString, reports: arrayOf(isSavedReport), canManage: isBoolean, max: isNumber });
export const isAllSavedReportsView = shape<AllSavedReportsView>({ reports: arrayOf(isSavedReport) });
