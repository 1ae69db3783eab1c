/**
 * Content (issue 8): whether attachment views are tracked, and the inventory of every page and blog
 * post that the reports' "never viewed" lists read: its backfill's progress, last completion, and a
 * button that runs it again.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResolverError } from '@contracts/envelope';
import type { InventoryStatus, MonthRowsProgress } from '@contracts/inventory';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Button } from '../../shared/components/button';
import { PageSection } from '../../shared/components/page';
import { ErrorState, Skeleton } from '../../shared/components/states';
import { Toggle } from '../../shared/components/toggle';
import { formatNumber, formatRelativeTime } from '../../shared/format/time';
import type { SectionProps } from './section-props';

export function inventoryLine(status: InventoryStatus, now: number): string {
  const last = status.completedAt === null ? 'Never completed yet.' : `Last completed ${formatRelativeTime(status.completedAt, now)}.`;
  if (status.state === 'idle') return `${last} ${formatNumber(status.processed)} pages and blog posts in the last run.`;
  const waiting = status.throttledUntil !== null && status.throttledUntil > now ? ' Confluence asked us to slow down; it continues shortly.' : '';
  return `Running: ${formatNumber(status.processed)} read so far (now ${status.phase === 'page' ? 'pages' : 'blog posts'}).${waiting} ${last}`;
}

/** The content-month backfill: period figures of content viewed before month rows existed. */
export function monthRowsLine(progress: MonthRowsProgress, now: number): string {
  const rows = `${formatNumber(progress.monthsWritten)} month rows built from daily rows (${formatNumber(progress.contents)} pages and blog posts checked).`;
  if (progress.state === 'running') return `Period figures of older views: running, ${rows}`;
  return `Period figures of older views: completed ${progress.completedAt === null ? '' : `${formatRelativeTime(progress.completedAt, now)}, `}${rows}`;
}

export function ContentSection({ draft, onChange, errorsFor, disabled }: SectionProps) {
  const [trackError] = errorsFor('trackAttachments');
  const [status, setStatus] = useState<InventoryStatus | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const answer = await invokeResolver('getInventoryStatus', {});
    if (answer.ok) setStatus(answer.data);
    else setError(answer.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const run = async () => {
    setBusy(true);
    setError(null);
    const answer = await invokeResolver('startInventoryBackfill', {});
    setBusy(false);
    if (answer.ok) setStatus(answer.data);
    else setError(answer.error);
  };

  return (
    <PageSection id="content" title="Content">
      <div className="vt-section-fields">
        <Toggle
          id="track-attachments"
          label="Track attachments"
          description="Counts views of attachments as a third content type, shown in the statistics of the page they are attached to."
          checked={draft.trackAttachments}
          disabled={disabled}
          error={trackError}
          onChange={(trackAttachments) => onChange({ ...draft, trackAttachments })}
        />
      </div>
      <div className="vt-stack" aria-live="polite">
        <h3>Content inventory</h3>
        <p>Every page and blog post, read from Confluence, so reports can list content nobody has viewed. It runs on installation, continues hourly, and is kept current by Confluence's content events.</p>
        {error ? <ErrorState error={error} title="The inventory status could not be loaded" onRetry={() => void load()} /> : null}
        {status === null && !error ? <Skeleton width="60%" /> : null}
        {status ? <p data-testid="inventory-status">{inventoryLine(status, Date.now())}</p> : null}
        {status?.monthRows ? <p data-testid="month-rows-status">{monthRowsLine(status.monthRows, Date.now())}</p> : null}
        <div>
          <Button appearance="default" disabled={busy} onClick={() => void run()}>
            {busy ? 'Running…' : 'Run inventory now'}
          </Button>
        </div>
      </div>
    </PageSection>
  );
}
