/**
 * Page statistics, opened from the "N views" byline item in a modal: a range (presets or custom UTC
 * days), its figures with the change against the previous period, a chart of views and viewers,
 * the split by source and, where privacy allows, who viewed and when.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { PageStatistics } from '@contracts/page-statistics';
import type { DateRange } from '@contracts/report-range';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Button } from '../../shared/components/button';
import { DateRangePicker } from '../../shared/components/date-range-picker';
import { ErrorState, EmptyState } from '../../shared/components/states';
import { closeView } from '../../shared/host';
import { RangeSummary, SummarySkeleton } from './summary-section';
import { ViewsChart } from './views-chart';
import { SourcesSection } from './sources-section';
import { ViewersSection } from './viewers-section';
import { PeopleHidden } from './people-hidden';
import { useWide } from './use-wide';
import { AttachmentsSection } from './attachments-section';
import { ReachSection } from './reach-section';

const DEFAULT_RANGE: DateRange = { kind: 'preset', preset: '30d' };

export function StatisticsApp() {
  const [range, setRange] = useState<DateRange>(DEFAULT_RANGE);
  const [answer, setAnswer] = useState<Envelope<PageStatistics> | null>(null);
  const wide = useWide();

  const load = useCallback(async (wanted: DateRange) => {
    setAnswer(null);
    setAnswer(await invokeResolver('getPageStatistics', { range: wanted }));
  }, []);

  useEffect(() => {
    void load(range);
  }, [load, range]);

  // The modal's own Escape handling does not see keys pressed inside this frame.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') void closeView();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const stats = answer?.ok ? answer.data : null;
  return (
    <div className={`vt-modal${wide ? ' vt-modal--wide' : ''}`}>
      <header className="vt-modal__header">
        <h1 className="vt-modal__title">Page statistics{stats ? <span className="vt-modal__subtitle">{stats.title}</span> : null}</h1>
        <DateRangePicker value={range} onChange={setRange} resolved={stats?.range ?? null} months={wide ? 2 : 1} label="Statistics period" />
      </header>
      <div className="vt-modal__body" aria-live="polite" aria-busy={answer === null}>
        {answer === null ? <SummarySkeleton /> : null}
        {answer !== null && !answer.ok ? (
          <ErrorState
            error={answer.error}
            title={answer.error.code === 'not-found' ? 'No statistics for this page' : answer.error.code === 'forbidden' ? 'You can’t see these statistics' : 'The statistics could not be loaded'}
            onRetry={answer.error.code === 'not-found' || answer.error.code === 'forbidden' ? undefined : () => void load(range)}
          />
        ) : null}
        {stats ? (
          <>
            <RangeSummary stats={stats} now={Date.now()} allTime={range.kind === 'preset' && range.preset === 'all'} />
            {stats.totals.views === 0 ? (
              <EmptyState header="No views in this period" description="Choose a longer period to see earlier views." headingLevel={2} />
            ) : (
              <>
                <ViewsChart stats={stats} />
                <SourcesSection stats={stats} />
              </>
            )}
            {stats.people.visible ? <ViewersSection range={range} stats={stats} /> : <PeopleHidden reason={stats.people.reason} noGroup={stats.people.noGroup === true} />}
            {stats.people.visible || stats.people.reason !== 'sign-in' ? <ReachSection range={range} stats={stats} /> : null}
            <AttachmentsSection />
          </>
        ) : null}
      </div>
      <footer className="vt-modal__footer">
        <Button appearance="primary" onClick={() => void closeView()}>Close</Button>
      </footer>
    </div>
  );
}
