/** Several picked values as removable tags, plus a picker to add more (picking a picked value removes it). */
import { Picker, type PickerProps } from './picker';
import { Tag } from '../tag';

export interface MultiPickerProps<T> extends Omit<PickerProps<T>, 'isSelected' | 'onPick' | 'multiple'> {
  values: T[];
  onChange: (values: T[]) => void;
  /** Shown when nothing is picked, e.g. "No groups are excluded." */
  emptyText: string;
  /** Label of a picked value, if it differs from an option's (e.g. a space known only by its key). */
  getValueLabel?: (item: T) => string;
}

export function MultiPicker<T>({ values, onChange, emptyText, getValueLabel, ...picker }: MultiPickerProps<T>) {
  const keys = new Set(values.map(picker.getKey));
  const remove = (key: string) => onChange(values.filter((value) => picker.getKey(value) !== key));
  return (
    <div className="vt-multi-picker">
      {values.length > 0 ? (
        <ul className="vt-tag-list" aria-label={`Selected ${picker.noun}`}>
          {values.map((value) => {
            const key = picker.getKey(value);
            return (
              <li key={key}>
                <Tag text={(getValueLabel ?? picker.getLabel)(value)} detail={picker.getDetail?.(value)} onRemove={() => remove(key)} disabled={picker.disabled} />
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="vt-multi-picker__empty">{emptyText}</p>
      )}
      <Picker
        {...picker}
        multiple
        isSelected={(item) => keys.has(picker.getKey(item))}
        onPick={(item) => {
          const key = picker.getKey(item);
          onChange(keys.has(key) ? values.filter((value) => picker.getKey(value) !== key) : [...values, item]);
        }}
      />
    </div>
  );
}
