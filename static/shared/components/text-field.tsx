/**
 * A single-line text input: the Atlassian Design System's (`@atlaskit/textfield`). `aria-invalid` on the
 * input also draws ADS's invalid border; `disabled`, `readOnly` and `required` become ADS's `is…` props
 * (ADS sets those input attributes itself, over any passed through).
 */
import AkTextfield from '@atlaskit/textfield';
import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'className' | 'size' | 'style' | 'width'> {
  /** Text after the value inside the field, e.g. a unit ("ms", "days"). */
  elemAfterInput?: ReactNode;
  width?: 'small' | 'medium' | 'full';
  /** A monospaced value (tokens, ids). */
  monospace?: boolean;
}

/** ADS widths in px: "small" fits a number and its unit, "medium" a name. */
const WIDTHS = { small: 160, medium: 280, full: undefined } as const;

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { elemAfterInput, width = 'full', monospace = false, disabled, readOnly, required, ...rest },
  ref,
) {
  const invalid = rest['aria-invalid'] === true || rest['aria-invalid'] === 'true';
  return (
    <AkTextfield
      {...rest}
      ref={ref}
      width={WIDTHS[width]}
      isDisabled={disabled}
      isReadOnly={readOnly}
      isRequired={required}
      isInvalid={invalid}
      isMonospaced={monospace}
      elemAfterInput={elemAfterInput ? <span className="vt-textfield__after" aria-hidden="true">{elemAfterInput}</span> : undefined}
    />
  );
});
