/**
 * Stored settings that cannot be read fail closed (the last settings saved apply, or nothing is
 * tracked at all): the admin must know, because tracking no longer follows what the page shows.
 */
import type { SettingsProblem } from '@contracts/resolvers';
import { SectionMessage } from '../../shared/components/section-message';

export function StoredSettingsProblem({ problem }: { problem: SettingsProblem | null }) {
  if (!problem) return null;
  const stopped = problem.applied === 'tracking-stopped';
  return (
    <SectionMessage
      appearance={stopped ? 'error' : 'warning'}
      role="alert"
      title={stopped ? 'Viewtracker has stopped tracking: its settings cannot be read' : 'Viewtracker is using the last settings saved: the stored settings cannot be read'}
    >
      <p>{problem.message}</p>
      <p>
        {stopped
          ? 'No view is recorded until the settings are saved again. Until then no names are shown and nothing is purged. Check the settings below and save them.'
          : 'Views are tracked by the last settings that were saved successfully, shown below. Save them to repair the stored copy.'}
      </p>
    </SectionMessage>
  );
}
