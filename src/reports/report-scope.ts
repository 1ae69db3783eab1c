/**
 * Who opens a report of which scope: the access module decides, for the global report or the space the
 * browser's context names (verified there, with Confluence, as the caller). Kept apart from the report
 * resolvers so that capabilities that reuse it (reach) do not depend on the report's figures.
 */
import { z } from 'zod';
import { globalReportAccess, spaceReportAccess, type AccessDenied, type ReportAccess } from '../access';
import { currentSettings } from '../settings/index';
import { callerOf } from '../platform/resolver/context';
import { callerGroupsStore } from './storage/caller-groups-store';

const key = z.string().regex(/^~?[A-Za-z0-9_]{1,255}$/);
const spaceClaim = z.object({ extension: z.object({ space: z.object({ key }).passthrough() }).passthrough() }).passthrough();

export type Scoped = { access: ReportAccess; spaceKey: string | null } | AccessDenied | { ok: false; code: 'invalid-input'; message: string };

/** The access module decides; the space named by the browser is verified there (Confluence, as the caller). */
export async function scoped(scope: 'global' | 'space', context: unknown): Promise<Scoped> {
  const settings = await currentSettings();
  const caller = callerOf(context);
  // The caller's groups kept for 10 minutes across function instances (a report's requests often land on new ones).
  const storedGroups = caller.kind === 'user' ? callerGroupsStore(caller.accountId) : undefined;
  if (scope === 'global') {
    const access = await globalReportAccess(caller, settings, storedGroups);
    return access.ok ? { access, spaceKey: null } : access;
  }
  const claim = spaceClaim.safeParse(context);
  if (!claim.success) return { ok: false, code: 'invalid-input', message: 'The space report runs in a space.' };
  const access = await spaceReportAccess(caller, settings, claim.data.extension.space.key, storedGroups);
  return access.ok ? { access, spaceKey: claim.data.extension.space.key } : access;
}

