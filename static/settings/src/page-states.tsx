/** The whole-page states of the settings page: loading skeleton, admin-only refusal, and load failure. */
import { LockIcon } from '../../shared/components/icons';
import { Page, PageHeader } from '../../shared/components/page';
import { EmptyState, Skeleton } from '../../shared/components/states';

export const PAGE_TITLE = 'Viewtracker settings';
export const PAGE_DESCRIPTION =
  'Decide what Viewtracker tracks, whose views are excluded, who may open reports, and how viewers’ privacy is protected.';

export function SettingsSkeleton() {
  return (
    <Page>
      <PageHeader title={PAGE_TITLE} description={PAGE_DESCRIPTION} />
      <div aria-busy="true" aria-live="polite">
        <span className="vt-visually-hidden">Loading settings…</span>
        {[5, 3, 4].map((rows, section) => (
          <div className="vt-page-section" key={section}>
            <Skeleton width={180} height={24} />
            <div className="vt-page-section__body">
              {Array.from({ length: rows }, (_, row) => (
                <div className="vt-setting" key={row}>
                  <div className="vt-setting__text">
                    <Skeleton width={140} height={16} />
                    <div className="vt-skeleton-gap" />
                    <Skeleton width="70%" height={14} />
                  </div>
                  <Skeleton width={44} height={24} radius={12} />
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
    </Page>
  );
}

export function ForbiddenPage() {
  return (
    <Page>
      <EmptyState
        headingLevel={1}
        illustration={<LockIcon size={64} />}
        header="Only Confluence administrators can change these settings"
        description={
          <>
            <p>Viewtracker’s settings decide what is tracked and who can see it, so only Confluence administrators can open them.</p>
            <p>If something about Viewtracker should change, ask one of your site’s Confluence administrators.</p>
          </>
        }
      />
    </Page>
  );
}
