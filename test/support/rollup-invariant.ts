import { queryAll } from './stored-counts';

type Row = Record<string, unknown>;

type Sums = Record<string, number>;
const add = (into: Sums, key: string, value: number) => {
  if (value !== 0) into[key] = (into[key] ?? 0) + value;
};

/**
 * The invariant lifecycle keeps for the report rollups (as for space-day): the day and month rollup
 * rows of a space and of the site hold exactly the views, cells and distinct content of the listed
 * content-day and content-month rows filed under them. Returns both sides, keyed by
 * `scope|level|period|what`, with zeros left out.
 */
export async function rollupTotalsAgree(spaceKeys: string[], contentIds: string[]): Promise<{ fromRollups: Sums; fromContentRows: Sums }> {
  const fromRollups: Sums = {};
  const fromContentRows: Sums = {};
  const scopes: Array<[string, string, string]> = [['site', 'sd', 'sm'], ...spaceKeys.map((key): [string, string, string] => [key, 'd', 'm'])];
  for (const [scope, day, month] of scopes) {
    for (const level of [day, month]) {
      for (const row of await queryAll<Row>('rollup', 'by-scope', [scope, level])) {
        const at = `${scope}|${level}|${String(row.period)}`;
        add(fromRollups, `${at}|views`, Number(row.views));
        add(fromRollups, `${at}|contents`, Number(row.contents));
        for (const [cell, views] of Object.entries((row.cells ?? {}) as Record<string, number>)) add(fromRollups, `${at}|${cell}`, views);
      }
    }
  }
  for (const contentId of contentIds) {
    const rows = [
      ...(await queryAll<Row>('content-day', 'by-content', [contentId])).map((row) => ({ row, period: String(row.day), views: Number(row.views), levels: ['sd', 'd'] })),
      ...(await queryAll<Row>('content-month', 'by-content', [contentId])).map((row) => ({ row, period: String(row.month), views: Number(row.monthViews), levels: ['sm', 'm'] })),
    ];
    for (const { row, period, views, levels } of rows) {
      if ((row.status ?? 'current') !== 'current') continue;
      for (const [scope, level] of [['site', levels[0]!], [String(row.spaceKey), levels[1]!]] as Array<[string, string]>) {
        if (scope !== 'site' && !spaceKeys.includes(scope)) continue;
        const at = `${scope}|${level}|${period}`;
        add(fromContentRows, `${at}|views`, views);
        add(fromContentRows, `${at}|contents`, 1);
        for (const [cell, count] of Object.entries((row.cells ?? {}) as Record<string, number>)) add(fromContentRows, `${at}|${cell}`, count);
      }
    }
  }
  return { fromRollups, fromContentRows };
}

/** Views in a content's month rows, and the spaces and statuses they are filed under. */
export async function contentMonthsOf(contentId: string): Promise<{ views: number; spaces: string[]; statuses: string[] }> {
  const rows = await queryAll<Row>('content-month', 'by-content', [contentId]);
  return {
    views: rows.reduce((sum, row) => sum + Number(row.monthViews), 0),
    spaces: [...new Set(rows.map((row) => String(row.spaceKey)))],
    statuses: [...new Set(rows.map((row) => String(row.status)))],
  };
}
