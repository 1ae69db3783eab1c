/**
 * What the reports do with content that changed in Confluence (issue 8), said where the numbers are
 * shown: hidden while trashed or archived, its whole history moves with it, gone when purged.
 */
export const LIFECYCLE_NOTE = 'Trashed and archived content is left out (its counts return when it is restored). Content moved to another space takes its whole history with it; purged content is removed with its views.';

export function LifecycleNote() {
  return <p className="vt-lifecycle-note" data-testid="lifecycle-note">{LIFECYCLE_NOTE}</p>;
}
