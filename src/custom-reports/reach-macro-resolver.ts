import { z } from 'zod';
import type { Envelope } from '@contracts/envelope';
import type { ReachMacroAnswer } from '@contracts/custom-reports';
import { reportMacroAccess } from '../access/report-macro';
import { pageReachFor } from '../reach/index';
import { currentSettings } from '../settings/index';
import { callerOf, claimedContentId } from '../platform/resolver/context';
import { fail, ok } from '../platform/resolver/envelope';
import { parseStoredReachConfig } from './rules/reach-macro-config';

const MAX_CONFIG_CHARS = 16_000;
const configClaim = z.object({ extension: z.object({ config: z.unknown().optional() }).passthrough() }).passthrough();

/**
 * The report macro's "reach" kind. The config (from the page, i.e. from the browser) only chooses the
 * page and the audience; who may see what is decided here: the macro must be open to the reader on
 * the page it sits on (Custom Reports' rule), and the reach itself opens exactly where the chosen
 * page's viewers do (`getPageReach`'s rule, through the reach capability's public entry).
 */
export async function getReachMacroResolver(payload: unknown, context: unknown): Promise<Envelope<ReachMacroAnswer>> {
  if (!z.object({}).strict().safeParse(payload ?? {}).success) return fail('invalid-input', 'This function takes no payload.');
  const claim = configClaim.safeParse(context);
  const raw = claim.success ? claim.data.extension.config : undefined;
  if (raw !== undefined && JSON.stringify(raw).length > MAX_CONFIG_CHARS) return fail('invalid-input', 'The report configuration is too large.');
  const { config } = parseStoredReachConfig(raw);
  const settings = await currentSettings();
  const caller = callerOf(context);
  const hostId = claimedContentId(context);
  const access = await reportMacroAccess(caller, settings, hostId, true);
  if (!access.ok) {
    if (access.reason === 'not-found') return fail('not-found', access.message);
    return ok({ state: 'notice', message: access.message, config });
  }
  const pageId = config.page.kind === 'page' ? config.page.pageId : hostId;
  const answer = await pageReachFor(caller, settings, pageId, {
    audience: config.audience, range: config.range, list: 'not-read', limit: config.notRead ? config.rows : 1,
  }, Date.now());
  if (!answer.ok) return answer.error.code === 'forbidden' ? ok({ state: 'notice', message: answer.error.message, config }) : answer;
  if (answer.data.state === 'ready' && !config.notRead) return ok({ state: 'reach', config, reach: { ...answer.data, list: { ...answer.data.list, rows: [], nextCursor: null } } });
  return ok({ state: 'reach', config, reach: answer.data });
}
