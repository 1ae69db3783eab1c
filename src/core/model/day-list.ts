/**
 * A month's per-day counts as stored: the numbers joined by commas, a zero written as nothing and
 * trailing zeros left out ("" for a month without any, ",,3" for 3 views on the 3rd). A month row
 * holds five or more such lists; as JSON arrays of mostly zeros they made a batch of 25 month rows
 * cross 10 KB (two read units) where the compact form does not. Pure: the storage codecs use it.
 */
export function encodeDayList(counts: readonly number[]): string {
  let end = counts.length;
  while (end > 0 && counts[end - 1] === 0) end -= 1;
  return counts.slice(0, end).map((count) => (count === 0 ? '' : String(count))).join(',');
}

/** The list back as `length` numbers; undefined when the text is not such a list or is longer. */
export function decodeDayList(text: string, length: number): number[] | undefined {
  const counts = new Array<number>(length).fill(0);
  if (text === '') return counts;
  const parts = text.split(',');
  if (parts.length > length) return undefined;
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    if (part === '') continue;
    if (!/^-?\d+$/.test(part)) return undefined;
    counts[index] = Number(part);
  }
  return counts;
}
