/**
 * A labelled form field: label, control, helper text and error, wired by ids so that a screen reader reads
 * the label, the helper and the error together with the control.
 */
import type { ReactNode } from 'react';
import { ErrorIcon } from './icons';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export interface FieldProps {
  id: string;
  label: string;
  /** Adds the required asterisk (the control itself should carry `required`). */
  isRequired?: boolean;
  helper?: ReactNode;
  /** One or more problems; each is shown on its own line. */
  errors?: string[];
  children: (control: ControlProps) => ReactNode;
}

export function describedBy(id: string, parts: { helper: boolean; error: boolean }): string | undefined {
  const ids = [parts.helper ? `${id}-helper` : '', parts.error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export function Field({ id, label, isRequired = false, helper, errors = [], children }: FieldProps) {
  const hasError = errors.length > 0;
  return (
    <div className="vt-field">
      <label className="vt-field__label" htmlFor={id}>
        {label}
        {isRequired ? <span className="vt-field__required" aria-hidden="true"> *</span> : null}
      </label>
      {children({
        id,
        'aria-describedby': describedBy(id, { helper: helper !== undefined, error: hasError }),
        ...(hasError ? { 'aria-invalid': true as const } : {}),
      })}
      {helper !== undefined ? (
        <div className="vt-field__helper" id={`${id}-helper`}>
          {helper}
        </div>
      ) : null}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <div className="vt-field__error" id={id} role="alert">
      {errors.map((message) => (
        <p key={message}>
          <ErrorIcon size={16} />
          <span>{message}</span>
        </p>
      ))}
    </div>
  );
}
