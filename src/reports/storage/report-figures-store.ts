import type { ReportFilters } from '@contracts/report-query';
import { figuresByPeriod, type PeriodFigures } from '../rules/report-figures';
import type { Period } from '../../core/model/report-periods';
import type { RollupRow } from '../../core/model/report-rows';
import { rollupRowsBetween } from './report-rollups';

/**
 * Figures of every period asked for, for the site or the sum of some spaces: one index query per
 * scope, level and contiguous run of keys (rows of every shard come back together).
 */
export async function periodFigures(spaceKeys: string[] | null, periods: Period[], filters: ReportFilters): Promise<Map<string, PeriodFigures>> {
  return figuresByPeriod(await periodRollupRows(spaceKeys, periods), filters);
}

/** The rollup rows behind `periodFigures`, for a caller that sums them under more than one filter. */
export async function periodRollupRows(spaceKeys: string[] | null, periods: Period[]): Promise<RollupRow[]> {
  const scopes = spaceKeys ?? ['site'];
  return (await Promise.all(scopes.flatMap((scope) => (['d', 'm'] as const).flatMap((level) => {
    const keys = [...new Set(periods.filter((period) => period.level === level).map((period) => period.key))].sort();
    return runs(keys, level).map(([from, to]) => rollupRowsBetween(scope, levelOf(scope, spaceKeys, level), from, to));
  })))).flat();
}

function levelOf(scope: string, spaceKeys: string[] | null, level: 'd' | 'm') {
  const site = spaceKeys === null && scope === 'site';
  return site ? (level === 'd' ? 'sd' : 'sm') : level;
}

/** Contiguous runs of keys (a gap of more than 3 periods starts a new query). */
function runs(keys: string[], level: 'd' | 'm'): Array<[string, string]> {
  const result: Array<[string, string]> = [];
  for (const key of keys) {
    const current = result[result.length - 1];
    if (current && gap(current[1], key, level) <= 3) current[1] = key;
    else result.push([key, key]);
  }
  return result;
}

function gap(from: string, to: string, level: 'd' | 'm'): number {
  if (level === 'm') {
    const [y1, m1] = from.split('-').map(Number);
    const [y2, m2] = to.split('-').map(Number);
    return ((y2 ?? 0) - (y1 ?? 0)) * 12 + (m2 ?? 0) - (m1 ?? 0);
  }
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
