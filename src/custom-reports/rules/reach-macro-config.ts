/**
 * The report macro's "reach" config (issue 20), as the page carries it. Like every stored macro config
 * it never fails to parse: a field that does not validate falls back to its default and is listed in
 * `reset`. Configs of the other kinds are not touched (`isReachConfig` tells them apart by `what`).
 */
import { z } from 'zod';
import { DEFAULT_REACH_MACRO, type ReachMacroConfig } from '@contracts/custom-reports';
import { dateRangeSchema } from '../../core/date-range';

export const MAX_REACH_ROWS = 100;

const audience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group'), groupId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }).strict(),
  z.object({ kind: z.literal('space-members') }).strict(),
  z.object({ kind: z.literal('licensed') }).strict(),
]);

export const reachMacroSchema = z.object({
  version: z.literal(2),
  what: z.literal('reach'),
  page: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('this-page') }).strict(),
    z.object({ kind: z.literal('page'), pageId: z.string().regex(/^\d{1,20}$/, 'A page id is a number') }).strict(),
  ]),
  audience,
  range: dateRangeSchema,
  notRead: z.boolean(),
  rows: z.number().int().min(1, 'At least 1 row').max(MAX_REACH_ROWS, `At most ${MAX_REACH_ROWS} rows`),
}).strict();

export function isReachConfig(input: unknown): boolean {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && (input as Record<string, unknown>).what === 'reach';
}

export function parseStoredReachConfig(input: unknown): { config: ReachMacroConfig; reset: string[] } {
  const raw: Record<string, unknown> = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const reset: string[] = [];
  const pick = <K extends 'page' | 'audience' | 'range' | 'notRead' | 'rows'>(key: K): ReachMacroConfig[K] => {
    if (raw[key] === undefined) return DEFAULT_REACH_MACRO[key];
    const field = reachMacroSchema.shape[key].safeParse(raw[key]);
    if (field.success) return field.data as ReachMacroConfig[K];
    reset.push(key);
    return DEFAULT_REACH_MACRO[key];
  };
  return {
    config: { version: 2, what: 'reach', page: pick('page'), audience: pick('audience'), range: pick('range'), notRead: pick('notRead'), rows: pick('rows') },
    reset,
  };
}
