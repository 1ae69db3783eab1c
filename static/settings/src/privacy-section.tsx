/** The privacy mode (with the group that still sees names) and how long individual views are kept. */
import { useRef } from 'react';
import { PRIVACY_MODES, type ViewerListAudience } from '@contracts/settings';
import { Field } from '../../shared/components/field';
import { NumberField } from '../../shared/components/number-field';
import { PageSection } from '../../shared/components/page';
import { RadioGroup } from '../../shared/components/radio-group';
import { SectionMessage } from '../../shared/components/section-message';
import { formatNumber } from '../../shared/format/time';
import { PRIVACY_MODE_TEXT } from './labels';
import { GroupPicker } from './pickers';
import { DEFAULT_RETENTION_DAYS, RETENTION_DAY_BOUNDS } from './validate-draft';
import type { SectionProps } from './section-props';

type Retention = 'forever' | 'purge';

export function PrivacySection({ draft, onChange, errorsFor, disabled, savedMode }: SectionProps & {
  savedMode: SectionProps['draft']['privacy']['mode'];
}) {
  const privacy = draft.privacy;
  const setPrivacy = (next: Partial<typeof privacy>) => onChange({ ...draft, privacy: { ...privacy, ...next } });
  // Switching to "keep forever" and back restores the number of days the admin had chosen.
  const lastDays = useRef(privacy.retentionDays ?? DEFAULT_RETENTION_DAYS);

  const viewerNamesGroup = (
    <Field
      id="viewer-names-group"
      label="Group that still sees viewer names"
      errors={errorsFor('privacy.viewerNamesGroup')}
    >
      {(control) => (
        <GroupPicker
          {...control}
          disabled={disabled}
          value={privacy.viewerNamesGroup}
          emptyText="No group: names are hidden from everyone, administrators included."
          onChange={(group) => setPrivacy({ viewerNamesGroup: group })}
        />
      )}
    </Field>
  );

  const viewerListAudience = (
    <RadioGroup<ViewerListAudience>
      name="viewer-list-audience"
      legend="Who sees who viewed a page"
      value={privacy.viewerListAudience}
      disabled={disabled}
      errors={errorsFor('privacy.viewerListAudience')}
      onChange={(audience) => setPrivacy({ viewerListAudience: audience })}
      options={[
        { value: 'readers', label: 'Everyone who can read the page', description: 'As in Viewtracker Cloud: page statistics list the page’s viewers to its readers.' },
        { value: 'managers', label: 'Administrators only', description: 'Only Confluence administrators, the space’s admins and the Access Global Report group see names; other readers see counts.' },
      ]}
    />
  );

  const extendedWarning = (
    <SectionMessage appearance="warning" title="This cannot be undone for views recorded while it is on">
      <p>
        Views recorded in Extended privacy mode are stored without any account. They stay anonymous even if you
        switch back to another mode later.
      </p>
    </SectionMessage>
  );

  return (
    <PageSection
      id="privacy"
      title="Data privacy"
      description="Governs what Viewtracker stores with each view and what page statistics and reports show about viewers."
    >
      <div className="vt-stack">
        <RadioGroup
          name="privacy-mode"
          legend="Privacy mode"
          value={privacy.mode}
          disabled={disabled}
          errors={errorsFor('privacy.mode')}
          onChange={(mode) => setPrivacy({ mode })}
          options={PRIVACY_MODES.map((mode) => ({
            value: mode,
            label: PRIVACY_MODE_TEXT[mode].label,
            description: PRIVACY_MODE_TEXT[mode].description,
            whenSelected: mode === 'standard' ? viewerListAudience : mode === 'hide-viewers' ? viewerNamesGroup : mode === 'extended' && savedMode !== 'extended' ? extendedWarning : undefined,
          }))}
        />
        {savedMode === 'extended' && privacy.mode !== 'extended' ? (
          <SectionMessage appearance="information">
            <p>Views recorded while Extended privacy was on stay anonymous. The new mode applies to views recorded from now on.</p>
          </SectionMessage>
        ) : null}
        <RadioGroup<Retention>
          name="retention"
          legend="Retention"
          value={privacy.retentionDays === null ? 'forever' : 'purge'}
          disabled={disabled}
          onChange={(choice) => setPrivacy({ retentionDays: choice === 'forever' ? null : lastDays.current })}
          options={[
            { value: 'forever', label: 'Keep all views', description: 'Individual views are kept for as long as Viewtracker is installed.' },
            {
              value: 'purge',
              label: 'Delete individual views after a period',
              description: 'Once a day, views older than the period are deleted. All-time totals per page are kept.',
              whenSelected: (
                <Field
                  id="retention-days"
                  label="Keep views for"
                  helper={`From ${formatNumber(RETENTION_DAY_BOUNDS.min)} to ${formatNumber(RETENTION_DAY_BOUNDS.max)} days (about ten years).`}
                  errors={errorsFor('privacy.retentionDays')}
                >
                  {(control) => (
                    <NumberField
                      {...control}
                      disabled={disabled}
                      unit="days"
                      value={privacy.retentionDays ?? lastDays.current}
                      onChange={(days) => {
                        if (Number.isInteger(days)) lastDays.current = days;
                        setPrivacy({ retentionDays: days });
                      }}
                    />
                  )}
                </Field>
              ),
            },
          ]}
        />
        {errorsFor('privacy').length > 0 ? <ErrorsList messages={errorsFor('privacy')} /> : null}
      </div>
    </PageSection>
  );
}

function ErrorsList({ messages }: { messages: string[] }) {
  return (
    <SectionMessage appearance="error" role="alert">
      {messages.map((message) => <p key={message}>{message}</p>)}
    </SectionMessage>
  );
}
