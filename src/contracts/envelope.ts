/**
 * The one shape every resolver returns, mirrored by the typed `invoke` client of each Custom UI.
 * Expected failures are values, so the UI can show a precise message instead of a generic crash.
 */
export type ErrorCode =
  | 'forbidden' // the trusted caller may not do this
  | 'invalid-input' // the payload failed validation; `fieldErrors` says where
  | 'conflict' // someone else changed the same thing first (optimistic concurrency)
  | 'not-found'
  | 'unavailable' // a dependency (Confluence REST, storage) failed; retrying may help
  | 'internal';

export interface ResolverError {
  code: ErrorCode;
  message: string;
  /** Dotted field path → human-readable problem, for forms. */
  fieldErrors?: Record<string, string>;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };
