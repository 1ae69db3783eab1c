import type { Directory } from '../demo/directory';

/**
 * The trusted identity of one function invocation, derived by the host from its own session cookie
 * (never from a request body or anything a Custom UI sends).
 */
export type Principal =
  | { kind: 'user'; accountId: string; accountType: 'licensed' | 'unlicensed' }
  | { kind: 'anonymous' };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** The session cookie holds an account id or `anonymous`; anything unknown is an anonymous visitor. */
export function principalFromSession(directory: Directory, sessionUser: string | undefined): Principal {
  if (!sessionUser || sessionUser === 'anonymous') return ANONYMOUS;
  const user = directory.user(sessionUser);
  if (!user || user.status !== 'active') return ANONYMOUS;
  return { kind: 'user', accountId: user.accountId, accountType: user.accountType };
}

export function accountIdOf(principal: Principal): string | undefined {
  return principal.kind === 'user' ? principal.accountId : undefined;
}

/** Forge's `accountType`: `licensed | unlicensed | customer | anonymous`. */
export function accountTypeOf(principal: Principal): string {
  return principal.kind === 'user' ? principal.accountType : 'anonymous';
}
