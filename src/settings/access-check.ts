import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import type { AccessCheckResult, AccessCheckSpace } from '@contracts/access-check';
import { parseWith } from '../core/parse';
import { FORBIDDEN, requireAdmin } from '../access/require-admin';
import { contentIdsOfSpace, spaceIdsSeenByApp, spacesSeenByCaller } from '../platform/confluence/app-visibility';
import { fail, ok } from '../platform/resolver/envelope';
import { reconcileFindings } from '../lifecycle/index';

/** Spaces compared per call: each costs up to 16 listing requests, well within a resolver's 25 s. */
export const SPACES_PER_CHECK = 5;
/** Items of each type listed per side and space (4 pages of 250): beyond it the count is a lower bound. */
export const MAX_ITEMS_PER_SIDE = 1000;

const payloadSchema = z.object({ cursor: z.string().min(1).max(2000).nullable().optional() }).strict();

/**
 * Admin only (src/access): compares, a few spaces at a time, what the calling admin sees (`asUser()`)
 * with what the app's own user sees (`asApp()`). On Confluence Cloud the app's user sees a space only
 * with its view permission and content only when no restriction excludes it (ECO-822), and Confluence
 * sends the app no events about what it cannot see (ECO-961): such views are counted only through
 * the background script (signed-in, licensed readers), and such content is not in the inventory.
 * The admin's own view bounds the answer: content hidden from the admin too is not found.
 */
export async function getAccessCheckResolver(payload: unknown, context: unknown): Promise<Envelope<AccessCheckResult>> {
  if (!(await requireAdmin(context))) return fail('forbidden', FORBIDDEN);
  const parsed = parseWith(payloadSchema, payload ?? {});
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const page = await spacesSeenByCaller(parsed.value.cursor ?? null, SPACES_PER_CHECK);
  const appSpaces = await spaceIdsSeenByApp(page.spaces.map((space) => space.id));
  const spaces: AccessCheckSpace[] = [];
  for (const space of page.spaces) {
    const admin = await contentIdsOfSpace('user', space.id, MAX_ITEMS_PER_SIDE);
    if (!appSpaces.has(space.id)) {
      spaces.push({ key: space.key, name: space.name, spaceHidden: true, hiddenContent: admin.ids.size, capped: admin.capped });
      continue;
    }
    const app = await contentIdsOfSpace('app', space.id, MAX_ITEMS_PER_SIDE);
    const hidden = [...admin.ids].filter((id) => !app.ids.has(id)).length;
    if (hidden > 0) spaces.push({ key: space.key, name: space.name, spaceHidden: false, hiddenContent: hidden, capped: admin.capped || app.capped });
  }
  const findings = await reconcileFindings();
  return ok({
    spaces, checked: page.spaces.length, nextCursor: page.nextCursor,
    inventoryUnseen: findings.unseen, inventoryCheckedAt: findings.at, appName: 'Viewtracker',
  });
}
