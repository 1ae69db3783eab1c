/**
 * A removable tag ("chip") for a picked value; its icon-only remove button is named after the value and
 * says so in an ADS tooltip on hover and focus. Hand-written: @atlaskit/tag is no dependency of the app.
 */
import Tooltip from '@atlaskit/tooltip';
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
        // The button is already named so: the tooltip is for sight, not announced twice.
        <Tooltip content={`Remove ${text}`} isScreenReaderAnnouncementDisabled>
          {(tooltip) => (
            <button
              {...tooltip}
              type="button"
              className="vt-tag__remove"
              aria-label={`Remove ${text}`}
              onClick={(event) => {
                tooltip.onClick(event);
                onRemove();
              }}
              disabled={disabled}
            >
              <CrossIcon size={12} />
            </button>
          )}
        </Tooltip>
      ) : null}
    </span>
  );
}
