/**
 * The "chosen spaces" of a report: a space picker (only spaces the author may view, searched as them)
 * with the picked spaces as tags, and the typed keys kept as a fallback (guests, or a key known by heart).
 */
import { useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import { MultiPicker } from '../components/picker/multi-picker';
import type { SearchPage } from '../components/picker/search-state';
import { TextField } from '../components/text-field';

export interface SpaceChoice {
  key: string;
  name: string;
}

export type SpaceSearch = (query: string, cursor: string | null) => Promise<Envelope<SearchPage<SpaceChoice>>>;

const choiceKey = (space: SpaceChoice) => space.key;
const choiceLabel = (space: SpaceChoice) => space.name;
const choiceDetail = (space: SpaceChoice) => (space.name === space.key ? undefined : `(${space.key})`);

export function SpacesField({ keys, onChange, search }: { keys: string[]; onChange: (keys: string[]) => void; search?: SpaceSearch }) {
  const [text, setText] = useState(keys.join(', '));
  // Names of spaces picked in this session; a key typed or stored earlier shows as itself.
  const [names, setNames] = useState<Record<string, string>>({});
  const typed = (
    <TextField id="report-spaces" aria-label="Space keys, separated by commas" placeholder="ENG, HR" value={text}
      onChange={(event) => {
        setText(event.target.value);
        onChange(event.target.value.split(',').map((key) => key.trim()).filter(Boolean));
      }} />
  );
  if (!search) return typed;
  return (
    <div className="vt-stack">
      <label className="vt-report__meta" htmlFor="report-space-picker">Search spaces</label>
      <MultiPicker id="report-space-picker" values={keys.map((key) => ({ key, name: names[key] ?? key }))}
        onChange={(spaces) => {
          setNames((known) => ({ ...known, ...Object.fromEntries(spaces.map((space) => [space.key, space.name])) }));
          onChange(spaces.map((space) => space.key));
          setText(spaces.map((space) => space.key).join(', '));
        }}
        emptyText="No space chosen yet." search={search} getKey={choiceKey} getLabel={choiceLabel} getDetail={choiceDetail}
        noun="spaces" placeholder="Search spaces you can view…" />
      <label className="vt-report__meta" htmlFor="report-spaces">Or type space keys</label>
      {typed}
    </div>
  );
}
