/**
 * One switch per channel. A channel the platform cannot observe (see `unavailableChannels`) is disabled
 * with the reason; one that is still on (e.g. its API token was revoked) stays switchable off, so a
 * stored value can never block saving.
 */
import type { SettingsView } from '@contracts/resolvers';
import { CHANNELS } from '@contracts/settings';
import { FieldErrors } from '../../shared/components/field';
import { PageSection } from '../../shared/components/page';
import { Toggle } from '../../shared/components/toggle';
import { CHANNEL_TEXT } from './labels';
import type { SectionProps } from './section-props';

export function AutoTrackingSection({ draft, onChange, errorsFor, disabled, unavailable }: SectionProps & {
  unavailable: SettingsView['unavailableChannels'];
}) {
  const reasons = new Map(unavailable.map((entry) => [entry.channel, entry.reason]));
  return (
    <PageSection
      id="auto-tracking"
      title="Auto Tracking"
      description="Choose where views are tracked on every page automatically. With Auto Tracking off for a channel, only pages that carry the Viewtracker macro are tracked on it."
    >
      {CHANNELS.map((channel) => {
        const reason = reasons.get(channel);
        const checked = draft.autoTracking[channel];
        const [error] = errorsFor(`autoTracking.${channel}`);
        return (
          <Toggle
            key={channel}
            id={`auto-tracking-${channel}`}
            label={CHANNEL_TEXT[channel].label}
            description={CHANNEL_TEXT[channel].description}
            checked={checked}
            disabled={disabled || (reason !== undefined && !checked)}
            disabledReason={reason ? `Not available: ${reason}` : undefined}
            // The backend refuses to save such a channel switched on, repeating the reason as the error.
            error={error !== undefined && error === reason ? 'Switch this off to save: the channel cannot be observed yet.' : error}
            onChange={(next) => onChange({ ...draft, autoTracking: { ...draft.autoTracking, [channel]: next } })}
          />
        );
      })}
      <FieldErrors id="auto-tracking-error" errors={errorsFor('autoTracking')} />
    </PageSection>
  );
}
