/** Group and space pickers wired to the `searchGroups` and `searchSpaces` resolvers. */
import type { Envelope } from '@contracts/envelope';
import type { GroupRef } from '@contracts/settings';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { MultiPicker } from '../../shared/components/picker/multi-picker';
import type { SearchPage } from '../../shared/components/picker/search-state';
import { SinglePicker } from '../../shared/components/picker/single-picker';
import type { ControlProps } from '../../shared/components/field';

export interface SpaceOption {
  key: string;
  name: string;
}

// Module-level (stable) search functions: the picker's hook re-runs when its search function changes.
async function searchGroups(query: string, cursor: string | null): Promise<Envelope<SearchPage<GroupRef>>> {
  const answer = await invokeResolver('searchGroups', cursor ? { query, cursor } : { query });
  return answer.ok ? { ok: true, data: { items: answer.data.groups, nextCursor: answer.data.nextCursor } } : answer;
}

async function searchSpaces(query: string): Promise<Envelope<SearchPage<SpaceOption>>> {
  const answer = await invokeResolver('searchSpaces', { query });
  return answer.ok ? { ok: true, data: { items: answer.data.spaces, nextCursor: null } } : answer;
}

const groupKey = (group: GroupRef) => group.id;
const groupLabel = (group: GroupRef) => group.name;
const spaceKey = (space: SpaceOption) => space.key;
const spaceLabel = (space: SpaceOption) => space.name;
const spaceDetail = (space: SpaceOption) => (space.name === space.key ? undefined : `(${space.key})`);

interface PickerFieldProps extends ControlProps {
  disabled?: boolean;
}

export function GroupsPicker({ values, onChange, emptyText, ...control }: PickerFieldProps & {
  values: GroupRef[];
  onChange: (groups: GroupRef[]) => void;
  emptyText: string;
}) {
  return (
    <MultiPicker
      {...control}
      values={values}
      onChange={onChange}
      emptyText={emptyText}
      search={searchGroups}
      getKey={groupKey}
      getLabel={groupLabel}
      noun="groups"
      placeholder="Search groups…"
    />
  );
}

export function GroupPicker({ value, onChange, emptyText, ...control }: PickerFieldProps & {
  value: GroupRef | null;
  onChange: (group: GroupRef | null) => void;
  emptyText: string;
}) {
  return (
    <SinglePicker
      {...control}
      value={value}
      onChange={onChange}
      emptyText={emptyText}
      search={searchGroups}
      getKey={groupKey}
      getLabel={groupLabel}
      noun="groups"
      placeholder={value ? 'Search to choose another group…' : 'Search groups…'}
    />
  );
}

export function SpacesPicker({ values, onChange, emptyText, ...control }: PickerFieldProps & {
  values: SpaceOption[];
  onChange: (spaces: SpaceOption[]) => void;
  emptyText: string;
}) {
  return (
    <MultiPicker
      {...control}
      values={values}
      onChange={onChange}
      emptyText={emptyText}
      search={searchSpaces}
      getKey={spaceKey}
      getLabel={spaceLabel}
      getDetail={spaceDetail}
      noun="spaces"
      placeholder="Search spaces by name or key…"
    />
  );
}
