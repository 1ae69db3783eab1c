import type { ZodType, ZodTypeDef } from 'zod';

/** A parse result that names every bad field, so resolvers can answer with field-level errors. */
export type Parsed<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

export function parseWith<T>(schema: ZodType<T, ZodTypeDef, unknown>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.join('.') || '(root)';
    fieldErrors[path] ??= issue.message;
  }
  const first = Object.entries(fieldErrors)[0];
  const message = first ? `${first[0]}: ${first[1]}` : 'Invalid input';
  return { ok: false, message, fieldErrors };
}
