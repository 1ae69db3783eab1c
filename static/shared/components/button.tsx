/**
 * A button: the Atlassian Design System's own (`@atlaskit/button/new`), behind the props the pages already
 * use. `isLoading` shows ADS's spinner over the label, keeps the button focusable and blocks its clicks
 * (and so a second submit of its form). `appearance="link"` has no ADS button (ADS links navigate): it stays
 * a plain button styled as a link, for in-page disclosures such as "Show older changes".
 */
import AkButton from '@atlaskit/button/new';
import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';

export type ButtonAppearance = 'primary' | 'default' | 'subtle' | 'danger' | 'warning' | 'link';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'style' | 'children'> {
  appearance?: ButtonAppearance;
  /** Shows a spinner and blocks clicks while keeping the label for screen readers. */
  isLoading?: boolean;
  spacing?: 'default' | 'compact';
  /** ADS's hook for tests: rendered as `data-testid`. */
  testId?: string;
  children: ReactNode;
}

export function Button({ appearance = 'default', isLoading = false, spacing = 'default', disabled, type = 'button', testId, children, onClick, ...rest }: ButtonProps) {
  if (appearance === 'link') {
    return (
      <button {...rest} type={type} className="vt-link-button" disabled={disabled} onClick={onClick} data-testid={testId}>
        {children}
      </button>
    );
  }
  return (
    <AkButton
      {...rest}
      type={type}
      appearance={appearance}
      spacing={spacing}
      isDisabled={disabled}
      isLoading={isLoading}
      {...(testId ? { testId } : {})}
      onClick={onClick ? (event: MouseEvent<HTMLButtonElement>) => onClick(event) : undefined}
    >
      {children}
    </AkButton>
  );
}
