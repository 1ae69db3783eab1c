/**
 * The reports' Reach section (issue 20), two tabs like the report's tables: inactive readers, and the
 * reach of a space (the share of an audience who read anything in the space in the report's period).
 * Shown where the report shows names; the resolvers refuse everyone else anyway.
 */
import { useMemo, useState } from 'react';
import type { ReachAudience, SpaceReachPayload, SpaceReachReady } from '@contracts/reach';
import type { DateRange } from '@contracts/report-range';
import { invokeResolver } from '../api/invoke-resolver';
import { PageSection } from '../components/page';
import { ErrorState, LoadingState } from '../components/states';
import { TabsBar } from '../components/tabs';
import { TextField } from '../components/text-field';
import { ReachAudiencePicker } from '../reach/reach-audience';
import { shareText } from '../reach/reach-columns';
import { ReachProgress } from '../reach/reach-progress';
import { useReach } from '../reach/use-reach';
import { InactiveReadersPanel } from './inactive-readers';

type Tab = 'inactive' | 'space';
const TAB_LABELS: Record<Tab, string> = { inactive: 'Inactive readers', space: 'Reach of a space' };

export function ReachReports({ scope, range }: { scope: 'global' | 'space'; range: DateRange }) {
  const [tab, setTab] = useState<Tab>('inactive');
  return (
    <PageSection id="reach" title="Reach">
      <TabsBar id="reach" label="Reach" tabs={(Object.keys(TAB_LABELS) as Tab[]).map((key) => ({ key, label: TAB_LABELS[key] }))} selected={tab} onChange={setTab}>
        {tab === 'inactive' ? <InactiveReadersPanel scope={scope} range={range} /> : <SpaceReachPanel scope={scope} range={range} />}
      </TabsBar>
    </PageSection>
  );
}

function SpaceReachPanel({ scope, range }: { scope: 'global' | 'space'; range: DateRange }) {
  const [audience, setAudience] = useState<ReachAudience | null>(null);
  const [spaceText, setSpaceText] = useState('');
  const [spaceKey, setSpaceKey] = useState('');
  const [retry, setRetry] = useState(0);
  const payload = useMemo<SpaceReachPayload | null>(() => (audience && (scope === 'space' || spaceKey)
    ? { scope, audience, range, ...(scope === 'global' ? { spaceKey } : {}) } : null), [scope, audience, range, spaceKey]);
  const key = JSON.stringify(payload);
  const { state } = useReach<SpaceReachReady>(payload ? () => invokeResolver('getSpaceReach', payload) : null, key, key, retry);
  return (
    <div data-panel="space-reach">
      <p className="vt-report-note">The share of an audience who read anything in the space in the report’s period.</p>
      <div className="vt-reach-toolbar">
        {scope === 'global' ? (
          <form className="vt-report-filter" onSubmit={(event) => { event.preventDefault(); setSpaceKey(spaceText.trim()); }}>
            <label htmlFor="reach-space-key">Space key</label>
            <TextField id="reach-space-key" width="small" value={spaceText} maxLength={255} placeholder="e.g. ENG"
              onChange={(event) => setSpaceText(event.target.value)} onBlur={() => setSpaceKey(spaceText.trim())} />
          </form>
        ) : null}
        <ReachAudiencePicker id="reach-space" value={audience} onChange={setAudience} kinds={['group', 'space-members', 'licensed']} scope={scope} />
      </div>
      <div aria-live="polite">
        {state.status === 'idle' ? <p className="vt-report-note">{scope === 'global' ? 'Name a space and choose an audience.' : 'Choose an audience.'}</p> : null}
        {state.status === 'loading' ? <LoadingState label="Loading the space’s reach" /> : null}
        {state.status === 'preparing' ? <ReachProgress progress={state.progress} /> : null}
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.error.code === 'forbidden' || state.error.code === 'invalid-input' ? undefined : () => setRetry(retry + 1)} /> : null}
        {state.status === 'ready' ? (
          <div className="vt-report-tiles">
            <div className="vt-report-tile">
              <div className="vt-report-tile__label">Read anything in {state.data.space.name}</div>
              <div className="vt-report-tile__value" data-testid="space-reach-share">{shareText(state.data.readers, state.data.audience)}</div>
              <div className="vt-report-tile__change">{state.data.audienceLabel}, {state.data.range.from} to {state.data.range.to} (UTC)</div>
            </div>
            {state.data.incomplete ? <p className="vt-report-note" role="note">{state.data.incomplete}</p> : null}
            {state.data.notes.map((note) => <p key={note} className="vt-report-note">{note}</p>)}
          </div>
        ) : null}
      </div>
    </div>
  );
}
