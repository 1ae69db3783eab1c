/**
 * Access check (issue 17): on Confluence Cloud the app's own user sees a space only with its view
 * permission and a page only when no restriction excludes it. What it cannot see sends it no view
 * events and is not in the inventory. This section compares, a few spaces at a time, what the admin
 * sees with what the app sees, says what that costs, and how to grant access.
 */
import { useState } from 'react';
import type { AccessCheckResult, AccessCheckSpace } from '@contracts/access-check';
import type { ResolverError } from '@contracts/envelope';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Button } from '../../shared/components/button';
import { PageSection } from '../../shared/components/page';
import { SectionMessage } from '../../shared/components/section-message';
import { EmptyState, ErrorState, LoadingState } from '../../shared/components/states';
import { Table, type Column } from '../../shared/components/table';
import { formatNumber, formatRelativeTime } from '../../shared/format/time';

/** What the admin has seen so far: the batches' findings merged (same shape as one answer). */
type Findings = AccessCheckResult;

/** Batches add up: the spaces found so far and how many were compared. */
export function mergeFindings(previous: Findings | null, answer: AccessCheckResult): Findings {
  return {
    spaces: [...(previous?.spaces ?? []), ...answer.spaces],
    checked: (previous?.checked ?? 0) + answer.checked,
    nextCursor: answer.nextCursor,
    inventoryUnseen: answer.inventoryUnseen,
    inventoryCheckedAt: answer.inventoryCheckedAt,
    appName: answer.appName,
  };
}

export function hiddenLine(space: AccessCheckSpace): string {
  const count = `${formatNumber(space.hiddenContent)}${space.capped ? '+' : ''}`;
  return space.spaceHidden ? `Whole space (${count} pages and blog posts)` : `${count} restricted pages and blog posts`;
}

const COLUMNS: ReadonlyArray<Column<AccessCheckSpace>> = [
  { key: 'space', header: 'Space', cell: (space) => `${space.name} (${space.key})` },
  { key: 'hidden', header: 'Not readable by the app', cell: hiddenLine },
];

export function AccessCheckSection() {
  const [findings, setFindings] = useState<Findings | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (cursor: string | null) => {
    setBusy(true);
    setError(null);
    const answer = await invokeResolver('getAccessCheck', cursor === null ? {} : { cursor });
    setBusy(false);
    if (answer.ok) setFindings((previous) => mergeFindings(cursor === null ? null : previous, answer.data));
    else setError(answer.error);
  };

  const appName = findings?.appName ?? 'Viewtracker';
  return (
    <PageSection
      id="access-check"
      title="Access check"
      description={`Confluence treats ${appName} like a person: it sees a space only with the View permission and a page only when no restriction leaves it out. The check compares what you can see with what ${appName} can see, five spaces at a time.`}
    >
      <div className="vt-stack" aria-live="polite" aria-busy={busy}>
        <SectionMessage appearance="information" title="What content the app cannot read costs you">
          <ul>
            <li>Confluence sends the app no view events for it: views are counted only by the page's background script, for signed-in licensed readers (not guests or anonymous visitors).</li>
            <li>It is not in the content inventory, so "not viewed" lists and space totals leave it out.</li>
            <li>History it gathered before stays: the app never deletes what it can no longer see.</li>
          </ul>
          <p>To grant access, add <strong>{appName}</strong> to the space's permissions (Space settings → Permissions, View) and to a page's restrictions (Restrictions → add {appName} with Can view), as you would add a person.</p>
        </SectionMessage>
        {findings === null && !busy && !error ? (
          <div>
            <Button appearance="primary" onClick={() => void run(null)}>Run access check</Button>
          </div>
        ) : null}
        {busy && findings === null ? <LoadingState label="Comparing what you and the app can see" /> : null}
        {error ? <ErrorState error={error} title="The access check could not be completed" onRetry={() => void run(findings?.nextCursor ?? null)} /> : null}
        {findings ? (
          <>
            <p data-testid="access-check-progress">
              {`${formatNumber(findings.checked)} spaces compared${findings.nextCursor ? ' so far' : ', all you can see'}.`}
            </p>
            <Table
              caption="Spaces with content the app cannot read"
              columns={COLUMNS}
              rows={findings.spaces}
              rowKey={(space) => space.key}
              emptyView={(
                <EmptyState
                  headingLevel={3}
                  header={findings.nextCursor ? 'Nothing found yet' : `${appName} can read everything you can`}
                  description={findings.nextCursor ? 'The spaces compared so far hold nothing the app cannot read.' : 'Every space and page you can see is tracked by its view events.'}
                />
              )}
            />
            {findings.inventoryUnseen !== null && findings.inventoryUnseen > 0 ? (
              <p data-testid="access-check-inventory">
                {`The last daily content check${findings.inventoryCheckedAt === null ? '' : ` (${formatRelativeTime(findings.inventoryCheckedAt, Date.now())})`} kept the history of ${formatNumber(findings.inventoryUnseen)} pages and blog posts the app can no longer see.`}
              </p>
            ) : null}
            <div className="vt-inline">
              {findings.nextCursor ? (
                <Button appearance="default" disabled={busy} onClick={() => void run(findings.nextCursor)}>
                  {busy ? 'Checking…' : 'Check more spaces'}
                </Button>
              ) : null}
              <Button appearance="subtle" disabled={busy} onClick={() => void run(null)}>Check again</Button>
            </div>
          </>
        ) : null}
      </div>
    </PageSection>
  );
}
