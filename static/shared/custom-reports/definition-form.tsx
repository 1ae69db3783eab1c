/**
 * The form for one report definition: the macro's configuration and a saved space report use it.
 * The server parses and bounds whatever it receives; the checks here only say early what it would refuse.
 */
import type { ContentSelection, ReportColumn, ReportContentType, ReportKind, ReportQueryDefinition } from '@contracts/custom-reports';
import { DEFAULT_REPORT, DEFAULT_SORTS, REPORT_COLUMNS } from '@contracts/custom-reports';
import type { DateRange } from '@contracts/report-range';
import { Checkbox } from '../components/checkbox';
import { DateRangePicker } from '../components/date-range-picker';
import { Field } from '../components/field';
import { NumberField } from '../components/number-field';
import { RadioGroup } from '../components/radio-group';
import { SelectField } from '../components/select';
import { TextField } from '../components/text-field';
import { COLUMN_LABELS, WHAT_LABELS } from './report-columns';
import { SpacesField, type SpaceSearch } from './spaces-field';

export interface DefinitionFormProps {
  value: ReportQueryDefinition;
  onChange: (value: ReportQueryDefinition) => void;
  /** Saved space reports stay in their space: no content selection beyond it. */
  selectionKinds?: ReadonlyArray<ContentSelection['kind']>;
  /** The page the macro stands on: the default root of a page-tree selection. */
  pageId?: string;
  /** Space search for the chosen-spaces picker; without it, space keys are typed. */
  searchSpaces?: SpaceSearch;
}

export const LIMITS = { rows: 100, days: 366 } as const;

/** What the server would refuse, by field, in words. */
export function definitionProblems(value: ReportQueryDefinition): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!Number.isInteger(value.rows) || value.rows < 1 || value.rows > LIMITS.rows) problems.rows = `From 1 to ${LIMITS.rows} rows.`;
  if (value.range.kind === 'last-days' && (!Number.isInteger(value.range.days) || value.range.days < 1 || value.range.days > LIMITS.days)) problems.range = `From 1 to ${LIMITS.days} days.`;
  if (value.columns.length === 0) problems.columns = 'Choose at least one column.';
  if (value.scope.kind === 'label' && !/^[^\s"'\\()]+$/.test(value.scope.label)) problems.scope = 'A label has no spaces, quotes or brackets.';
  if (value.scope.kind === 'spaces' && (value.scope.spaceKeys.length === 0 || value.scope.spaceKeys.some((key) => !/^~?[A-Za-z0-9]{1,255}$/.test(key)))) problems.scope = 'Space keys are letters and digits, separated by commas.';
  if (value.scope.kind === 'page-tree' && !/^\d{1,20}$/.test(value.scope.pageId)) problems.scope = 'A page id is a number.';
  return problems;
}

const KIND_DESCRIPTIONS: Record<ReportKind, string> = {
  'most-viewed': 'Content ranked by its views.',
  'least-viewed': 'Content nobody viewed in the range, never viewed first: candidates for review or archiving.',
  'views-over-time': 'Views per day over the range.',
  'top-readers': 'Who read most, where the privacy settings allow names.',
};

export function DefinitionForm({ value, onChange, selectionKinds = ['this-space', 'spaces', 'label', 'page-tree'], pageId = '', searchSpaces }: DefinitionFormProps) {
  const problems = definitionProblems(value);
  const set = (change: Partial<ReportQueryDefinition>) => onChange({ ...value, ...change });
  const selectionOptions = selectionKinds.map((kind) => selectionOption(kind, value, set, pageId, searchSpaces));
  const lastDays = value.range.kind === 'last-days' ? value.range.days : 30;
  const toggleColumn = (column: ReportColumn, on: boolean) => set({ columns: REPORT_COLUMNS.filter((c) => (c === column ? on : value.columns.includes(c))) });
  return (
    <div className="vt-stack">
      <RadioGroup<ReportKind> name="report-what" legend="What" value={value.what} onChange={(what) => set(isDefaultSort(value) ? { what, sort: DEFAULT_SORTS[what] } : { what })}
        options={(Object.keys(WHAT_LABELS) as ReportKind[]).map((kind) => ({ value: kind, label: WHAT_LABELS[kind], description: KIND_DESCRIPTIONS[kind] }))} />
      <RadioGroup<ContentSelection['kind']> name="report-scope" legend="Scope" value={value.scope.kind} errors={problems.scope ? [problems.scope] : []}
        onChange={(kind) => set({ scope: defaultSelection(kind, pageId) })} options={selectionOptions} />
      <RadioGroup<ReportContentType> name="report-type" legend="Content type" value={value.contentType} onChange={(contentType) => set({ contentType })}
        options={[{ value: 'all', label: 'Pages and blog posts' }, { value: 'page', label: 'Pages' }, { value: 'blogpost', label: 'Blog posts' }]} />
      <RadioGroup<'last-days' | 'dates'> name="report-range" legend="Range" value={value.range.kind === 'last-days' ? 'last-days' : 'dates'}
        errors={problems.range ? [problems.range] : []}
        onChange={(kind) => set({ range: kind === 'last-days' ? { kind: 'last-days', days: lastDays } : { kind: 'preset', preset: 'all' } })}
        options={[
          { value: 'last-days', label: 'The last days', whenSelected: <NumberField id="report-days" aria-label="Number of days" unit="days" value={lastDays} onChange={(days) => set({ range: { kind: 'last-days', days } })} /> },
          { value: 'dates', label: 'A period or fixed dates', whenSelected: value.range.kind === 'last-days' ? null
            : <DateRangePicker value={value.range} onChange={(range: DateRange) => set({ range })} label="Period" /> },
        ]} />
      <Field id="report-rows" label="Rows" helper={`Up to ${LIMITS.rows}.`} errors={problems.rows ? [problems.rows] : []}>
        {(control) => <NumberField {...control} value={value.rows} onChange={(rows) => set({ rows })} />}
      </Field>
      <fieldset className="vt-radio-group">
        <legend className="vt-field__label">Columns</legend>
        {REPORT_COLUMNS.map((column) => (
          <Checkbox key={column} label={COLUMN_LABELS[column]} checked={value.columns.includes(column)} onChange={(checked) => toggleColumn(column, checked)} />
        ))}
        {problems.columns ? <p className="vt-field__error" role="alert">{problems.columns}</p> : null}
      </fieldset>
      <div className="vt-inline">
        <label htmlFor="report-sort" className="vt-field__label">Sort by</label>
        <SelectField<ReportColumn> inputId="report-sort" value={value.sort.column} onChange={(column) => set({ sort: { ...value.sort, column } })}
          options={REPORT_COLUMNS.map((column) => ({ value: column, label: COLUMN_LABELS[column] }))} />
        <SelectField<'asc' | 'desc'> aria-label="Sort direction" value={value.sort.direction} onChange={(direction) => set({ sort: { ...value.sort, direction } })}
          options={[{ value: 'desc', label: 'Highest first' }, { value: 'asc', label: 'Lowest first' }]} minWidth={150} />
      </div>
    </div>
  );
}

function defaultSelection(kind: ContentSelection['kind'], pageId: string): ContentSelection {
  switch (kind) {
    case 'this-space': return { kind };
    case 'spaces': return { kind, spaceKeys: [] };
    case 'label': return { kind, label: '' };
    case 'page-tree': return { kind, pageId };
  }
}

function selectionOption(kind: ContentSelection['kind'], value: ReportQueryDefinition, set: (change: Partial<ReportQueryDefinition>) => void, pageId: string, searchSpaces?: SpaceSearch) {
  const selection = value.scope;
  switch (kind) {
    case 'this-space':
      return { value: kind, label: 'This space' };
    case 'spaces':
      return { value: kind, label: 'Chosen spaces', whenSelected: selection.kind === 'spaces' ? (
        <SpacesField keys={selection.spaceKeys} search={searchSpaces} onChange={(spaceKeys) => set({ scope: { kind: 'spaces', spaceKeys } })} />
      ) : null };
    case 'label':
      return { value: kind, label: 'Content with a label', whenSelected: selection.kind === 'label' ? (
        <TextField id="report-label" aria-label="Label" placeholder="how-to" value={selection.label} onChange={(event) => set({ scope: { kind: 'label', label: event.target.value.trim().toLowerCase() } })} />
      ) : null };
    case 'page-tree':
      return { value: kind, label: 'A page and its descendants', description: pageId ? 'This page by default.' : undefined, whenSelected: selection.kind === 'page-tree' ? (
        <TextField id="report-page" aria-label="Page id" inputMode="numeric" value={selection.pageId} onChange={(event) => set({ scope: { kind: 'page-tree', pageId: event.target.value.trim() } })} />
      ) : null };
  }
}

/** The author has not chosen a sort (the kind's own, or the generic default): a new kind brings its own. */
function isDefaultSort(value: ReportQueryDefinition): boolean {
  const same = (a: ReportQueryDefinition['sort'], b: ReportQueryDefinition['sort']) => a.column === b.column && a.direction === b.direction;
  return same(value.sort, DEFAULT_SORTS[value.what]) || same(value.sort, DEFAULT_REPORT.sort);
}
