/** Views of this page's attachments (tracked when the admin's "Track attachments" switch is on). */
import { useEffect, useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { AttachmentViews } from '@contracts/inventory';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Skeleton } from '../../shared/components/states';
import { formatNumber, formatRelativeTime } from '../../shared/format/time';
import { alignStyle } from '../../shared/components/table';

export function AttachmentsSection() {
  const [answer, setAnswer] = useState<Envelope<AttachmentViews[]> | null>(null);
  useEffect(() => {
    void invokeResolver('getAttachmentViews', {}).then(setAnswer);
  }, []);
  const now = Date.now();
  // Attachments are listed to signed-in readers only: a visitor sees no section (not a refusal under figures they can see).
  if (answer && !answer.ok && answer.error.code === 'forbidden') return null;
  return (
    <section className="vt-stats-section" aria-labelledby="attachments-heading">
      <h2 className="vt-stats-section__title" id="attachments-heading">Attachments</h2>
      {answer === null ? <Skeleton width="50%" /> : !answer.ok ? <p>{answer.error.message}</p> : answer.data.length === 0 ? (
        <p>No attachment of this page has been viewed.</p>
      ) : (
        <table className="vt-table" data-testid="attachment-views">
          <thead><tr><th scope="col" style={alignStyle(false)}>Attachment</th><th scope="col" style={alignStyle(true)}>Views</th><th scope="col" style={alignStyle(true)}>Viewers</th><th scope="col" style={alignStyle(false)}>Last viewed</th></tr></thead>
          <tbody>
            {answer.data.map((row) => (
              <tr key={row.contentId}>
                <td style={alignStyle(false)}>{row.title || row.contentId}</td>
                <td style={alignStyle(true)}>{formatNumber(row.views)}</td>
                <td style={alignStyle(true)}>{formatNumber(row.viewers)}</td>
                <td style={alignStyle(false)}>{row.lastViewedAt === null ? 'Never' : formatRelativeTime(row.lastViewedAt, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
