/** The frame of a full page: a header with title, description and actions, then the content. */
import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  /** Small text above the title, e.g. the app name. */
  breadcrumb?: ReactNode;
}

export function PageHeader({ title, description, actions, breadcrumb }: PageHeaderProps) {
  return (
    <header className="vt-page-header">
      {breadcrumb ? <div className="vt-page-header__breadcrumb">{breadcrumb}</div> : null}
      <div className="vt-page-header__row">
        <h1 className="vt-page-header__title">{title}</h1>
        {actions ? <div className="vt-page-header__actions">{actions}</div> : null}
      </div>
      {description ? <div className="vt-page-header__description">{description}</div> : null}
    </header>
  );
}

export function Page({ children, width = 'narrow' }: { children: ReactNode; width?: 'narrow' | 'wide' }) {
  return <main className={`vt-page vt-page--${width}`}>{children}</main>;
}

/** A titled block of a page; the heading names the region for assistive technology. */
export function PageSection({ id, title, description, children, actions }: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="vt-page-section" aria-labelledby={`${id}-heading`}>
      <div className="vt-page-section__header">
        <h2 className="vt-page-section__title" id={`${id}-heading`}>{title}</h2>
        {actions ? <div className="vt-page-section__actions">{actions}</div> : null}
      </div>
      {description ? <div className="vt-page-section__description">{description}</div> : null}
      <div className="vt-page-section__body">{children}</div>
    </section>
  );
}
