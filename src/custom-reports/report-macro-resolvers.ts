import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import type { ReportAnswer } from '@contracts/custom-reports';
import { parseStoredMacroConfig } from './rules/report-macro-config';
import { reportMacroAccess } from '../access/report-macro';
import { runCustomReport } from './custom-report';
import { currentSettings } from '../settings/index';
import { callerOf, claimedContentId } from '../platform/resolver/context';
import { fail, ok } from '../platform/resolver/envelope';

/** Forge keeps a macro's config on the page; anything this large is not one of ours. */
const MAX_CONFIG_CHARS = 16_000;

const configClaim = z.object({ extension: z.object({ config: z.unknown().optional() }).passthrough() }).passthrough();

/**
 * The "Viewtracker report" macro. Its config comes with the page (`extension.config`), i.e. from the
 * browser: it only chooses what to show, never who may see it, and it is parsed and bounded like any
 * payload (stored configs of older versions still parse). The page is verified before anything is read.
 */
export async function getReportMacroResolver(payload: unknown, context: unknown): Promise<Envelope<ReportAnswer>> {
  if (!z.object({}).strict().safeParse(payload ?? {}).success) return fail('invalid-input', 'This function takes no payload.');
  const claim = configClaim.safeParse(context);
  const raw = claim.success ? claim.data.extension.config : undefined;
  if (raw !== undefined && JSON.stringify(raw).length > MAX_CONFIG_CHARS) return fail('invalid-input', 'The report configuration is too large.');
  const { config } = parseStoredMacroConfig(raw);
  const settings = await currentSettings();
  const caller = callerOf(context);
  const access = await reportMacroAccess(caller, settings, claimedContentId(context), config.what === 'top-readers');
  if (!access.ok) {
    if (access.reason === 'not-found') return fail('not-found', access.message);
    return ok({ state: 'notice', reason: access.reason, message: access.message, config });
  }
  return ok(await runCustomReport({
    caller, standing: access.standing, settings, people: access.people, definition: config, contextSpaceKey: access.spaceKey, now: Date.now(),
  }));
}
