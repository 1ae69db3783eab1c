import type { Envelope } from '@contracts/envelope';
import type { SelfCheckReport } from '@contracts/self-check';
import { FORBIDDEN, requireAdmin } from '../access/require-admin';
import { probeConfluenceRoutes } from '../platform/confluence/route-probes';
import { fail, ok, unexpectedPayload } from '../platform/resolver/envelope';
import { probeConditionFailure, probeIndexOmission } from './storage/kvs-probes';

/**
 * `runPlatformSelfCheck` (settings page, Confluence administrators only): tries what only a live site can
 * confirm (docs/cloud-readiness.md) and answers each result next to what the app assumes. It changes no
 * data of the app: its storage probes write and delete scratch items of their own entity.
 */
export async function runPlatformSelfCheckResolver(payload: unknown, context: unknown): Promise<Envelope<SelfCheckReport>> {
  const refused = unexpectedPayload(payload);
  if (refused) return refused;
  const accountId = await requireAdmin(context);
  if (!accountId) return fail('forbidden', FORBIDDEN);
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const storage = [await probeConditionFailure(run), await probeIndexOmission(run)];
  return ok({ ranAt: Date.now(), items: [...storage, ...(await probeConfluenceRoutes(accountId))] });
}
