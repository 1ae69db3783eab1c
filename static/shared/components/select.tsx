/**
 * The one dropdown of every page: Atlassian's Select (@atlaskit/select), over a list of string values
 * with their labels. It is named for assistive technology by a `<label htmlFor={inputId}>` or by
 * `aria-label`. Keyboard as in Confluence: Tab focuses it, Down (or Space) opens the menu, arrows move,
 * Enter picks, Escape closes; a long list can be typed into to filter it.
 *
 * The menu opens upwards where there is no room below (`menuPlacement="auto"`): an app's iframe is
 * sized to its content, so a menu that ran past its bottom edge would be cut off.
 */
import Select from '@atlaskit/select';

export interface Choice<V extends string> {
  value: V;
  label: string;
}

export interface SelectFieldProps<V extends string> {
  /** The input's id, for a `<label htmlFor>`; without one, give `aria-label`. */
  inputId?: string;
  'aria-label'?: string;
  'aria-describedby'?: string;
  options: ReadonlyArray<Choice<V>>;
  value: V;
  onChange: (value: V) => void;
  /** The form field name (a hidden input carries the value). */
  name?: string;
  /** The control's minimum width in pixels (its label's text does not size it). */
  minWidth?: number;
  isDisabled?: boolean;
  spacing?: 'compact' | 'default';
}

/** Lists this long can be typed into; shorter ones behave like a native select (no text cursor). */
const SEARCHABLE_FROM = 8;

export function SelectField<V extends string>({ inputId, options, value, onChange, name, minWidth = 180, isDisabled = false, spacing = 'default', ...aria }: SelectFieldProps<V>) {
  const selected = options.find((option) => option.value === value) ?? null;
  return (
    <Select<Choice<V>, false>
      inputId={inputId}
      aria-label={aria['aria-label']}
      aria-describedby={aria['aria-describedby']}
      name={name}
      options={[...options]}
      value={selected}
      onChange={(option) => { if (option) onChange(option.value); }}
      isSearchable={options.length >= SEARCHABLE_FROM}
      isDisabled={isDisabled}
      spacing={spacing}
      menuPlacement="auto"
      classNamePrefix="vt-select"
      styles={{ container: (base) => ({ ...base, minWidth }) }}
    />
  );
}
