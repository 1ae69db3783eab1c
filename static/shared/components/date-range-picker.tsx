/**
 * A date range: a preset (last 7/30/90/365 days, this month, last month, all time) or custom days
 * picked on a calendar (react-day-picker). It produces the typed `DateRange` the backend parses. Days
 * are the site's days, UTC, and the picker says so: a reader in Sydney sees the same days as one in
 * Denver, which is what the stored daily counts mean.
 */
import { useId, useState } from 'react';
import { DayPicker, type DateRange as PickedDays } from 'react-day-picker';
import type { DateRange, ResolvedRange } from '@contracts/report-range';
import { RANGE_PRESETS, type RangePreset } from '@contracts/report-range';
import { calendarDate, customRange, describeDays, pickedDay, PRESET_LABELS, utcDay } from '../format/date-range';
import { Button } from './button';
import { SelectField, type Choice } from './select';

export interface DateRangePickerProps {
  value: DateRange;
  onChange: (range: DateRange) => void;
  /** The days the backend resolved the value to, shown under the control. */
  resolved?: ResolvedRange | null;
  /** Which presets to offer (all by default). */
  presets?: readonly RangePreset[];
  /** Two months side by side in wide layouts, one in narrow ones. */
  months?: 1 | 2;
  /** Today's UTC day; defaults to the clock (tests pass it). */
  today?: string;
  label?: string;
}

const CUSTOM = 'custom';

/** The select's choices: the presets offered, then custom dates. */
export function rangeChoices(presets: readonly RangePreset[]): Array<Choice<string>> {
  return [...presets.map((preset) => ({ value: preset, label: PRESET_LABELS[preset] })), { value: CUSTOM, label: 'Custom dates…' }];
}

export function DateRangePicker({ value, onChange, resolved, presets = RANGE_PRESETS, months = 1, today = utcDay(Date.now()), label = 'Date range' }: DateRangePickerProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<PickedDays | undefined>(value.kind === 'custom' ? { from: calendarDate(value.from), to: calendarDate(value.to) } : undefined);
  const check = customRange(picked?.from ? pickedDay(picked.from) : null, picked?.to ? pickedDay(picked.to) : null, today);
  const selected = editing || value.kind === 'custom' ? CUSTOM : value.preset;
  const days = resolved ? describeDays(resolved.from, resolved.to) : value.kind === 'custom' ? describeDays(value.from, value.to) : 'Days are UTC, the site’s days.';

  const choose = (option: string) => {
    if (option === CUSTOM) {
      setEditing(true);
      return;
    }
    const preset = presets.find((candidate) => candidate === option);
    if (!preset) return;
    setEditing(false);
    onChange({ kind: 'preset', preset });
  };

  return (
    <div className="vt-range">
      <label htmlFor={`${id}-select`} className="vt-visually-hidden">{label}</label>
      <div className="vt-range__select">
        <SelectField<string> inputId={`${id}-select`} aria-describedby={`${id}-days`} value={selected} onChange={choose} minWidth={200}
          options={rangeChoices(presets)} />
      </div>
      <span id={`${id}-days`} className="vt-range__days">{days}</span>
      {editing ? (
        <div className="vt-range__custom" role="group" aria-label="Custom dates (UTC days)">
          <DayPicker
            mode="range"
            numberOfMonths={months}
            selected={picked}
            onSelect={setPicked}
            defaultMonth={picked?.from ?? calendarDate(today)}
            endMonth={calendarDate(today)}
            disabled={{ after: calendarDate(today) }}
            footer={check.ok ? `${describeDays(pickedDay(picked?.from ?? new Date()), pickedDay(picked?.to ?? new Date()))}` : 'Pick the first and the last day (UTC).'}
          />
          {!check.ok && picked?.from && picked?.to ? <p className="vt-range__error" role="alert">{check.message}</p> : null}
          <div className="vt-range__actions">
            <Button appearance="primary" spacing="compact" disabled={!check.ok} onClick={() => {
              if (!check.ok) return;
              setEditing(false);
              onChange(check.range);
            }}>Apply</Button>
            <Button appearance="subtle" spacing="compact" onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
