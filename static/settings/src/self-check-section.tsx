/**
 * Platform self-check, for Confluence administrators: tries on this site what only a live site can
 * confirm (docs/cloud-readiness.md) and shows each answer next to what Viewtracker assumes. Run on demand:
 * it makes about twenty Confluence calls and writes, then deletes, a few scratch storage items.
 */
import { useState } from 'react';
import type { ResolverError } from '@contracts/envelope';
import type { SelfCheckItem, SelfCheckReport } from '@contracts/self-check';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Button } from '../../shared/components/button';
import { Lozenge } from '../../shared/components/lozenge';
import { PageSection } from '../../shared/components/page';
import { ErrorState, LoadingState } from '../../shared/components/states';
import { Table } from '../../shared/components/table';
import { formatDateTime } from '../../shared/format/time';

export type SelfCheckState = { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; error: ResolverError } | { kind: 'done'; report: SelfCheckReport };

const VERDICT: Record<SelfCheckItem['verdict'], { label: string; appearance: 'success' | 'removed' | 'default' }> = {
  'as-assumed': { label: 'As assumed', appearance: 'success' },
  differs: { label: 'Differs', appearance: 'removed' },
  skipped: { label: 'Not tried', appearance: 'default' },
};

export function SelfCheckSection() {
  const [state, setState] = useState<SelfCheckState>({ kind: 'idle' });
  const run = async () => {
    setState({ kind: 'running' });
    const answer = await invokeResolver('runPlatformSelfCheck', {});
    setState(answer.ok ? { kind: 'done', report: answer.data } : { kind: 'failed', error: answer.error });
  };
  return <SelfCheckView state={state} onRun={() => void run()} />;
}

export function SelfCheckView({ state, onRun }: { state: SelfCheckState; onRun: () => void }) {
  const differing = state.kind === 'done' ? state.report.items.filter((item) => item.verdict === 'differs').length : 0;
  return (
    <PageSection
      id="self-check"
      title="Platform self-check"
      description="Tries what only a live site can confirm: how Forge storage answers a failed write condition and an index over an item without the indexed attribute, and one call to each Confluence API Viewtracker uses, with the permission (scope) it needs. Each answer is shown next to what Viewtracker assumes. It changes no data."
    >
      <p>
        <Button appearance="primary" isLoading={state.kind === 'running'} onClick={onRun}>
          {state.kind === 'done' ? 'Run again' : 'Run self-check'}
        </Button>
      </p>
      {state.kind === 'running' && <LoadingState label="Running the self-check" />}
      {state.kind === 'failed' && <ErrorState error={state.error} title="The self-check could not run" onRetry={onRun} />}
      {state.kind === 'done' && (
        <>
          <p role="status" className="vt-subtle">
            {differing === 0
              ? `Everything answered as Viewtracker assumes (${formatDateTime(state.report.ranAt)}).`
              : `${differing} of ${state.report.items.length} answers differ from what Viewtracker assumes (${formatDateTime(state.report.ranAt)}). Those features may not work on this site.`}
          </p>
          <div className="vt-self-check">
          <Table<SelfCheckItem>
            caption="Self-check results"
            hideCaption
            rows={state.report.items}
            rowKey={(item) => item.name}
            emptyView={<p className="vt-report__notice">Nothing was tried.</p>}
            columns={[
              { key: 'verdict', header: 'Result', cell: (item) => <Lozenge appearance={VERDICT[item.verdict].appearance}>{VERDICT[item.verdict].label}</Lozenge> },
              { key: 'name', header: 'Tried', cell: (item) => <><code>{item.name}</code>{item.scopes.length > 0 && <div className="vt-subtle">Scope: {item.scopes.join(', ')}</div>}</> },
              { key: 'assumption', header: 'Viewtracker assumes', cell: (item) => item.assumption },
              { key: 'observed', header: 'This site answered', cell: (item) => item.observed },
            ]}
          />
          </div>
        </>
      )}
    </PageSection>
  );
}
