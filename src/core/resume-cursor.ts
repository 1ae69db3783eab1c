/**
 * A cursor that can stop inside a storage page: the storage cursor the page was read with (none for
 * the first page) and how many of that page's items were already consumed. A reader that filters
 * items out (content a group viewed, another type) reads whole pages, yet answers exactly the rows
 * asked for, and resumes at the first item it did not look at. Opaque to the browser (base64url).
 */
export interface ResumePoint { cursor: string | null; skip: number }

const MAX_SKIP = 1_000;

export function encodeResume(point: ResumePoint): string {
  return Buffer.from(JSON.stringify([point.cursor, point.skip]), 'utf8').toString('base64url');
}

/** Null for anything this reader did not write: the caller refuses it rather than guessing. */
export function decodeResume(text: string): ResumePoint | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [cursor, skip] = value as [unknown, unknown];
    if ((cursor !== null && (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > 1_200)) || typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0 || skip > MAX_SKIP) return null;
    return { cursor, skip };
  } catch {
    return null;
  }
}
