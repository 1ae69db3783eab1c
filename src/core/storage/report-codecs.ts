import { z } from 'zod';
import type { RollupRow, SketchRow, ViewerMonthRow } from '../model/report-rows';

/** Rollup rows are parsed on the way in like any other stored row (see codecs.ts). */
const count = z.number().int();
const dayCounts = z.record(z.string(), count);

const viewerMonth = z.object({ viewer: z.string(), month: z.string(), views: count, days: dayCounts, version: count });
const rollup = z.object({
  scope: z.string(), level: z.enum(['sd', 'sm', 'd', 'm', 'cd', 'cm']), period: z.string(), shard: count,
  views: count, viewers: count, contents: count, cells: dayCounts, version: count, settle: z.literal('open').optional(),
});
const sketch = z.object({
  kind: z.enum(['viewers', 'contents', 'searchers']), level: z.enum(['d', 'w', 'm']), period: z.string(), shard: count,
  registers: z.string(), version: count,
});

export const decodeReport = {
  viewerMonth: (value: unknown): ViewerMonthRow => viewerMonth.parse(value),
  rollup: (value: unknown): RollupRow => rollup.parse(value),
  sketch: (value: unknown): SketchRow => sketch.parse(value),
};
