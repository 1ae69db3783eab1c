/** Views that are never recorded: anonymous ones, those of chosen groups' members, those in chosen spaces. */
import { useRef } from 'react';
import { Field } from '../../shared/components/field';
import { PageSection } from '../../shared/components/page';
import { Toggle } from '../../shared/components/toggle';
import { GroupsPicker, SpacesPicker, type SpaceOption } from './pickers';
import type { SectionProps } from './section-props';

export function ExclusionsSection({ draft, onChange, errorsFor, disabled }: SectionProps) {
  // Settings keep only space keys; names learnt from searches make the tags readable for this visit.
  const spaceNames = useRef(new Map<string, string>());
  const spaces: SpaceOption[] = draft.excludedSpaces.map((key) => ({ key, name: spaceNames.current.get(key) ?? key }));
  const [anonymousError] = errorsFor('excludeAnonymous');

  return (
    <PageSection
      id="exclusions"
      title="Excluded from tracking"
      description="Excluded views are never recorded, so they cannot be recovered later."
    >
      <Toggle
        id="exclude-anonymous"
        label="Anonymous"
        description="Don’t track views by people who aren’t logged in. If anonymous access is on for your site, this also keeps crawlers out of the statistics."
        checked={draft.excludeAnonymous}
        disabled={disabled}
        error={anonymousError}
        onChange={(checked) => onChange({ ...draft, excludeAnonymous: checked })}
      />
      <div className="vt-stack vt-section-fields">
        <Field
          id="excluded-groups"
          label="Users"
          helper="Views by members of these groups are not tracked, for example administrators, bots or technical users."
          errors={errorsFor('excludedGroups')}
        >
          {(control) => (
            <GroupsPicker
              {...control}
              disabled={disabled}
              values={draft.excludedGroups}
              emptyText="No groups are excluded."
              onChange={(excludedGroups) => onChange({ ...draft, excludedGroups })}
            />
          )}
        </Field>
        <Field
          id="excluded-spaces"
          label="Spaces"
          helper="Views of pages and blog posts in these spaces are not tracked."
          errors={errorsFor('excludedSpaces')}
        >
          {(control) => (
            <SpacesPicker
              {...control}
              disabled={disabled}
              values={spaces}
              emptyText="No spaces are excluded."
              onChange={(picked) => {
                for (const space of picked) spaceNames.current.set(space.key, space.name);
                onChange({ ...draft, excludedSpaces: picked.map((space) => space.key) });
              }}
            />
          )}
        </Field>
      </div>
    </PageSection>
  );
}
