/** While an audience is listed over several calls: a progress bar (members listed of the total) and what is happening. */
import type { ReachPreparing } from '@contracts/reach';
import { formatNumber } from '../format/time';

export function ReachProgress({ progress }: { progress: ReachPreparing }) {
  const { listed, total } = progress;
  const label = total ? `${formatNumber(listed)} of ${formatNumber(total)} members listed` : `${formatNumber(listed)} members listed`;
  return (
    <div className="vt-reach-progress" role="status" aria-live="polite">
      <p className="vt-reach-progress__message">{progress.message}</p>
      {total ? (
        <progress className="vt-reach-progress__bar" max={total} value={Math.min(listed, total)} aria-label="Audience listed">{label}</progress>
      ) : (
        <progress className="vt-reach-progress__bar" aria-label="Audience listed">{label}</progress>
      )}
      <p className="vt-subtlest">{label}. The figures appear once everyone is listed.</p>
    </div>
  );
}
