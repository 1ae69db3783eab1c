/** Who may open the global report, the page view counter, custom reports and the blocking time. */
import { Button } from '../../shared/components/button';
import { Field } from '../../shared/components/field';
import { NumberField } from '../../shared/components/number-field';
import { PageSection } from '../../shared/components/page';
import { Toggle } from '../../shared/components/toggle';
import { RadioGroup } from '../../shared/components/radio-group';
import type { SpaceReportAudience } from '@contracts/settings';
import { formatDuration } from '../../shared/format/duration';
import { formatNumber } from '../../shared/format/time';
import { GroupPicker } from './pickers';
import { BLOCKING_TIME_BOUNDS, COUNTER_REFRESH_BUDGET_BOUNDS, DEFAULT_BLOCKING_TIME_MS, DEFAULT_COUNTER_REFRESH_BUDGET } from './validate-draft';
import type { SectionProps } from './section-props';

/** The budget in words: what share of Confluence's default quota it is and how many pages a run may write. */
export function counterBudgetHint(perHour: number): string {
  if (!Number.isInteger(perHour) || perHour < COUNTER_REFRESH_BUDGET_BOUNDS.min || perHour > COUNTER_REFRESH_BUDGET_BOUNDS.max) return '';
  const share = (perHour / 65_000) * 100;
  return `Up to ${formatNumber(Math.floor(perHour / 12))} counters refreshed every 5 minutes, ${share < 1 ? share.toFixed(2) : share.toFixed(1)} % of Confluence's default 65,000 points an hour.`;
}

/** What the value means, in words; nothing for a value that validation will reject anyway. */
export function blockingTimeHint(ms: number): string {
  if (!Number.isInteger(ms) || ms < BLOCKING_TIME_BOUNDS.min || ms > BLOCKING_TIME_BOUNDS.max) return '';
  return ms === 0 ? 'Every view is counted, even immediate repeats.' : `Repeat views within ${formatDuration(ms)} are not counted.`;
}

export function GeneralSection({ draft, onChange, errorsFor, disabled }: SectionProps) {
  const [viewCounterError] = errorsFor('viewCounter');
  const [customReportsError] = errorsFor('customReports');
  const [reportMacroAnonymousError] = errorsFor('reportMacroAnonymous');
  const hint = blockingTimeHint(draft.blockingTimeMs);
  const budgetHint = counterBudgetHint(draft.counterRefreshBudget);
  return (
    <PageSection id="general" title="General">
      <div className="vt-stack">
        <Field
          id="report-access-group"
          label="Access Global Report"
          helper="Confluence administrators can always open the global report. Members of this group can open it too."
          errors={errorsFor('reportAccessGroup')}
        >
          {(control) => (
            <GroupPicker
              {...control}
              disabled={disabled}
              value={draft.reportAccessGroup}
              emptyText="No group: only Confluence administrators can open the global report."
              onChange={(reportAccessGroup) => onChange({ ...draft, reportAccessGroup })}
            />
          )}
        </Field>
        <RadioGroup<SpaceReportAudience>
          name="space-report-audience"
          legend="Space reports"
          value={draft.spaceReportAudience}
          disabled={disabled}
          errors={errorsFor('spaceReportAudience')}
          onChange={(spaceReportAudience) => onChange({ ...draft, spaceReportAudience })}
          options={[
            { value: 'managers', label: 'Space admins', description: 'A space’s report opens for Confluence administrators, the Access Global Report group and that space’s admins.' },
            { value: 'space-viewers', label: 'Everyone who can view the space', description: 'Anyone who may view a space may also open its report. Top readers stay visible to the people above only.' },
          ]}
        />
      </div>
      <div className="vt-section-fields">
        <Toggle
          id="view-counter"
          label="View Counter"
          description="Shows the number of views on top of each page. Clicking it opens the page’s statistics."
          checked={draft.viewCounter}
          disabled={disabled}
          error={viewCounterError}
          onChange={(viewCounter) => onChange({ ...draft, viewCounter })}
        />
        <Field
          id="counter-refresh-budget"
          label="Counter refresh budget (Confluence points per hour)"
          helper={
            <>
              {budgetHint ? <strong className="vt-hint">{budgetHint} </strong> : null}
              The counters are refreshed every 5 minutes, the pages with the most new views first; on a busy site,
              pages with few views wait longer (hours, up to days). Confluence counts these points against the
              app’s hourly quota, shared by all its calls. From {formatNumber(COUNTER_REFRESH_BUDGET_BOUNDS.min)} to{' '}
              {formatNumber(COUNTER_REFRESH_BUDGET_BOUNDS.max)}; default {formatNumber(DEFAULT_COUNTER_REFRESH_BUDGET)}.
            </>
          }
          errors={errorsFor('counterRefreshBudget')}
        >
          {(control) => (
            <div className="vt-inline">
              <NumberField
                {...control}
                disabled={disabled}
                unit="points/h"
                value={draft.counterRefreshBudget}
                onChange={(counterRefreshBudget) => onChange({ ...draft, counterRefreshBudget })}
              />
              {draft.counterRefreshBudget !== DEFAULT_COUNTER_REFRESH_BUDGET ? (
                <Button
                  appearance="subtle"
                  disabled={disabled}
                  onClick={() => onChange({ ...draft, counterRefreshBudget: DEFAULT_COUNTER_REFRESH_BUDGET })}
                >
                  Use default ({formatNumber(DEFAULT_COUNTER_REFRESH_BUDGET)})
                </Button>
              ) : null}
            </div>
          )}
        </Field>
        <Toggle
          id="custom-reports"
          label="Custom Reports"
          description="Viewtracker report macros on pages and saved reports in space reports. Readers see them with their own rights; the data stays in Confluence. Off: macros show a short notice (their configuration is kept) and saved reports are hidden."
          checked={draft.customReports}
          disabled={disabled}
          error={customReportsError}
          onChange={(customReports) => onChange({ ...draft, customReports })}
        />
        <Toggle
          id="report-macro-anonymous"
          label="Report macros for anonymous visitors"
          description="Anonymous visitors see report macros, limited to content open to anonymous visitors. Off: they are asked to sign in."
          checked={draft.reportMacroAnonymous}
          disabled={disabled || !draft.customReports}
          error={reportMacroAnonymousError}
          onChange={(reportMacroAnonymous) => onChange({ ...draft, reportMacroAnonymous })}
        />
      </div>
      <div className="vt-section-fields">
        <Field
          id="blocking-time"
          label="Blocking time"
          helper={
            <>
              {hint ? <strong className="vt-hint">{hint} </strong> : null}
              A repeat view of the same page by the same person within this time is not counted; the next view after
              it is. Not applied to anonymous views, which cannot be told apart. From {formatNumber(BLOCKING_TIME_BOUNDS.min)} to{' '}
              {formatNumber(BLOCKING_TIME_BOUNDS.max)} ms (one day); default {formatNumber(DEFAULT_BLOCKING_TIME_MS)} ms.
            </>
          }
          errors={errorsFor('blockingTimeMs')}
        >
          {(control) => (
            <div className="vt-inline">
              <NumberField
                {...control}
                disabled={disabled}
                unit="ms"
                value={draft.blockingTimeMs}
                onChange={(blockingTimeMs) => onChange({ ...draft, blockingTimeMs })}
              />
              {draft.blockingTimeMs !== DEFAULT_BLOCKING_TIME_MS ? (
                <Button
                  appearance="subtle"
                  disabled={disabled}
                  onClick={() => onChange({ ...draft, blockingTimeMs: DEFAULT_BLOCKING_TIME_MS })}
                >
                  Use default ({formatDuration(DEFAULT_BLOCKING_TIME_MS)})
                </Button>
              ) : null}
            </div>
          )}
        </Field>
      </div>
    </PageSection>
  );
}
