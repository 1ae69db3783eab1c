/** Who a Confluence REST request is made as: the app itself, a signed-in user, or an anonymous visitor. */
export type Caller = { kind: 'app' } | { kind: 'user'; accountId: string } | { kind: 'anonymous' };

export const APP_CALLER: Caller = { kind: 'app' };

export function describeCaller(caller: Caller): string {
  return caller.kind === 'user' ? `user ${caller.accountId}` : caller.kind;
}
