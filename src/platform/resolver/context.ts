import { z } from 'zod';

/**
 * Who is calling, from the fields Forge fills in server-side (accountId, accountType). The rest of
 * the context (extension.content, localId...) is browser-supplied and only ever used as a claim to verify.
 */
export type Caller =
  | { kind: 'user'; accountId: string; accountType: 'licensed' | 'unlicensed' | 'customer' }
  | { kind: 'anonymous' };

const trustedFields = z.object({
  accountId: z.string().optional(),
  accountType: z.string().optional(),
}).passthrough();

export function callerOf(context: unknown): Caller {
  const parsed = trustedFields.safeParse(context);
  if (!parsed.success) return { kind: 'anonymous' };
  const { accountId, accountType } = parsed.data;
  if (accountType === 'anonymous' || !accountId || accountId === 'unidentified') return { kind: 'anonymous' };
  const type = accountType === 'unlicensed' || accountType === 'customer' ? accountType : 'licensed';
  return { kind: 'user', accountId, accountType: type };
}

const contentClaim = z.object({
  extension: z.object({
    content: z.object({ id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/)) }).passthrough(),
  }).passthrough(),
}).passthrough();

/** The content id the browser says it is showing; callers must verify it before trusting it. */
export function claimedContentId(context: unknown): string | null {
  const parsed = contentClaim.safeParse(context);
  return parsed.success ? parsed.data.extension.content.id : null;
}
