/**
 * A grey placeholder block that pulses while content loads. Its own file: the macro shows it on every
 * page and must not pull in states.tsx, whose ADS button and section message bring their CSS along.
 */
export function Skeleton({ width = '100%', height = 16, radius = 3 }: { width?: number | string; height?: number; radius?: number }) {
  return <span className="vt-skeleton" aria-hidden="true" style={{ width, height, borderRadius: radius }} />;
}
