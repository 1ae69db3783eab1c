/** Empty, error and loading states shared by every app, so each says the same thing the same way. */
import type { ReactNode } from 'react';
import type { ResolverError } from '@contracts/envelope';
import { Button } from './button';
import { SectionMessage } from './section-message';
import { Spinner } from './spinner';

export interface EmptyStateProps {
  header: string;
  description?: ReactNode;
  /** A decorative picture above the header. */
  illustration?: ReactNode;
  primaryAction?: ReactNode;
  headingLevel?: 1 | 2 | 3;
}

export function EmptyState({ header, description, illustration, primaryAction, headingLevel = 2 }: EmptyStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="vt-empty-state">
      {illustration ? <div className="vt-empty-state__illustration" aria-hidden="true">{illustration}</div> : null}
      <Heading className="vt-empty-state__header">{header}</Heading>
      {description ? <div className="vt-empty-state__description">{description}</div> : null}
      {primaryAction ? <div className="vt-empty-state__actions">{primaryAction}</div> : null}
    </div>
  );
}

/** What a failed call means to the person in front of the screen. */
export function errorTitle(error: ResolverError): string {
  switch (error.code) {
    case 'forbidden':
      return 'You don’t have permission to see this';
    case 'not-found':
      return 'We couldn’t find what you were looking for';
    case 'unavailable':
      return 'Viewtracker is temporarily unavailable';
    case 'conflict':
      return 'Someone else changed this first';
    case 'invalid-input':
      return 'Some values need your attention';
    default:
      return 'Something went wrong';
  }
}

export function ErrorState({ error, onRetry, title }: { error: ResolverError; onRetry?: () => void; title?: string }) {
  return (
    <SectionMessage
      appearance="error"
      role="alert"
      title={title ?? errorTitle(error)}
      actions={onRetry ? <Button onClick={onRetry}>Try again</Button> : undefined}
    >
      <p>{error.message}</p>
    </SectionMessage>
  );
}

export function LoadingState({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="vt-loading-state">
      <Spinner size="large" label={label} />
    </div>
  );
}

export { Skeleton } from './skeleton';
