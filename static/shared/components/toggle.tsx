/**
 * A setting with an on/off switch: the Atlassian Design System's toggle (`@atlaskit/toggle`, large), which
 * is a native checkbox (Space toggles it; screen readers say "checkbox, checked"), named by this setting's
 * label and described by its description, by why it is unavailable, and by its error.
 */
import AkToggle from '@atlaskit/toggle';
import { useEffect, useRef } from 'react';
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
  const input = useRef<HTMLInputElement>(null);
  // ADS's toggle takes no aria-invalid; its input (forwarded ref) carries it, as the old switch did.
  useEffect(() => {
    if (error) input.current?.setAttribute('aria-invalid', 'true');
    else input.current?.removeAttribute('aria-invalid');
  }, [error]);
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
      <span className="vt-setting__switch">
        <AkToggle
          ref={input}
          id={id}
          size="large"
          label={label}
          isChecked={checked}
          isDisabled={disabled}
          descriptionId={describedBy || undefined}
          testId={`${id}-toggle`}
          onChange={(event) => onChange(event.target.checked)}
        />
      </span>
    </div>
  );
}
