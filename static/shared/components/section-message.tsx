/** A section message: a tinted box with an icon, an optional title, a body and actions. */
import type { ReactNode } from 'react';
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from './icons';

export type SectionMessageAppearance = 'information' | 'warning' | 'error' | 'success' | 'discovery';

export interface SectionMessageProps {
  appearance?: SectionMessageAppearance;
  title?: string;
  children?: ReactNode;
  actions?: ReactNode;
  /** `alert` for errors that appear after a user action, so screen readers announce them. */
  role?: 'alert' | 'status' | 'region';
  id?: string;
}

function iconFor(appearance: SectionMessageAppearance) {
  switch (appearance) {
    case 'warning':
      return <WarningIcon size={20} />;
    case 'error':
      return <ErrorIcon size={20} />;
    case 'success':
      return <SuccessIcon size={20} />;
    default:
      return <InfoIcon size={20} />;
  }
}

export function SectionMessage({ appearance = 'information', title, children, actions, role, id }: SectionMessageProps) {
  return (
    <section
      id={id}
      className={`vt-section-message vt-section-message--${appearance}`}
      role={role}
      aria-label={role === 'region' ? title : undefined}
    >
      <span className="vt-section-message__icon">{iconFor(appearance)}</span>
      <div className="vt-section-message__content">
        {title ? <h3 className="vt-section-message__title">{title}</h3> : null}
        {children ? <div className="vt-section-message__body">{children}</div> : null}
        {actions ? <div className="vt-section-message__actions">{actions}</div> : null}
      </div>
    </section>
  );
}
