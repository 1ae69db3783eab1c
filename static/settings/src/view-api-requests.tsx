/**
 * Recent view API requests and what happened to each view. The web trigger is static (so the app can
 * carry the Runs on Atlassian badge) and answers no details: this list is where an admin setting up an
 * integration sees field errors and per-view outcomes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResolverError } from '@contracts/envelope';
import type { ViewApiRequestRecord } from '@contracts/resolvers';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Button } from '../../shared/components/button';
import { Lozenge, type LozengeAppearance } from '../../shared/components/lozenge';
import { ErrorState, Skeleton } from '../../shared/components/states';
import { formatRelativeTime } from '../../shared/format/time';

const APPEARANCE: Record<ViewApiRequestRecord['outcome'], LozengeAppearance> = {
  accepted: 'success', invalid: 'removed', 'too-large': 'removed', busy: 'inprogress', error: 'removed',
};

/** "3 counted, 1 duplicate": outcomes in the order they first occur. */
export function summarizeOutcomes(results: ViewApiRequestRecord['results']): string {
  const counts = new Map<string, number>();
  for (const { outcome } of results) counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  return [...counts].map(([outcome, count]) => `${count} ${outcome}`).join(', ');
}

export function ViewApiRequests() {
  const [requests, setRequests] = useState<ViewApiRequestRecord[] | null>(null);
  const [error, setError] = useState<ResolverError | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const answer = await invokeResolver('getViewApiRequests', {});
    if (answer.ok) setRequests(answer.data.requests);
    else setError(answer.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="vt-stack" aria-labelledby="view-api-requests-title">
      <div className="vt-inline">
        <h3 id="view-api-requests-title">Recent requests</h3>
        <Button appearance="subtle" onClick={() => void load()}>Refresh</Button>
      </div>
      {error ? (
        <ErrorState error={error} title="Recent requests could not be loaded" onRetry={() => void load()} />
      ) : requests === null ? (
        <div aria-busy="true"><Skeleton width="50%" height={20} /></div>
      ) : requests.length === 0 ? (
        <p className="vt-subtle">No authenticated request in the last 14 days.</p>
      ) : (
        <ul className="vt-stack" aria-label="Recent view API requests">
          {requests.map((request) => <RequestItem key={`${request.at}-${request.outcome}-${request.views}`} request={request} />)}
        </ul>
      )}
    </section>
  );
}

export function RequestItem({ request }: { request: ViewApiRequestRecord }) {
  const errors = Object.entries(request.fieldErrors);
  return (
    <li>
      <details className="vt-details">
        <summary>
          <Lozenge appearance={APPEARANCE[request.outcome]}>{request.outcome}</Lozenge>{' '}
          {formatRelativeTime(request.at, Date.now())}: {request.views} {request.views === 1 ? 'view' : 'views'}
          {request.results.length > 0 ? ` (${summarizeOutcomes(request.results)})` : ''}
        </summary>
        <div className="vt-details__body">
          {request.message ? <p>{request.message}</p> : null}
          {errors.length > 0 ? (
            <ul aria-label="Field errors">
              {errors.map(([field, message]) => <li key={field}><code>{field}</code>: {message}</li>)}
            </ul>
          ) : null}
          {request.results.length > 0 ? (
            <ul aria-label="Outcome per view">
              {request.results.map((result) => (
                <li key={result.index}>View {result.index} (content <code>{result.contentId}</code>): {result.outcome}</li>
              ))}
            </ul>
          ) : null}
        </div>
      </details>
    </li>
  );
}
