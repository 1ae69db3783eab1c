/** A removable tag ("chip") for a picked value; its remove button is named after the value. */
import { CrossIcon } from './icons';

export interface TagProps {
  text: string;
  /** Extra text after the main one, e.g. a space key. */
  detail?: string;
  onRemove?: () => void;
  disabled?: boolean;
}

export function Tag({ text, detail, onRemove, disabled = false }: TagProps) {
  return (
    <span className="vt-tag">
      <span className="vt-tag__text">
        {text}
        {detail ? <span className="vt-tag__detail"> {detail}</span> : null}
      </span>
      {onRemove ? (
        <button type="button" className="vt-tag__remove" aria-label={`Remove ${text}`} onClick={onRemove} disabled={disabled}>
          <CrossIcon size={12} />
        </button>
      ) : null}
    </span>
  );
}
