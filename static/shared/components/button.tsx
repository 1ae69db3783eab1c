/** Atlassian-style button: primary, default, subtle, danger, warning or link; shows a spinner while busy. */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Spinner } from './spinner';

export type ButtonAppearance = 'primary' | 'default' | 'subtle' | 'danger' | 'warning' | 'link';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  appearance?: ButtonAppearance;
  /** Shows a spinner and blocks clicks while keeping the label for screen readers. */
  isLoading?: boolean;
  iconBefore?: ReactNode;
  spacing?: 'default' | 'compact';
  children: ReactNode;
}

export function Button({
  appearance = 'default',
  isLoading = false,
  iconBefore,
  spacing = 'default',
  disabled,
  type = 'button',
  children,
  onClick,
  ...rest
}: ButtonProps) {
  const classes = ['vt-button', `vt-button--${appearance}`, spacing === 'compact' ? 'vt-button--compact' : '', isLoading ? 'vt-button--loading' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <button
      {...rest}
      type={type}
      className={classes}
      disabled={disabled}
      aria-busy={isLoading || undefined}
      // A busy button stays focusable (focus is not lost mid-save) but ignores clicks.
      onClick={isLoading ? (event) => event.preventDefault() : onClick}
    >
      {iconBefore ? <span className="vt-button__icon">{iconBefore}</span> : null}
      <span className="vt-button__label">{children}</span>
      {isLoading ? (
        <span className="vt-button__spinner">
          <Spinner size="small" inverted={appearance === 'primary' || appearance === 'danger'} />
        </span>
      ) : null}
    </button>
  );
}
