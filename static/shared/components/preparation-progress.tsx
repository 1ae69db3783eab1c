/**
 * Work prepared over several calls (a reach audience being listed, a group's views being read): a
 * progress bar and what is happening, never a partial figure. One component for every such wait.
 */
import { formatNumber } from '../format/time';

export interface PreparationProgressProps {
  /** The server's sentence about what is being prepared. */
  message: string;
  done: number;
  /** Of how many; null while unknown (the bar is then indeterminate). */
  total: number | null;
  /** What `done` counts, e.g. "members listed". */
  what: string;
  /** The bar's accessible name. */
  barLabel: string;
  /** What happens next, after the count. */
  after: string;
  className?: string;
}

export function PreparationProgress({ message, done, total, what, barLabel, after, className }: PreparationProgressProps) {
  const label = total ? `${formatNumber(done)} of ${formatNumber(total)} ${what}` : `${formatNumber(done)} ${what}`;
  return (
    <div className={className ? `vt-reach-progress ${className}` : 'vt-reach-progress'} role="status" aria-live="polite">
      <p className="vt-reach-progress__message">{message}</p>
      {total ? (
        <progress className="vt-reach-progress__bar" max={total} value={Math.min(done, total)} aria-label={barLabel}>{label}</progress>
      ) : (
        <progress className="vt-reach-progress__bar" aria-label={barLabel}>{label}</progress>
      )}
      <p className="vt-subtlest">{label}. {after}</p>
    </div>
  );
}
