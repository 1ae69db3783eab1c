/**
 * The frame of a report page while its report is not built yet: a real header and an honest empty state
 * that says what the report will show, rather than controls that do nothing.
 */
import type { ReactNode } from 'react';
import { Page, PageHeader } from './page';
import { EmptyState } from './states';

export interface ReportShellProps {
  title: string;
  description: ReactNode;
  /** What the report will contain, one item per line. */
  upcoming: string[];
}

function ChartIllustration() {
  return (
    <svg width="120" height="80" viewBox="0 0 120 80" focusable="false">
      <rect x="8" y="44" width="16" height="28" rx="2" fill="currentColor" opacity="0.35" />
      <rect x="32" y="28" width="16" height="44" rx="2" fill="currentColor" opacity="0.5" />
      <rect x="56" y="36" width="16" height="36" rx="2" fill="currentColor" opacity="0.35" />
      <rect x="80" y="16" width="16" height="56" rx="2" fill="currentColor" opacity="0.6" />
      <rect x="4" y="74" width="112" height="2" rx="1" fill="currentColor" opacity="0.4" />
    </svg>
  );
}

export function ReportShell({ title, description, upcoming }: ReportShellProps) {
  return (
    <Page width="wide">
      <PageHeader breadcrumb="Viewtracker" title={title} description={description} />
      <EmptyState
        illustration={<ChartIllustration />}
        header="Reports arrive in a later release"
        description={
          <>
            <p>Views are already being recorded, so the report will include them when it arrives. It will show:</p>
            <ul className="vt-report-upcoming">
              {upcoming.map((item) => <li key={item}>{item}</li>)}
            </ul>
          </>
        }
      />
    </Page>
  );
}
