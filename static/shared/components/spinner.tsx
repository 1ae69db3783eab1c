/**
 * A spinner: the Atlassian Design System's (`@atlaskit/spinner`). With a label it announces itself as a
 * status (ADS names the spinner itself as an image); without, it is decorative.
 */
import AkSpinner from '@atlaskit/spinner';

export interface SpinnerProps {
  size?: 'small' | 'medium' | 'large';
  label?: string;
  /** On a bold (brand or danger) background. */
  inverted?: boolean;
}

export function Spinner({ size = 'medium', label, inverted = false }: SpinnerProps) {
  const spinner = <AkSpinner size={size} appearance={inverted ? 'invert' : 'inherit'} />;
  return label ? (
    <span className="vt-spinner" role="status" aria-label={label}>
      {spinner}
    </span>
  ) : (
    <span className="vt-spinner" aria-hidden="true">
      {spinner}
    </span>
  );
}
