/** The audit trail: every saved change, newest first, with who made it, when, and each value before → after. */
import Tooltip from '@atlaskit/tooltip';
import { useState } from 'react';
import type { SettingsAuditEntry } from '@contracts/resolvers';
import { Button } from '../../shared/components/button';
import { Lozenge } from '../../shared/components/lozenge';
import { PageSection } from '../../shared/components/page';
import { openUserProfile } from '../../shared/host';
import { formatDateTime, formatRelativeTime } from '../../shared/format/time';
import { describeActor, formatFieldValue } from './audit-format';
import { fieldLabel } from './labels';

const FIRST_PAGE = 5;

export function AuditSection({ audit, currentAccountId, now }: {
  audit: SettingsAuditEntry[];
  currentAccountId: string | null;
  now: number;
}) {
  const [expanded, setExpanded] = useState(false);
  const entries = [...audit].sort((a, b) => b.at - a.at);
  const shown = expanded ? entries : entries.slice(0, FIRST_PAGE);
  return (
    <PageSection
      id="audit"
      title="Audit trail"
      description="Every saved change to these settings, with who made it and when."
    >
      {entries.length === 0 ? (
        <p className="vt-subtlest">No changes yet. The first save will appear here.</p>
      ) : (
        <ol className="vt-audit">
          {shown.map((entry) => (
            <AuditEntry key={`${entry.version}-${entry.at}`} entry={entry} currentAccountId={currentAccountId} now={now} />
          ))}
        </ol>
      )}
      {entries.length > FIRST_PAGE ? (
        <Button appearance="link" onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
          {expanded ? 'Show fewer changes' : `Show ${entries.length - FIRST_PAGE} older changes`}
        </Button>
      ) : null}
    </PageSection>
  );
}

function AuditEntry({ entry, currentAccountId, now }: { entry: SettingsAuditEntry; currentAccountId: string | null; now: number }) {
  const actor = describeActor(entry.accountId, currentAccountId);
  const accountId = entry.accountId;
  return (
    <li className="vt-audit__entry">
      <div className="vt-audit__meta">
        {/* ADS's tooltip, not a title: it shows on keyboard focus too (the time is focusable for that). */}
        <Tooltip content={formatDateTime(entry.at)}>
          {(tooltip) => (
            <time {...tooltip} tabIndex={0} className="vt-audit__time" dateTime={new Date(entry.at).toISOString()}>
              {formatRelativeTime(entry.at, now)}
            </time>
          )}
        </Tooltip>
        <span aria-hidden="true"> · </span>
        {accountId !== null && actor !== 'You' ? (
          <Tooltip content="Open this user’s profile">
            {(tooltip) => (
              <button
                {...tooltip}
                type="button"
                className="vt-link-button vt-audit__actor"
                onClick={(event) => {
                  tooltip.onClick(event);
                  void openUserProfile(accountId);
                }}
              >
                {actor}
              </button>
            )}
          </Tooltip>
        ) : (
          <span className="vt-audit__actor">{actor}</span>
        )}
        <span className="vt-audit__version"><Lozenge>Version {entry.version}</Lozenge></span>
      </div>
      {entry.changes.length === 0 ? (
        <p className="vt-subtlest">Saved without changes.</p>
      ) : (
        <ul className="vt-audit__changes">
          {entry.changes.map((change) => (
            <li key={change.field}>
              <span className="vt-audit__field">{fieldLabel(change.field)}</span>{' '}
              <span className="vt-audit__before">{formatFieldValue(change.field, change.before)}</span>
              <span className="vt-audit__arrow" aria-label="changed to"> → </span>
              <span className="vt-audit__after">{formatFieldValue(change.field, change.after)}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
