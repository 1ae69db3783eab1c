import type { Settings } from '@contracts/settings';
import type { FieldKey } from './field-errors';

/** What every section of the form gets: the draft, a way to change it, and the errors of its fields. */
export interface SectionProps {
  draft: Settings;
  onChange: (draft: Settings) => void;
  errorsFor: (field: FieldKey) => string[];
  /** While saving, controls are read-only so the saved version matches what is on screen. */
  disabled: boolean;
}
