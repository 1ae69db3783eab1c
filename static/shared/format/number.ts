/** Parses what someone typed into a whole-number field; anything else is NaN, for validation to flag. */
export function parseWholeNumber(text: string): number {
  const trimmed = text.trim().replace(/[\s,_]/g, '');
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
