/**
 * A read-only value with a Copy button. Clipboard access may be refused inside an app iframe; then the
 * text is selected instead, so Ctrl+C / ⌘C copies it.
 */
import { useRef, useState } from 'react';
import { Button } from './button';
import { TextField } from './text-field';

export interface CopyFieldProps {
  id: string;
  value: string;
  /** What is copied, for the button's accessible name: "Copy token". */
  what: string;
  'aria-describedby'?: string;
  monospace?: boolean;
}

export function CopyField({ id, value, what, monospace = false, ...aria }: CopyFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'selected'>('idle');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setState('selected');
    }
  };

  return (
    <div className="vt-copy-field">
      <div className="vt-inline">
        <span className="vt-copy-field__value">
          <TextField ref={input} id={id} readOnly monospace={monospace} value={value} onFocus={(event) => event.target.select()} {...aria} />
        </span>
        <Button onClick={() => void copy()} aria-label={`Copy ${what}`}>
          {state === 'copied' ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className="vt-field__helper" role="status" aria-live="polite">
        {state === 'selected' ? 'Your browser blocked copying here: the text is selected, press Ctrl+C (⌘C on a Mac).' : ''}
      </p>
    </div>
  );
}
