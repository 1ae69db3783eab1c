/**
 * Who a Confluence REST request is made as: the app itself, a signed-in user, or an anonymous visitor.
 * `restricted` (set by the fake from its `appUser` switch): the app's own user is subject to space
 * permissions and page restrictions, as on Confluence Cloud (ECO-822).
 */
export type Caller = { kind: 'app'; restricted?: boolean } | { kind: 'user'; accountId: string } | { kind: 'anonymous' };

export const APP_CALLER: Caller = { kind: 'app' };

/**
 * The account id of the app's own user (Confluence Cloud gives every installed app one). Admins add
 * it to a space's permissions or to a page restriction like a person's; `user/current` answers it.
 */
export const APP_ACCOUNT_ID = 'app-viewtracker';

export function describeCaller(caller: Caller): string {
  return caller.kind === 'user' ? `user ${caller.accountId}` : caller.kind;
}
