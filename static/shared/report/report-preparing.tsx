/**
 * A report filtered by readers in a group whose members' views take more than one call to read: a
 * progress bar and what is happening, never a figure (the figures appear whole once ready).
 */
import type { ReportPreparing } from '@contracts/report-query';
import { formatNumber } from '../format/time';

export function ReportPreparingProgress({ preparing }: { preparing: ReportPreparing }) {
  const { stage, done, total } = preparing.progress;
  const what = stage === 'members' ? 'members listed' : 'members’ views read';
  const label = total ? `${formatNumber(done)} of ${formatNumber(total)} ${what}` : `${formatNumber(done)} ${what}`;
  return (
    <div className="vt-reach-progress vt-report-preparing" role="status" aria-live="polite">
      <p className="vt-reach-progress__message">{preparing.message}</p>
      {total ? (
        <progress className="vt-reach-progress__bar" max={total} value={Math.min(done, total)} aria-label="Group figures prepared">{label}</progress>
      ) : (
        <progress className="vt-reach-progress__bar" aria-label="Group figures prepared">{label}</progress>
      )}
      <p className="vt-subtlest">{label}. The figures appear once every member is read; you may leave this page, the preparation goes on.</p>
    </div>
  );
}
