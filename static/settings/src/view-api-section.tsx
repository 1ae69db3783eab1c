/**
 * The token-protected view API through which other tools report views. Admins create, rotate and revoke
 * its token here; a new token is shown exactly once (only its hash is stored).
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResolverError } from '@contracts/envelope';
import type { ViewApiStatus } from '@contracts/resolvers';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Button } from '../../shared/components/button';
import { CopyField } from '../../shared/components/copy-field';
import { Lozenge } from '../../shared/components/lozenge';
import { PageSection } from '../../shared/components/page';
import { SectionMessage } from '../../shared/components/section-message';
import { ErrorState, Skeleton } from '../../shared/components/states';
import { flag } from '../../shared/host';
import { formatRelativeTime } from '../../shared/format/time';
import { describeActor } from './audit-format';
import { ViewApiUsage } from './view-api-usage';
import { ViewApiRequests } from './view-api-requests';

type Confirming = 'rotate' | 'revoke' | null;

export function ViewApiSection({ currentAccountId, onStatusChange }: {
  currentAccountId: string | null;
  /** Called after the token changed: channels that depend on the API become (un)available. */
  onStatusChange: () => void;
}) {
  const [status, setStatus] = useState<ViewApiStatus | null>(null);
  const [loadError, setLoadError] = useState<ResolverError | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [busy, setBusy] = useState(false);
  const [newToken, setNewToken] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ResolverError | null>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    const answer = await invokeResolver('getViewApi', {});
    if (answer.ok) setStatus(answer.data);
    else setLoadError(answer.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const rotate = async () => {
    setBusy(true);
    setActionError(null);
    const answer = await invokeResolver('rotateViewApiToken', {});
    setBusy(false);
    setConfirming(null);
    if (!answer.ok) return setActionError(answer.error);
    setStatus(answer.data.status);
    setNewToken(answer.data.token);
    onStatusChange();
  };

  const revoke = async () => {
    setBusy(true);
    setActionError(null);
    const answer = await invokeResolver('revokeViewApiToken', {});
    setBusy(false);
    setConfirming(null);
    if (!answer.ok) return setActionError(answer.error);
    setStatus(answer.data);
    setNewToken(null);
    onStatusChange();
    flag('success', 'View API token revoked', 'Tools using it can no longer report views.');
  };

  return (
    <PageSection
      id="view-api"
      title="View API"
      description="Other tools, such as a Jira Service Management portal integration or Linchpin, can report views through a token-protected endpoint. Each reported view keeps its source and follows the same rules as every other view. Token changes take effect at once."
    >
      {loadError ? (
        <ErrorState error={loadError} title="The view API status could not be loaded" onRetry={() => void load()} />
      ) : status === null ? (
        <div aria-busy="true"><Skeleton width="60%" height={20} /></div>
      ) : (
        <div className="vt-stack">
          <TokenStatus status={status} currentAccountId={currentAccountId} />
          {newToken ? (
            <SectionMessage
              appearance="success"
              title="Copy the new token now"
              actions={<Button onClick={() => setNewToken(null)}>I have copied it</Button>}
            >
              <p>It is shown only this once: Viewtracker keeps only a hash of it. Give it to the tool that reports views.</p>
              <CopyField id="view-api-new-token" value={newToken} what="token" monospace />
            </SectionMessage>
          ) : null}
          {actionError ? <ErrorState error={actionError} title="The token was not changed" /> : null}
          {confirming ? (
            <ConfirmTokenChange kind={confirming} busy={busy} onConfirm={() => void (confirming === 'rotate' ? rotate() : revoke())} onCancel={() => setConfirming(null)} />
          ) : (
            <div className="vt-inline">
              {status.configured ? (
                <>
                  <Button onClick={() => setConfirming('rotate')}>Rotate token</Button>
                  <Button appearance="subtle" onClick={() => setConfirming('revoke')}>Revoke token</Button>
                </>
              ) : (
                <Button appearance="primary" isLoading={busy} onClick={() => void rotate()}>Create token</Button>
              )}
            </div>
          )}
          <ViewApiUsage url={status.url} />
          {status.configured ? <ViewApiRequests /> : null}
        </div>
      )}
    </PageSection>
  );
}

function TokenStatus({ status, currentAccountId }: { status: ViewApiStatus; currentAccountId: string | null }) {
  if (!status.configured) {
    return (
      <p className="vt-inline">
        <Lozenge>No token</Lozenge>
        <span className="vt-subtle">The endpoint refuses every request until you create a token.</span>
      </p>
    );
  }
  const created = status.createdAt !== null ? `created ${formatRelativeTime(status.createdAt, Date.now())}` : 'created';
  const by = status.createdBy !== null ? ` by ${describeActor(status.createdBy, currentAccountId)}` : '';
  return (
    <p className="vt-inline">
      <Lozenge appearance="success">Active</Lozenge>
      <span className="vt-subtle">
        Token {status.hint ? <>ending in <code>{status.hint}</code></> : null} {created}{by}.
      </span>
    </p>
  );
}

function ConfirmTokenChange({ kind, busy, onConfirm, onCancel }: { kind: 'rotate' | 'revoke'; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const rotate = kind === 'rotate';
  return (
    <SectionMessage
      appearance="warning"
      role="alert"
      title={rotate ? 'Rotate the view API token?' : 'Revoke the view API token?'}
      actions={
        <>
          <Button appearance={rotate ? 'warning' : 'danger'} isLoading={busy} onClick={onConfirm}>
            {rotate ? 'Rotate token' : 'Revoke token'}
          </Button>
          <Button appearance="subtle" onClick={onCancel} disabled={busy}>Cancel</Button>
        </>
      }
    >
      <p>
        {rotate
          ? 'A new token replaces the current one at once. Tools using the current token stop reporting views until they get the new one.'
          : 'Tools using the token can no longer report views, and the channels that depend on the API become unavailable.'}
      </p>
    </SectionMessage>
  );
}
