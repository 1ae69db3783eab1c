/**
 * The report macro's "reach" kind (issue 20): "K of N have read it" for the configured page and
 * audience, and where privacy allows the first names of the not-read list. A preparing audience shows
 * progress and is asked again; a refusal shows why (e.g. Extended privacy), never a figure.
 */
import type { Envelope } from '@contracts/envelope';
import type { ReachPreparing, ReachReady } from '@contracts/reach';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { SectionMessage } from '../../shared/components/section-message';
import { ErrorState, LoadingState } from '../../shared/components/states';
import { formatNumber } from '../../shared/format/time';
import { shareText } from '../../shared/reach/reach-columns';
import { ReachProgress } from '../../shared/reach/reach-progress';
import { useReach } from '../../shared/reach/use-reach';

type Shown = { state: 'ready'; notice: string | null; reach: ReachReady | null; notRead: boolean };

async function ask(): Promise<Envelope<Shown | ReachPreparing>> {
  const answer = await invokeResolver('getReachMacro', {});
  if (!answer.ok) return answer;
  if (answer.data.state === 'notice') return { ok: true, data: { state: 'ready', notice: answer.data.message, reach: null, notRead: false } };
  if (answer.data.reach.state === 'preparing') return { ok: true, data: answer.data.reach };
  return { ok: true, data: { state: 'ready', notice: null, reach: answer.data.reach, notRead: answer.data.config.notRead } };
}

export function ReachMacroView() {
  const { state } = useReach<Shown>(ask, 'macro', 'macro');
  return (
    <section className="vt-report-macro" aria-label="Viewtracker: Reach" data-kind="reach">
      <h2 className="vt-report__title">Viewtracker: Reach</h2>
      {state.status === 'loading' || state.status === 'idle' ? <LoadingState label="Loading the reach" /> : null}
      {state.status === 'preparing' ? <ReachProgress progress={state.progress} /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} /> : null}
      {state.status === 'ready' && state.data.notice ? <SectionMessage appearance="information" title="Reach is not shown here"><p>{state.data.notice}</p></SectionMessage> : null}
      {state.status === 'ready' && state.data.reach ? <ReachFigures reach={state.data.reach} notRead={state.data.notRead} /> : null}
    </section>
  );
}

function ReachFigures({ reach, notRead }: { reach: ReachReady; notRead: boolean }) {
  const { figures, list } = reach;
  const more = list.total - list.rows.length;
  return (
    <div>
      <p className="vt-reach-figure" data-testid="reach-macro-share">{shareText(figures.readers, figures.audience)} have read it</p>
      <p className="vt-report__meta">
        {reach.audienceLabel}, {reach.range.from} to {reach.range.to} (UTC)
        {figures.readCurrentVersion !== null ? ` · ${formatNumber(figures.readCurrentVersion)} read the current version` : ''}
      </p>
      {reach.incomplete ? <p className="vt-report__meta" role="note">{reach.incomplete}</p> : null}
      {notRead && list.total > 0 ? (
        <>
          <h3 className="vt-report__meta">Not read yet</h3>
          <ul className="vt-reach-names">{list.rows.map((row) => <li key={row.accountId}>{row.displayName}</li>)}</ul>
          {more > 0 ? <p className="vt-report__meta">and {formatNumber(more)} more</p> : null}
        </>
      ) : null}
      {notRead && list.total === 0 && figures.audience > 0 ? <p className="vt-report__meta">Everyone in this audience has read it.</p> : null}
    </div>
  );
}
