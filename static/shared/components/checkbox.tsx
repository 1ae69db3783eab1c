/**
 * A checkbox with its label: the Atlassian Design System's (`@atlaskit/checkbox`), a native checkbox input
 * inside its label (Space toggles it, a click on the text does too), drawn in ADS's look for light and dark.
 */
import AkCheckbox from '@atlaskit/checkbox';

export interface CheckboxProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  id?: string;
  name?: string;
}

export function Checkbox({ label, checked, onChange, disabled = false, id, name }: CheckboxProps) {
  return (
    <AkCheckbox
      label={label}
      isChecked={checked}
      isDisabled={disabled}
      onChange={(event) => onChange(event.target.checked)}
      {...(id ? { id, testId: id } : {})}
      {...(name ? { name } : {})}
    />
  );
}
