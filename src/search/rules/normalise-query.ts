/**
 * The form in which a query is counted: Unicode NFKC (full-width letters, ligatures and compatibility
 * forms become their plain letters), lower case, control and invisible format characters removed,
 * every run of white space one space, no space at either end, at most MAX_QUERY_CHARS characters.
 * "Release  Notes", "release notes" and "ｒｅｌｅａｓｅ notes" are one query. Null: nothing left to count.
 */
export const MAX_QUERY_CHARS = 200;

export function normaliseQuery(raw: string): string | null {
  const folded = raw.normalize('NFKC').toLowerCase().normalize('NFKC');
  const cleaned = folded
    .replace(/[\p{Cc}\p{Cf}]/gu, (char) => (/\s/u.test(char) ? ' ' : ''))
    .replace(/\s+/gu, ' ')
    .trim();
  if (cleaned === '') return null;
  // Cut by code points, never inside a surrogate pair; a cut may leave a trailing space.
  const cut = Array.from(cleaned).slice(0, MAX_QUERY_CHARS).join('').trimEnd();
  return cut;
}
