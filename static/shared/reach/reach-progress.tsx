/** While an audience is listed over several calls: a progress bar (members listed of the total) and what is happening. */
import type { ReachPreparing } from '@contracts/reach';
import { PreparationProgress } from '../components/preparation-progress';

export function ReachProgress({ progress }: { progress: ReachPreparing }) {
  return <PreparationProgress message={progress.message} done={progress.listed} total={progress.total} what="members listed"
    barLabel="Audience listed" after="The figures appear once everyone is listed." />;
}
