/** "1 view", "128 views", "12.3K views", "4.5M views": compact, because the byline has little room. */
export function formatViewCount(views: number): string {
  return `${compactNumber(views)} ${views === 1 ? 'view' : 'views'}`;
}

export function compactNumber(value: number): string {
  if (value < 1000) return String(value);
  const units: Array<[number, string]> = [[1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [size, suffix] of units) {
    if (value >= size) {
      const scaled = value / size;
      // One decimal below 100 (12.3K), none above (123K); never round up into a wrong unit label.
      const digits = scaled < 100 ? Math.floor(scaled * 10) / 10 : Math.floor(scaled);
      return `${digits}${suffix}`;
    }
  }
  return String(value);
}
