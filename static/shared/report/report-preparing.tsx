/**
 * A report filtered by readers in a group whose members' views take more than one call to read: a
 * progress bar and what is happening, never a figure (the figures appear whole once ready).
 */
import type { ReportPreparing } from '@contracts/report-query';
import { PreparationProgress } from '../components/preparation-progress';

export function ReportPreparingProgress({ preparing }: { preparing: ReportPreparing }) {
  const { stage, done, total } = preparing.progress;
  return <PreparationProgress className="vt-report-preparing" message={preparing.message} done={done} total={total}
    what={stage === 'members' ? 'members listed' : 'members’ views read'} barLabel="Group figures prepared"
    after="The figures appear once every member is read; you may leave this page, the preparation goes on." />;
}
