/** Views of this page's attachments (tracked when the admin's "Track attachments" switch is on). */
import { useEffect, useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { AttachmentViews } from '@contracts/inventory';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { Skeleton } from '../../shared/components/states';
import { formatNumber, formatRelativeTime } from '../../shared/format/time';
import { Table } from '../../shared/components/table';

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
        <Table name="attachment-views" caption="Views of this page's attachments" hideCaption rows={answer.data} rowKey={(row) => row.contentId}
          columns={[
            { key: 'title', header: 'Attachment', cell: (row) => row.title || row.contentId },
            { key: 'views', header: 'Views', align: 'end', cell: (row) => formatNumber(row.views) },
            { key: 'viewers', header: 'Viewers', align: 'end', cell: (row) => formatNumber(row.viewers) },
            { key: 'lastViewedAt', header: 'Last viewed', cell: (row) => (row.lastViewedAt === null ? 'Never' : formatRelativeTime(row.lastViewedAt, now)) },
          ]} />
      )}
    </section>
  );
}
