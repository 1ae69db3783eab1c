import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import type { GroupSearchResult } from '@contracts/resolvers';
import type { InactiveReaders, PageReach, SpaceReach } from '@contracts/reach';
import type { Settings } from '@contracts/settings';
import { mayFilterByGroup } from '../access/rules/access-policy';
import { pageAccess } from '../access';
import { dateRangeSchema, dayOf, resolveRange } from '../core/date-range';
import { parseWith } from '../core/parse';
import { findGroupsByIds, searchGroups } from '../platform/confluence/directory';
import { callerOf, claimedContentId, type Caller } from '../platform/resolver/context';
import { fail, ok } from '../platform/resolver/envelope';
import { namesOfSpaces } from '../platform/space-names';
import { scoped } from '../reports/index';
import { currentSettings } from '../settings/index';
import type { AudienceSpec } from './audience';
import { audienceLabel, pageReachAnswer, REACH_HIDDEN, type PageReachRequest } from './page-reach-service';
import { inactiveReadersAnswer, spaceReachAnswer } from './report-reach-service';

const groupId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
const group = z.object({ kind: z.literal('group'), groupId }).strict();
const licensed = z.object({ kind: z.literal('licensed') }).strict();
const spaceMembers = z.object({ kind: z.literal('space-members') }).strict();
const spaceKey = z.string().regex(/^~?[A-Za-z0-9_]{1,255}$/);
const list = {
  query: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().regex(/^\d{1,7}$/).optional(),
  limit: z.number().int().min(1).max(500).optional(),
};

const pagePayload = z.object({
  audience: z.discriminatedUnion('kind', [group, licensed, spaceMembers]),
  range: dateRangeSchema,
  list: z.enum(['read', 'not-read']),
  ...list,
}).strict();

async function groupName(spec: { kind: string; groupId?: string }): Promise<string | null> {
  if (spec.kind !== 'group' || !spec.groupId) return null;
  return (await findGroupsByIds([spec.groupId])).get(spec.groupId)?.name ?? null;
}

/**
 * A page's reach: opens for exactly the callers who may see the page's viewers (the access module's
 * people view for the page), so Hide viewers keeps it to the authorised group and Extended privacy
 * answers why there is none.
 */
export async function getPageReachResolver(payload: unknown, context: unknown): Promise<Envelope<PageReach>> {
  const parsed = parseWith(pagePayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const settings = await currentSettings();
  const access = await pageAccess(callerOf(context), settings, claimedContentId(context));
  if (!access.ok) return fail(access.code, access.message);
  const { audience, range, list: kind, query, cursor, limit } = parsed.value;
  const name = access.people.names ? await groupName(audience) : null;
  return pageReachAnswer(access, settings, { audience, range, list: kind, limit: limit ?? 25, ...(query ? { query } : {}), ...(cursor ? { cursor } : {}) }, Date.now(), name);
}

const inactivePayload = z.object({
  scope: z.enum(['global', 'space']),
  audience: z.discriminatedUnion('kind', [group, licensed]),
  range: dateRangeSchema,
  sort: z.object({ column: z.enum(['displayName', 'lastViewedDay']), direction: z.enum(['asc', 'desc']) }).strict().optional(),
  ...list,
}).strict();

/** Where a report shows names (`mayFilterByGroup`), it may list who read nothing. */
async function openReach(scope: 'global' | 'space', context: unknown): Promise<{ spaceKey: string | null } | Envelope<never>> {
  const at = await scoped(scope, context);
  if (!('access' in at)) return fail(at.code, at.message);
  const allowed = mayFilterByGroup(at.access.people);
  if (!allowed.allowed) {
    const message = at.access.people.names === false && at.access.people.reason === 'extended-privacy'
      ? 'Extended privacy is on: Viewtracker stores no account IDs, so it cannot know who read what.'
      : 'Reach names people: it is shown only where the privacy settings show you readers.';
    return fail('forbidden', message);
  }
  return { spaceKey: at.spaceKey };
}

export async function getInactiveReadersResolver(payload: unknown, context: unknown): Promise<Envelope<InactiveReaders>> {
  const parsed = parseWith(inactivePayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const opened = await openReach(parsed.value.scope, context);
  if ('ok' in opened) return opened;
  const now = Date.now();
  const range = resolveRange(parsed.value.range, dayOf(now), null);
  if (!range.ok) return fail('invalid-input', range.message, { range: range.message });
  const { audience, query, cursor, limit, sort } = parsed.value;
  const spec: AudienceSpec = audience;
  return inactiveReadersAnswer({
    spec, label: audienceLabel(audience, await groupName(audience)), range: range.range,
    sort: sort ?? { column: 'displayName', direction: 'asc' }, limit: limit ?? 25,
    ...(query ? { query } : {}), ...(cursor ? { cursor } : {}),
  }, await currentSettings(), now);
}

const spacePayload = z.object({
  scope: z.enum(['global', 'space']),
  spaceKey: spaceKey.optional(),
  audience: z.discriminatedUnion('kind', [group, licensed, spaceMembers]),
  range: dateRangeSchema,
}).strict();

export async function getSpaceReachResolver(payload: unknown, context: unknown): Promise<Envelope<SpaceReach>> {
  const parsed = parseWith(spacePayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const opened = await openReach(parsed.value.scope, context);
  if ('ok' in opened) return opened;
  // A space report reads its own space only; the global report names one.
  const key = opened.spaceKey ?? parsed.value.spaceKey;
  if (!key) return fail('invalid-input', 'Choose a space.', { spaceKey: 'Choose a space.' });
  const now = Date.now();
  const range = resolveRange(parsed.value.range, dayOf(now), null);
  if (!range.ok) return fail('invalid-input', range.message, { range: range.message });
  const { audience } = parsed.value;
  const spec: AudienceSpec = audience.kind === 'space-members' ? { kind: 'space-members', spaceKey: key } : audience;
  const name = (await namesOfSpaces([key])).get(key) ?? key;
  return spaceReachAnswer(spec, audienceLabel(audience, await groupName(audience)), { key, name }, range.range, await currentSettings(), now);
}

const groupSearchPayload = z.object({ query: z.string().max(100) }).strict();

/**
 * The group picker of a page's Reach section: Confluence's group search as the app, only for a caller
 * who may see this page's viewers (the same gate as `getPageReach`), so nobody else learns group names here.
 */
export async function searchReachGroupsResolver(payload: unknown, context: unknown): Promise<Envelope<GroupSearchResult>> {
  const parsed = parseWith(groupSearchPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const settings = await currentSettings();
  const access = await pageAccess(callerOf(context), settings, claimedContentId(context));
  if (!access.ok) return fail(access.code, access.message);
  if (!access.people.names) return fail('forbidden', REACH_HIDDEN[access.people.reason]);
  const page = await searchGroups(parsed.value.query, 0, 25);
  return ok({ groups: page.groups, nextCursor: null });
}

/**
 * A page's reach for another capability (the report macro's "reach" kind): the same gate as
 * `getPageReach` (the page's people view for this caller), for a page the caller must be able to read.
 */
export async function pageReachFor(caller: Caller, settings: Settings, contentId: string | null, request: PageReachRequest, now: number): Promise<Envelope<PageReach>> {
  const access = await pageAccess(caller, settings, contentId);
  if (!access.ok) return fail(access.code, access.message);
  const name = access.people.names ? await groupName(request.audience) : null;
  return pageReachAnswer(access, settings, request, now, name);
}
