/**
 * A whole-number input. It keeps the typed text, so "12a" or an empty field stays visible (and is flagged
 * by validation as NaN) instead of silently snapping back to the last valid number.
 */
import { useEffect, useState } from 'react';
import { parseWholeNumber } from '../format/number';
import { TextField } from './text-field';

export interface NumberFieldProps {
  id: string;
  value: number;
  onChange: (value: number) => void;
  unit?: string;
  width?: 'small' | 'medium' | 'full';
  disabled?: boolean;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

export function NumberField({ id, value, onChange, unit, width = 'small', disabled, ...aria }: NumberFieldProps) {
  const [text, setText] = useState(() => (Number.isNaN(value) ? '' : String(value)));

  // Follow changes made elsewhere (reset, reload) without overwriting what is being typed.
  useEffect(() => {
    setText((current) => (Object.is(parseWholeNumber(current), value) || Number.isNaN(value) ? current : String(value)));
  }, [value]);

  return (
    <TextField
      id={id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      width={width}
      disabled={disabled}
      value={text}
      elemAfterInput={unit}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parseWholeNumber(event.target.value));
      }}
      {...aria}
    />
  );
}
