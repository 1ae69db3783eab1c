/**
 * Ordering rules shared by both backends, so that the in-memory backend sorts exactly like
 * SQLite (BINARY collation on UTF-8 text = Unicode code point order) and like the service
 * ("keys are lexicographically ordered").
 */
export type IndexValue = string | number | boolean;

/**
 * Code point order. Plain `<` compares UTF-16 code units, which puts astral characters
 * (surrogates, 0xD800-0xDFFF) before U+E000-U+FFFF; remap so they sort after, like UTF-8.
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      return fixup(x) - fixup(y);
    }
  }
  return a.length - b.length;
}

function fixup(unit: number): number {
  if (unit >= 0xd800) {
    return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
  }
  return unit;
}

/** Rank used only if values of different types ever meet (validation normally prevents it). */
function typeRank(value: IndexValue): number {
  return typeof value === 'boolean' ? 0 : typeof value === 'number' ? 1 : 2;
}

export function compareIndexValues(a: IndexValue, b: IndexValue): number {
  if (typeof a === 'string' && typeof b === 'string') {
    return compareStrings(a, b);
  }
  if (typeof a === typeof b) {
    return Number(a) - Number(b); // numbers, or booleans (false < true)
  }
  return typeRank(a) - typeRank(b);
}

/**
 * Smallest string greater than every string starting with `prefix`, or undefined when none
 * exists (prefix made only of U+10FFFF). Lets BEGINS_WITH become a bounded range scan.
 */
export function prefixSuccessor(prefix: string): string | undefined {
  const points = Array.from(prefix, (ch) => ch.codePointAt(0) ?? 0);
  while (points.length > 0 && points[points.length - 1] === 0x10ffff) {
    points.pop();
  }
  const last = points.pop();
  if (last === undefined) {
    return undefined;
  }
  points.push(last + 1 === 0xd800 ? 0xe000 : last + 1); // skip the surrogate block
  return String.fromCodePoint(...points);
}
