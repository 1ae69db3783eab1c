/**
 * The "reach" kind's settings (issue 20): which page (this one, or another by id), whose reach (a
 * group, the space's members, all licensed users), the period, and whether to list who has not read it.
 */
import type { ReachMacroConfig } from '@contracts/custom-reports';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Checkbox } from '../../shared/components/checkbox';
import { DateRangePicker } from '../../shared/components/date-range-picker';
import { TextField } from '../../shared/components/text-field';
import { ReachAudiencePicker } from '../../shared/reach/reach-audience';

export const MAX_REACH_ROWS = 100;

export function reachProblems(config: ReachMacroConfig): string[] {
  const problems: string[] = [];
  if (config.page.kind === 'page' && !/^\d{1,20}$/.test(config.page.pageId)) problems.push('A page id is a number.');
  if (config.audience.kind === 'group' && !config.audience.groupId) problems.push('Choose a group.');
  if (!Number.isInteger(config.rows) || config.rows < 1 || config.rows > MAX_REACH_ROWS) problems.push(`Show 1 to ${MAX_REACH_ROWS} names.`);
  return problems;
}

export function ReachConfigForm({ value, onChange }: { value: ReachMacroConfig; onChange: (config: ReachMacroConfig) => void }) {
  const set = (next: Partial<ReachMacroConfig>) => onChange({ ...value, ...next });
  const problems = reachProblems(value);
  return (
    <div className="vt-reach-config">
      <fieldset className="vt-radio-group">
        <legend className="vt-field__label">Page</legend>
        <label><input type="radio" name="reach-page" checked={value.page.kind === 'this-page'} onChange={() => set({ page: { kind: 'this-page' } })} /> This page</label>
        <label><input type="radio" name="reach-page" checked={value.page.kind === 'page'} onChange={() => set({ page: { kind: 'page', pageId: '' } })} /> Another page</label>
        {value.page.kind === 'page' ? (
          <label className="vt-report-filter">Page id
            <TextField width="small" inputMode="numeric" value={value.page.pageId} maxLength={20} onChange={(event) => set({ page: { kind: 'page', pageId: event.target.value.trim() } })} />
          </label>
        ) : null}
      </fieldset>
      <ReachAudiencePicker id="reach-macro-audience" value={value.audience.kind === 'group' && !value.audience.groupId ? null : value.audience}
        onChange={(audience) => set({ audience: audience ?? { kind: 'group', groupId: '' } })}
        kinds={['group', 'space-members', 'licensed']} scope="space" search={(query) => invokeResolver('searchReachGroups', { query })} />
      <DateRangePicker value={value.range} onChange={(range) => set({ range })} label="Period" />
      <Checkbox label="List who has not read it yet (where privacy allows)" checked={value.notRead} onChange={(notRead) => set({ notRead })} />
      {value.notRead ? (
        <label className="vt-report-filter">Names shown
          <TextField width="small" type="number" min={1} max={MAX_REACH_ROWS} value={value.rows} onChange={(event) => set({ rows: Number(event.target.value) })} />
        </label>
      ) : null}
      {problems.length > 0 ? <ul className="vt-field__errors" role="alert">{problems.map((problem) => <li key={problem}>{problem}</li>)}</ul> : null}
    </div>
  );
}
