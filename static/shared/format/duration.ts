/** "5 seconds", "1 minute 30 seconds", "2 hours": a hint next to a millisecond field. */
const UNITS: Array<[number, string]> = [
  [86_400_000, 'day'],
  [3_600_000, 'hour'],
  [60_000, 'minute'],
  [1000, 'second'],
];

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** At most the two largest units; leftovers below a second are shown only when there is nothing else. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms === 0) return 'no delay';
  if (ms < 1000) return plural(Math.round(ms), 'millisecond');
  const parts: string[] = [];
  let rest = ms;
  for (const [size, unit] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0 && parts.length < 2) parts.push(plural(count, unit));
    rest -= count * size;
  }
  // 1500 ms reads better as "1.5 seconds" than "1 second" (a truncated, wrong value).
  if (ms < 60_000 && ms % 1000 !== 0) return `${Number((ms / 1000).toFixed(3))} seconds`;
  return parts.join(' ');
}
