/**
 * An on/off switch: a `role="switch"` button (Space and Enter toggle it natively) with `aria-checked`,
 * named by its visible label and described by its description or by why it is unavailable.
 */
import { FieldErrors } from './field';

export interface ToggleProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  description?: string;
  disabled?: boolean;
  /** Why the switch cannot be used; shown instead of nothing, so a disabled control never puzzles. */
  disabledReason?: string;
  error?: string;
}

export function Toggle({ id, label, checked, onChange, description, disabled = false, disabledReason, error }: ToggleProps) {
  const describedBy = [description ? `${id}-description` : '', disabledReason ? `${id}-reason` : '', error ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={disabled ? 'vt-setting vt-setting--disabled' : 'vt-setting'}>
      <div className="vt-setting__text">
        <label className="vt-setting__label" id={`${id}-label`} htmlFor={id}>
          {label}
        </label>
        {description ? (
          <p className="vt-setting__description" id={`${id}-description`}>
            {description}
          </p>
        ) : null}
        {disabledReason ? (
          <p className="vt-setting__reason" id={`${id}-reason`}>
            {disabledReason}
          </p>
        ) : null}
        <FieldErrors id={`${id}-error`} errors={error ? [error] : []} />
      </div>
      <button
        type="button"
        id={id}
        role="switch"
        className={checked ? 'vt-toggle vt-toggle--checked' : 'vt-toggle'}
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        disabled={disabled}
        onClick={() => onChange(!checked)}
      >
        <span className="vt-toggle__track" aria-hidden="true">
          <span className="vt-toggle__mark vt-toggle__mark--on">
            <svg viewBox="0 0 16 16" width="12" height="12" focusable="false"><path fill="currentColor" d="M6.4 10.6 3.9 8.1l-1 1 3.5 3.5 7-7-1-1z" /></svg>
          </span>
          <span className="vt-toggle__mark vt-toggle__mark--off">
            <svg viewBox="0 0 16 16" width="12" height="12" focusable="false"><path fill="currentColor" d="m8 7 3-3 1 1-3 3 3 3-1 1-3-3-3 3-1-1 3-3-3-3 1-1z" /></svg>
          </span>
          <span className="vt-toggle__thumb" />
        </span>
      </button>
    </div>
  );
}
