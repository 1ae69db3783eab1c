/** A circular spinner. With a label it announces itself as a status; without, it is decorative. */
export interface SpinnerProps {
  size?: 'small' | 'medium' | 'large';
  label?: string;
  /** On a bold (brand or danger) background. */
  inverted?: boolean;
}

const SIZES = { small: 16, medium: 24, large: 48 } as const;

export function Spinner({ size = 'medium', label, inverted = false }: SpinnerProps) {
  const px = SIZES[size];
  return (
    <span
      className={inverted ? 'vt-spinner vt-spinner--inverted' : 'vt-spinner'}
      role={label ? 'status' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      style={{ width: px, height: px }}
    >
      <svg viewBox="0 0 16 16" width={px} height={px} focusable="false" aria-hidden="true">
        <circle cx="8" cy="8" r="7" fill="none" strokeWidth="1.5" strokeLinecap="round" strokeDasharray="30 14" />
      </svg>
    </span>
  );
}
