/**
 * A section message: the Atlassian Design System's (`@atlaskit/section-message`), a tinted box with its
 * icon, an optional title, a body and actions. ADS draws its actions as links separated by dots; ours are
 * buttons (some busy while they work), so they sit under the body instead. The wrapper carries the
 * landmark role and id, which ADS does not take.
 */
import AkSectionMessage from '@atlaskit/section-message';
import type { ReactNode } from 'react';

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

export function SectionMessage({ appearance = 'information', title, children, actions, role, id }: SectionMessageProps) {
  const body = (
    <>
      {children ? <div className="vt-section-message__body">{children}</div> : null}
      {actions ? <div className="vt-section-message__actions">{actions}</div> : null}
    </>
  );
  return (
    <div id={id} className="vt-section-message" role={role} aria-label={role === 'region' ? title : undefined}>
      {title ? (
        <AkSectionMessage appearance={appearance} title={title} headingLevel="h3" testId={`vt-section-message--${appearance}`}>
          {body}
        </AkSectionMessage>
      ) : (
        <AkSectionMessage appearance={appearance} testId={`vt-section-message--${appearance}`}>
          {body}
        </AkSectionMessage>
      )}
    </div>
  );
}
