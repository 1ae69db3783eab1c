/**
 * Whose reach: a group (the reports' group picker), the members of the space, or all licensed users.
 * Atlassian's select and the group picker's async select: every choice is reachable with the keyboard.
 */
import { useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { ReachAudience } from '@contracts/reach';
import type { GroupSearchResult } from '@contracts/resolvers';
import { SelectField, type Choice } from '../components/select';
import { ReportGroupPicker } from '../report/report-group-picker';

export type AudienceKind = ReachAudience['kind'];

const KIND_LABELS: Record<AudienceKind, string> = {
  group: 'A group',
  'space-members': 'Members of the space',
  licensed: 'All licensed users',
};

/** The audience select's choices: none yet, then the kinds offered. */
export function audienceChoices(kinds: readonly AudienceKind[]): Array<Choice<AudienceKind | ''>> {
  return [{ value: '', label: 'Choose an audience' }, ...kinds.map((option) => ({ value: option, label: KIND_LABELS[option] }))];
}

export interface ReachAudienceProps {
  id: string;
  value: ReachAudience | null;
  onChange: (audience: ReachAudience | null) => void;
  kinds: readonly AudienceKind[];
  scope: 'global' | 'space';
  search?: (query: string) => Promise<Envelope<GroupSearchResult>>;
}

export function ReachAudiencePicker({ id, value, onChange, kinds, scope, search }: ReachAudienceProps) {
  const [kind, setKind] = useState<AudienceKind | ''>(value?.kind ?? '');
  return (
    <div className="vt-reach-audience">
      <div className="vt-report-filter">
        <label htmlFor={`${id}-kind`}>Audience</label>
        <SelectField<AudienceKind | ''> inputId={`${id}-kind`} value={kind} minWidth={220}
          options={audienceChoices(kinds)}
          onChange={(next) => {
            setKind(next);
            onChange(next === 'space-members' || next === 'licensed' ? { kind: next } : null);
          }} />
      </div>
      {kind === 'group' ? (
        <ReportGroupPicker scope={scope} label="Group" inputId={`${id}-group`} search={search}
          groupId={value?.kind === 'group' ? value.groupId : undefined}
          onChange={(groupId) => onChange(groupId ? { kind: 'group', groupId } : null)} />
      ) : null}
    </div>
  );
}
