/** One optional value: shown as a tag with a remove button, and a picker to choose or replace it. */
import { Picker, type PickerProps } from './picker';
import { Tag } from '../tag';

export interface SinglePickerProps<T> extends Omit<PickerProps<T>, 'isSelected' | 'onPick' | 'multiple'> {
  value: T | null;
  onChange: (value: T | null) => void;
  /** Shown when nothing is picked, e.g. "No group: only administrators". */
  emptyText: string;
}

export function SinglePicker<T>({ value, onChange, emptyText, ...picker }: SinglePickerProps<T>) {
  const selectedKey = value === null ? null : picker.getKey(value);
  return (
    <div className="vt-single-picker">
      <div className="vt-single-picker__value" aria-live="polite">
        {value === null ? (
          <p className="vt-multi-picker__empty">{emptyText}</p>
        ) : (
          <Tag text={picker.getLabel(value)} onRemove={() => onChange(null)} disabled={picker.disabled} />
        )}
      </div>
      <Picker
        {...picker}
        isSelected={(item) => picker.getKey(item) === selectedKey}
        onPick={(item) => onChange(item)}
      />
    </div>
  );
}
