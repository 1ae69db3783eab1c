/** Signed-in and anonymous viewers: the reports' "Viewers" and the search report's "Searchers" filter. */
import type { Choice } from '../components/select';

export const VIEWER_CHOICES: ReadonlyArray<Choice<'all' | 'signed-in' | 'anonymous'>> = [
  { value: 'all', label: 'Signed-in and anonymous' }, { value: 'signed-in', label: 'Signed-in only' }, { value: 'anonymous', label: 'Anonymous only' },
];
