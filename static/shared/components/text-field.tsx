/** A single-line text input styled like Atlassian's TextField (border, hover, focus ring, invalid state). */
import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'size'> {
  /** Text after the value inside the field, e.g. a unit ("ms", "days"). */
  elemAfterInput?: ReactNode;
  width?: 'small' | 'medium' | 'full';
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { elemAfterInput, width = 'full', disabled, ...rest },
  ref,
) {
  const classes = ['vt-textfield', `vt-textfield--${width}`, disabled ? 'vt-textfield--disabled' : ''].filter(Boolean).join(' ');
  return (
    <span className={classes} data-invalid={rest['aria-invalid'] ? 'true' : undefined}>
      <input ref={ref} className="vt-textfield__input" disabled={disabled} {...rest} />
      {elemAfterInput ? <span className="vt-textfield__after" aria-hidden="true">{elemAfterInput}</span> : null}
    </span>
  );
});
