import type { Envelope } from '@contracts/envelope';
import type { RotatedViewApiToken, ViewApiRequests, ViewApiStatus } from '@contracts/resolvers';
import { listViewApiRequests } from './view-api-log-store';
import { NO_ACCOUNT } from '../../core/storage/account-registry';
import { fetchViewApiUrl } from '../../platform/confluence/web-trigger-url';
import { currentApiToken, revokeApiToken, rotateApiToken } from '../../settings/index';
import { fail, ok, unexpectedPayload } from '../../platform/resolver/envelope';
import { FORBIDDEN, requireAdmin } from '../../access/require-admin';

export async function getViewApiResolver(payload: unknown, context: unknown): Promise<Envelope<ViewApiStatus>> {
  const refused = unexpectedPayload(payload);
  if (refused) return refused;
  if (!(await requireAdmin(context))) return fail('forbidden', FORBIDDEN);
  return ok(await status());
}

export async function rotateViewApiTokenResolver(payload: unknown, context: unknown): Promise<Envelope<RotatedViewApiToken>> {
  const refused = unexpectedPayload(payload);
  if (refused) return refused;
  const accountId = await requireAdmin(context);
  if (!accountId) return fail('forbidden', FORBIDDEN);
  const { token } = await rotateApiToken(accountId, Date.now());
  return ok({ token, status: await status() });
}

export async function revokeViewApiTokenResolver(payload: unknown, context: unknown): Promise<Envelope<ViewApiStatus>> {
  const refused = unexpectedPayload(payload);
  if (refused) return refused;
  if (!(await requireAdmin(context))) return fail('forbidden', FORBIDDEN);
  await revokeApiToken();
  return ok(await status());
}

const REQUESTS_SHOWN = 20;

/** The static web trigger answers no details: admins read what happened to each view here. */
export async function getViewApiRequestsResolver(payload: unknown, context: unknown): Promise<Envelope<ViewApiRequests>> {
  const refused = unexpectedPayload(payload);
  if (refused) return refused;
  if (!(await requireAdmin(context))) return fail('forbidden', FORBIDDEN);
  return ok({ requests: await listViewApiRequests(REQUESTS_SHOWN) });
}

async function status(): Promise<ViewApiStatus> {
  const [token, url] = await Promise.all([currentApiToken(), fetchViewApiUrl()]);
  return {
    configured: token !== undefined, url,
    // `createdBy` is NO_ACCOUNT once the creator's closed account was erased.
    createdAt: token?.createdAt ?? null, createdBy: token && token.createdBy !== NO_ACCOUNT ? token.createdBy : null, hint: token?.hint ?? null,
  };
}
