/**
 * Radio buttons in a fieldset with a legend: native inputs, so arrow keys move between options as users
 * expect. Each option can carry a description and content shown under it while it is selected.
 */
import type { ReactNode } from 'react';
import { FieldErrors } from './field';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
  description?: ReactNode;
  /** Rendered under the option while it is selected (e.g. a nested field). */
  whenSelected?: ReactNode;
}

export interface RadioGroupProps<V extends string> {
  name: string;
  legend: string;
  value: V;
  options: ReadonlyArray<RadioOption<V>>;
  onChange: (value: V) => void;
  disabled?: boolean;
  errors?: string[];
}

export function RadioGroup<V extends string>({ name, legend, value, options, onChange, disabled = false, errors = [] }: RadioGroupProps<V>) {
  const errorId = `${name}-error`;
  return (
    <fieldset className="vt-radio-group" aria-describedby={errors.length > 0 ? errorId : undefined}>
      <legend className="vt-field__label">{legend}</legend>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        const checked = option.value === value;
        return (
          <div key={option.value} className={checked ? 'vt-radio vt-radio--checked' : 'vt-radio'}>
            <input
              className="vt-radio__input"
              type="radio"
              id={id}
              name={name}
              value={option.value}
              checked={checked}
              disabled={disabled}
              aria-describedby={option.description ? `${id}-description` : undefined}
              onChange={() => onChange(option.value)}
            />
            <div className="vt-radio__text">
              <label className="vt-radio__label" htmlFor={id}>
                {option.label}
              </label>
              {option.description ? (
                <div className="vt-radio__description" id={`${id}-description`}>
                  {option.description}
                </div>
              ) : null}
              {checked && option.whenSelected ? <div className="vt-radio__nested">{option.whenSelected}</div> : null}
            </div>
          </div>
        );
      })}
      <FieldErrors id={errorId} errors={errors} />
    </fieldset>
  );
}
