/**
 * Range, filters, table and sort as the page's URL query (see report-history.ts), so a report can be
 * bookmarked and shared. Everything read back is parsed like any input: unknown values drop.
 */
import type { DateRange } from '@contracts/report-range';
import { RANGE_PRESETS } from '@contracts/report-range';
import { REPORT_TABLES, type ReportFilters, type ReportSort, type ReportTable } from '@contracts/report-query';
import { SOURCES } from '@contracts/settings';

export interface ReportState { range: DateRange; filters: ReportFilters; table: ReportTable; sort: ReportSort }

export const DEFAULT_STATE: ReportState = { range: { kind: 'preset', preset: '30d' }, filters: {}, table: 'top-content', sort: { column: 'views', direction: 'desc' } };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function encodeState(state: ReportState): string {
  const params = new URLSearchParams();
  if (state.range.kind === 'preset') params.set('range', state.range.preset);
  else { params.set('from', state.range.from); params.set('to', state.range.to); }
  if (state.filters.spaceKeys?.length) params.set('spaces', state.filters.spaceKeys.join(','));
  if (state.filters.contentTypes?.length) params.set('types', state.filters.contentTypes.join(','));
  if (state.filters.sources?.length) params.set('sources', state.filters.sources.join(','));
  if (state.filters.audience && state.filters.audience !== 'all') params.set('audience', state.filters.audience);
  if (state.filters.groupId) params.set('group', state.filters.groupId);
  params.set('table', state.table);
  params.set('sort', `${state.sort.column}.${state.sort.direction}`);
  return `?${params.toString()}`;
}

export function decodeState(search: string): ReportState {
  const params = new URLSearchParams(search);
  const preset = RANGE_PRESETS.find((value) => value === params.get('range'));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const range: DateRange = DAY.test(from) && DAY.test(to) ? { kind: 'custom', from, to } : preset ? { kind: 'preset', preset } : DEFAULT_STATE.range;
  const list = (name: string) => (params.get(name) ?? '').split(',').filter(Boolean);
  const filters: ReportFilters = {};
  const spaces = list('spaces').filter((key) => /^~?[A-Za-z0-9_]{1,255}$/.test(key)).slice(0, 20);
  if (spaces.length) filters.spaceKeys = spaces;
  const types = list('types').flatMap((type): Array<'page' | 'blogpost'> => (type === 'page' || type === 'blogpost' ? [type] : []));
  if (types.length) filters.contentTypes = types;
  const sources = list('sources').flatMap((source) => SOURCES.filter((known) => known === source));
  if (sources.length) filters.sources = sources;
  const audience = params.get('audience');
  if (audience === 'signed-in' || audience === 'anonymous') filters.audience = audience;
  const group = params.get('group') ?? '';
  if (/^[A-Za-z0-9-]{1,64}$/.test(group)) filters.groupId = group;
  const table = REPORT_TABLES.find((value) => value === params.get('table')) ?? DEFAULT_STATE.table;
  const [column = 'views', direction] = (params.get('sort') ?? '').split('.');
  const sort: ReportSort = /^[a-zA-Z]{1,30}$/.test(column) ? { column, direction: direction === 'asc' ? 'asc' : 'desc' } : DEFAULT_STATE.sort;
  return { range, filters, table, sort };
}

