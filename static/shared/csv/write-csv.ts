/// <reference path="./csv-stringify-browser.d.ts" />
/**
 * CSV text for exports (csv-stringify, its browser sync build). Spreadsheets run a cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so such text cells are neutralised
 * with a leading apostrophe (OWASP's advice): a page title like "=HYPERLINK(...)" stays text.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => CsvCell;
}

/** UTF-8 byte order mark: Excel reads the file as UTF-8 only with it (names with accents, CJK titles). */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralise(cell: CsvCell): string | number | boolean | null {
  if (cell === undefined || cell === null) return null;
  if (typeof cell === 'string' && FORMULA_START.test(cell)) return `'${cell}`;
  return cell;
}

/** Header row plus one line per row, CRLF line ends (RFC 4180), without BOM. */
export function toCsv<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]): string {
  const records = rows.map((row) => columns.map((column) => neutralise(column.value(row))));
  return stringify([columns.map((column) => neutralise(column.header)), ...records], { record_delimiter: 'windows', cast: { boolean: (value) => (value ? 'true' : 'false') } });
}

/** The CSV file's full text as written to disk: BOM first. */
export function csvFileText<Row>(columns: ReadonlyArray<CsvColumn<Row>>, rows: readonly Row[]): string {
  return BOM + toCsv(columns, rows);
}

/** A file name that is safe everywhere: `viewers-my-page-2026-01-01.csv`. */
export function csvFileName(...parts: string[]): string {
  const slug = parts.join('-').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w.-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return `${slug.slice(0, 120) || 'export'}.csv`;
}
