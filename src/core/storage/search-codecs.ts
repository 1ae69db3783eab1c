import { z } from 'zod';
import { daysInMonth } from '../model/content-month';
import { decodeDayList, encodeDayList } from '../model/day-list';
import type { SearchDayLists, SearchLastRow, SearchMarkRow, SearchQueryRow, SearchTotalRow } from '../model/search-rows';

/** Search rows as stored (core/model/search-rows.ts): per-day lists in the compact text of day-list.ts. */
const count = z.number().int();
const LIST_NAMES = ['s', 'a', 'n', 'na', 'c'] as const;
const listsShape = { s: z.string(), a: z.string(), n: z.string(), na: z.string(), c: z.string() };
const month = z.string().regex(/^\d{4}-\d{2}$/);

function listsOf(row: { month: string } & Record<(typeof LIST_NAMES)[number], string>, context: z.RefinementCtx): SearchDayLists {
  const length = daysInMonth(row.month);
  const decoded = {} as SearchDayLists;
  for (const name of LIST_NAMES) {
    const list = decodeDayList(row[name], length);
    if (!list) context.addIssue({ code: z.ZodIssueCode.custom, message: `${name} is not a day list of ${row.month}` });
    decoded[name] = list ?? new Array<number>(length).fill(0);
  }
  return decoded;
}

const mark = z.object({ mark: z.string(), anchor: z.number().nullable().default(null), times: z.array(z.number()), empty: z.array(z.number()), version: count });
const query = z.object({
  queryId: z.string(), query: z.string(), month, monthSearches: count, monthNoResults: count, monthUnclicked: count,
  pages: z.record(z.string(), count), lastResults: count, version: count, ...listsShape,
}).transform((row, context): SearchQueryRow => ({ ...row, ...listsOf(row, context) }));
const total = z.object({ month, shard: count, version: count, ...listsShape })
  .transform((row, context): SearchTotalRow => ({ ...row, ...listsOf(row, context) }));
const last = z.object({
  searcher: z.string(), at: z.number(), queryId: z.string().nullable().default(null), month, shard: count,
  results: count, clickAt: z.number().nullable().default(null), version: count,
});

function storedLists(row: SearchDayLists): Record<(typeof LIST_NAMES)[number], string> {
  return { s: encodeDayList(row.s), a: encodeDayList(row.a), n: encodeDayList(row.n), na: encodeDayList(row.na), c: encodeDayList(row.c) };
}

export const encodeSearch = {
  query: (row: SearchQueryRow): object => ({ ...row, ...storedLists(row) }),
  total: (row: SearchTotalRow): object => ({ ...row, ...storedLists(row) }),
};

export const decodeSearch = {
  mark: (value: unknown): SearchMarkRow => mark.parse(value),
  query: (value: unknown): SearchQueryRow => query.parse(value),
  total: (value: unknown): SearchTotalRow => total.parse(value),
  last: (value: unknown): SearchLastRow => last.parse(value),
};
