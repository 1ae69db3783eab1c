import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import type { Settings } from '@contracts/settings';
import type { GroupSearchResult, SettingsView, SpaceSearchResult } from '@contracts/resolvers';
import { parseSettings } from './rules/settings';
import { diffSettings } from './rules/settings-diff';
import { parseWith } from '../core/parse';
import { findGroupsByIds, searchGroups } from '../platform/confluence/directory';
import { listSpaces, spaceExists } from '../platform/confluence/spaces';
import { listSettingsAudit, readSettings, writeSettings } from './storage/settings-store';
import { FORBIDDEN, requireAdmin } from '../access/require-admin';
import { forgetCachedSettings } from './settings-source';
import { unavailableChannels } from './channels';
import { mapInChunks } from '../core/in-chunks';
import { callerOf } from '../platform/resolver/context';
import { fail, ok, unexpectedPayload } from '../platform/resolver/envelope';

const AUDIT_SHOWN = 50;
const MAX_SETTINGS_BYTES = 64 * 1024;


export async function getSettingsResolver(payload: unknown, context: unknown): Promise<Envelope<SettingsView>> {
  const refused = unexpectedPayload(payload);
  if (refused) return refused;
  if (!(await requireAdmin(context))) return fail('forbidden', FORBIDDEN);
  return ok(await settingsView());
}

const savePayload = z.object({ settings: z.unknown(), expectedVersion: z.number().int().min(0) }).strict();

export async function saveSettingsResolver(payload: unknown, context: unknown): Promise<Envelope<SettingsView>> {
  const accountId = await requireAdmin(context);
  if (!accountId) return fail('forbidden', FORBIDDEN);
  if (JSON.stringify(payload ?? null).length > MAX_SETTINGS_BYTES) return fail('invalid-input', 'The settings are too large.');
  const envelope = parseWith(savePayload, payload);
  if (!envelope.ok) return fail('invalid-input', envelope.message, envelope.fieldErrors);
  const parsed = parseSettings(envelope.value.settings);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const next = parsed.value;

  const unknownGroups = await groupsMissingFromConfluence(next);
  if (Object.keys(unknownGroups).length > 0) return fail('invalid-input', 'Some groups do not exist in Confluence.', unknownGroups);
  const unknownSpaces = await spacesMissingFromConfluence(next.excludedSpaces);
  if (Object.keys(unknownSpaces).length > 0) return fail('invalid-input', 'Some spaces do not exist in Confluence.', unknownSpaces);
  const blockedChannels = (await unavailableChannels()).filter(({ channel }) => next.autoTracking[channel]);
  if (blockedChannels.length > 0) {
    const fieldErrors = Object.fromEntries(blockedChannels.map(({ channel, reason }) => [`autoTracking.${channel}`, reason]));
    return fail('invalid-input', 'A channel that cannot be observed cannot be switched on.', fieldErrors);
  }

  const current = await readSettings();
  if (current.version !== envelope.value.expectedVersion) {
    return fail('conflict', 'Another administrator saved the settings after you opened them. Reload to see their changes.');
  }
  const changes = diffSettings(current.settings, next);
  // An unreadable stored document is rewritten even when the admin changed nothing: saving repairs it.
  if (changes.length > 0 || current.problem !== null) {
    const audit = { at: Date.now(), accountId, version: current.version + 1, changes };
    if ((await writeSettings(next, current.version, audit)) === 'conflict') {
      return fail('conflict', 'Another administrator saved the settings at the same moment. Reload to see their changes.');
    }
    forgetCachedSettings();
  }
  return ok(await settingsView());
}

const searchPayload = z.object({ query: z.string().max(100), cursor: z.string().regex(/^\d{1,6}$/).optional() }).strict();
const GROUP_PAGE = 25;

export async function searchGroupsResolver(payload: unknown, context: unknown): Promise<Envelope<GroupSearchResult>> {
  if (!(await requireAdmin(context))) return fail('forbidden', FORBIDDEN);
  const parsed = parseWith(searchPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const page = await searchGroups(parsed.value.query, Number(parsed.value.cursor ?? 0), GROUP_PAGE);
  return ok({ groups: page.groups, nextCursor: page.next === null ? null : String(page.next) });
}

const spacePayload = z.object({ query: z.string().max(100) }).strict();

export async function searchSpacesResolver(payload: unknown, context: unknown): Promise<Envelope<SpaceSearchResult>> {
  if (!(await requireAdmin(context))) return fail('forbidden', FORBIDDEN);
  const parsed = parseWith(spacePayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  return ok({ spaces: await listSpaces(parsed.value.query, 25) });
}

async function settingsView(): Promise<SettingsView> {
  const [stored, audit, unavailable] = await Promise.all([readSettings(), listSettingsAudit(AUDIT_SHOWN), unavailableChannels()]);
  return { settings: stored.settings, version: stored.version, updatedAt: stored.updatedAt, audit, unavailableChannels: unavailable, problem: stored.problem };
}

/** Field errors for groups Confluence does not know (deleted, or an id typed by hand). */
async function groupsMissingFromConfluence(settings: Settings): Promise<Record<string, string>> {
  const refs = [
    ...settings.excludedGroups.map((group, index) => ({ path: `excludedGroups.${index}`, group })),
    ...(settings.reportAccessGroup ? [{ path: 'reportAccessGroup', group: settings.reportAccessGroup }] : []),
    ...(settings.privacy.viewerNamesGroup ? [{ path: 'privacy.viewerNamesGroup', group: settings.privacy.viewerNamesGroup }] : []),
  ];
  if (refs.length === 0) return {};
  const known = await findGroupsByIds([...new Set(refs.map((ref) => ref.group.id))]);
  return Object.fromEntries(refs.filter((ref) => !known.has(ref.group.id)).map((ref) => [ref.path, `Group "${ref.group.name}" does not exist in Confluence`]));
}

/** Checked 10 at a time: 500 excluded spaces must not become 500 simultaneous REST calls (429). */
async function spacesMissingFromConfluence(keys: readonly string[]): Promise<Record<string, string>> {
  const exists = await mapInChunks(keys, 10, spaceExists);
  return Object.fromEntries(keys.flatMap((key, index) => (exists[index] ? [] : [[`excludedSpaces.${index}`, `Space "${key}" does not exist`]])));
}
