/**
 * Page statistics, opened from the "N views" byline item in a modal: the all-time summary and the
 * views-over-time chart (TrendSection), a column of sections each loading its own data. There is no
 * who-viewed table yet.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { ContentSummary } from '@contracts/resolvers';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Button } from '../../shared/components/button';
import { ErrorState } from '../../shared/components/states';
import { closeView } from '../../shared/host';
import { SummarySection, SummarySkeleton } from './summary-section';
import { TrendSection } from './trend-section';
import { AttachmentsSection } from './attachments-section';

export function StatisticsApp() {
  const [summary, setSummary] = useState<Envelope<ContentSummary> | null>(null);

  const load = useCallback(async () => {
    setSummary(null);
    setSummary(await invokeResolver('getContentSummary', {}));
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // The modal's own Escape handling does not see keys pressed inside this frame.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void closeView();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="vt-modal">
      <header className="vt-modal__header">
        <h1 className="vt-modal__title">Page statistics</h1>
      </header>
      <div className="vt-modal__body">
        {summary === null ? (
          <SummarySkeleton />
        ) : summary.ok ? (
          <>
            <SummarySection summary={summary.data} now={Date.now()} />
            <TrendSection />
            <AttachmentsSection />
          </>
        ) : (
          <ErrorState
            error={summary.error}
            title={summary.error.code === 'not-found' ? 'No statistics for this page' : 'The statistics could not be loaded'}
            onRetry={summary.error.code === 'not-found' ? undefined : () => void load()}
          />
        )}
      </div>
      <footer className="vt-modal__footer">
        <Button appearance="primary" onClick={() => void closeView()}>Close</Button>
      </footer>
    </div>
  );
}
