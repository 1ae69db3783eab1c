/** Guards of the reach answers (issue 20): a ready answer, or "preparing" while Confluence lists the audience. */
import type {
  InactiveReader, InactiveReaders, InactiveReadersReady, PageReach, ReachExcluded, ReachFigures, ReachPerson, ReachPoint,
  ReachPreparing, ReachReady, SpaceReach, SpaceReachReady,
} from '@contracts/reach';
import type { ReachMacroAnswer, ReachMacroConfig } from '@contracts/custom-reports';
import type { ResolvedRange } from '@contracts/report-range';
import { arrayOf, isNumber, isString, nullable, oneOf, shape, union } from './guards';

const isRange = shape<ResolvedRange>({ from: isString, to: isString, days: isNumber });
const isExcluded = shape<ReachExcluded>({ inactive: isNumber, closed: isNumber, app: isNumber });
const isPreparing = shape<ReachPreparing>({ state: oneOf(['preparing'] as const), listed: isNumber, total: nullable(isNumber), message: isString });

const isPerson = shape<ReachPerson>({
  accountId: isString, displayName: isString, firstViewedAt: nullable(isNumber), lastViewedAt: nullable(isNumber), views: isNumber,
});

const isReady = shape<ReachReady>({
  state: oneOf(['ready'] as const),
  audienceLabel: isString,
  range: isRange,
  figures: shape<ReachFigures>({
    audience: isNumber, readers: isNumber, readCurrentVersion: nullable(isNumber), lastModifiedAt: nullable(isNumber), excluded: isExcluded,
  }),
  overTime: arrayOf(shape<ReachPoint>({ day: isString, readers: isNumber })),
  list: shape<ReachReady['list']>({ kind: oneOf(['read', 'not-read'] as const), rows: arrayOf(isPerson), total: isNumber, nextCursor: nullable(isString) }),
  incomplete: nullable(isString),
  notes: arrayOf(isString),
});

export const isPageReach = union<ReachReady, ReachPreparing>(isReady, isPreparing);

const isInactiveReady = shape<InactiveReadersReady>({
  state: oneOf(['ready'] as const), audienceLabel: isString, range: isRange, audience: isNumber, inactive: isNumber, excluded: isExcluded,
  rows: arrayOf(shape<InactiveReader>({ accountId: isString, displayName: isString, lastViewedDay: nullable(isString) })),
  total: isNumber, nextCursor: nullable(isString), incomplete: nullable(isString), notes: arrayOf(isString),
});
export const isInactiveReaders = union<InactiveReadersReady, ReachPreparing>(isInactiveReady, isPreparing);

const isSpaceReady = shape<SpaceReachReady>({
  state: oneOf(['ready'] as const), audienceLabel: isString, space: shape<SpaceReachReady['space']>({ key: isString, name: isString }),
  range: isRange, audience: isNumber, readers: isNumber, excluded: isExcluded, incomplete: nullable(isString), notes: arrayOf(isString),
});
export const isSpaceReach = union<SpaceReachReady, ReachPreparing>(isSpaceReady, isPreparing);

const isReachMacroConfig = (value: unknown): value is ReachMacroConfig =>
  typeof value === 'object' && value !== null && (value as { what?: unknown }).what === 'reach' && (value as { version?: unknown }).version === 2;
export const isReachMacroAnswer = union<Extract<ReachMacroAnswer, { state: 'notice' }>, Extract<ReachMacroAnswer, { state: 'reach' }>>(
  shape<Extract<ReachMacroAnswer, { state: 'notice' }>>({ state: oneOf(['notice'] as const), message: isString, config: isReachMacroConfig }),
  shape<Extract<ReachMacroAnswer, { state: 'reach' }>>({ state: oneOf(['reach'] as const), config: isReachMacroConfig, reach: isPageReach }),
);
