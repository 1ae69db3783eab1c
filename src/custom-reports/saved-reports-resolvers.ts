import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import type { AllSavedReportsView, ReportAnswer, SavedReport, SavedReportsView } from '@contracts/custom-reports';
import type { Settings } from '@contracts/settings';
import { mayManageAllSavedReports, mayManageSavedReports } from '../access/rules/access-policy';
import { parseWith } from '../core/parse';
import { reportIdPayload, MAX_SAVED_REPORTS_PER_SPACE, parseSaveReport, spaceKeySchema } from './rules/saved-report';
import { spaceReportAccess, spaceStandingOf, standingOf, type ReportAccess } from '../access';
import { runCustomReport } from './custom-report';
import { deleteSpaceReport, saveSpaceReport } from './saved-reports';
import { currentSettings } from '../settings/index';
import { listAllSpaceReports, readSpaceReports } from './storage/saved-report-store';
import { callerOf } from '../platform/resolver/context';
import { fail, ok } from '../platform/resolver/envelope';

const spaceClaim = z.object({ extension: z.object({ space: z.object({ key: spaceKeySchema }).passthrough() }).passthrough() }).passthrough();
const SWITCHED_OFF = 'Custom Reports is switched off: saved reports are kept but not shown.';
const MANAGERS_ONLY = 'Only this space’s admins and Confluence administrators can change its saved reports.';

type SpaceCall = { ok: true; access: ReportAccess; spaceKey: string; settings: Settings } | { ok: false; envelope: Envelope<never> };

/** Saved reports live in the space report: whoever may open it may see them (space verified on the server). */
async function openSpace(context: unknown): Promise<SpaceCall> {
  const claim = spaceClaim.safeParse(context);
  if (!claim.success) return { ok: false, envelope: fail('invalid-input', 'Saved reports belong to a space.') };
  const settings = await currentSettings();
  const access = await spaceReportAccess(callerOf(context), settings, claim.data.extension.space.key);
  if (!access.ok) return { ok: false, envelope: fail(access.code, access.message) };
  return { ok: true, access, spaceKey: claim.data.extension.space.key, settings };
}

async function view(call: SpaceCall & { ok: true }, reports?: SavedReport[]): Promise<SavedReportsView> {
  const space = await spaceStandingOf(call.access.caller, call.spaceKey);
  const canManage = mayManageSavedReports(call.access.standing, space);
  if (!call.settings.customReports) return { enabled: false, spaceKey: call.spaceKey, reports: [], canManage, max: MAX_SAVED_REPORTS_PER_SPACE };
  return { enabled: true, spaceKey: call.spaceKey, reports: reports ?? (await readSpaceReports(call.spaceKey)).reports, canManage, max: MAX_SAVED_REPORTS_PER_SPACE };
}

export async function getSpaceSavedReportsResolver(_payload: unknown, context: unknown): Promise<Envelope<SavedReportsView>> {
  const call = await openSpace(context);
  return call.ok ? ok(await view(call)) : call.envelope;
}

export async function runSavedReportResolver(payload: unknown, context: unknown): Promise<Envelope<ReportAnswer>> {
  const parsed = parseWith(reportIdPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const call = await openSpace(context);
  if (!call.ok) return call.envelope;
  if (!call.settings.customReports) return fail('forbidden', SWITCHED_OFF);
  const report = (await readSpaceReports(call.spaceKey)).reports.find((candidate) => candidate.id === parsed.value.id);
  if (!report) return fail('not-found', 'This saved report no longer exists.');
  return ok(await runCustomReport({
    caller: call.access.caller, standing: call.access.standing, settings: call.settings, people: call.access.people,
    definition: report.definition, contextSpaceKey: call.spaceKey, withinSpace: call.spaceKey, now: Date.now(),
  }));
}

export async function saveSpaceReportResolver(payload: unknown, context: unknown): Promise<Envelope<SavedReportsView>> {
  const parsed = parseSaveReport(payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const call = await managedSpace(context);
  if (!call.ok) return call.envelope;
  const outcome = await saveSpaceReport(call.spaceKey, parsed.value, call.access.caller.accountId, call.settings.privacy.mode !== 'extended');
  if (!outcome.ok) return fail(outcome.code, outcome.message, 'fieldErrors' in outcome ? outcome.fieldErrors : undefined);
  return ok(await view(call, outcome.reports));
}

export async function deleteSpaceReportResolver(payload: unknown, context: unknown): Promise<Envelope<SavedReportsView>> {
  const parsed = parseWith(reportIdPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  const call = await managedSpace(context);
  if (!call.ok) return call.envelope;
  const remaining = await deleteSpaceReport(call.spaceKey, parsed.value.id, call.settings.privacy.mode !== 'extended');
  if (remaining === 'conflict') return fail('conflict', 'Someone else is changing this space’s saved reports. Please try again.');
  return ok(await view(call, remaining));
}

async function managedSpace(context: unknown): Promise<SpaceCall> {
  const call = await openSpace(context);
  if (!call.ok) return call;
  if (!call.settings.customReports) return { ok: false, envelope: fail('forbidden', SWITCHED_OFF) };
  const space = await spaceStandingOf(call.access.caller, call.spaceKey);
  return mayManageSavedReports(call.access.standing, space) ? call : { ok: false, envelope: fail('forbidden', MANAGERS_ONLY) };
}

/** Site admins: every space's saved reports, on the settings page (also while the switch is off). */
export async function getAllSavedReportsResolver(payload: unknown, context: unknown): Promise<Envelope<AllSavedReportsView>> {
  if (!z.object({}).strict().safeParse(payload ?? {}).success) return fail('invalid-input', 'This function takes no payload.');
  if (!(await isSiteAdmin(context))) return fail('forbidden', 'Only Confluence administrators can see every space’s saved reports.');
  return ok({ reports: await listAllSpaceReports(500) });
}

const deleteAnyPayload = z.object({ spaceKey: spaceKeySchema, id: z.string().regex(/^[a-z0-9]{8,32}$/, 'Not a saved report id') }).strict();

export async function deleteAnySavedReportResolver(payload: unknown, context: unknown): Promise<Envelope<AllSavedReportsView>> {
  const parsed = parseWith(deleteAnyPayload, payload);
  if (!parsed.ok) return fail('invalid-input', parsed.message, parsed.fieldErrors);
  if (!(await isSiteAdmin(context))) return fail('forbidden', 'Only Confluence administrators can delete other spaces’ saved reports.');
  const storesAccountIds = (await currentSettings()).privacy.mode !== 'extended';
  if ((await deleteSpaceReport(parsed.value.spaceKey, parsed.value.id, storesAccountIds)) === 'conflict') return fail('conflict', 'Someone else is changing this space’s saved reports. Please try again.');
  return ok({ reports: await listAllSpaceReports(500) });
}

async function isSiteAdmin(context: unknown): Promise<boolean> {
  return mayManageAllSavedReports(await standingOf(callerOf(context), await currentSettings()));
}
