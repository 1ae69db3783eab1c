import { z } from 'zod';
import { formatViewCount } from './format-count';
import { bylineCountFor } from './byline-access';
import { currentSettings } from '../../settings/index';
import { isHidden } from '../../core/model/content-status';

const payloadSchema = z.object({
  extension: z.object({
    content: z.object({ id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/)) }).passthrough(),
  }).passthrough(),
}).passthrough();

/** Only the principal's account id is trusted; the payload (content id included) comes from the browser. */
const contextSchema = z.object({ principal: z.object({ accountId: z.string().min(1).max(200) }).passthrough().optional() }).passthrough();

export interface BylineProperties {
  title: string;
  tooltip?: string;
}

const NEUTRAL: BylineProperties = { title: 'Views', tooltip: 'Open page statistics' };

/**
 * The byline's title, asked on every page render. The content id comes from the browser, so the
 * count is shown only to a caller who may read that content (see `bylineCountFor`): one batch read
 * (totals + evidence + cached answer) in the common case, a Confluence check now and then. Anyone
 * else gets the same neutral title as a page without views, which reveals neither count nor existence.
 */
export async function bylineProperties(payload: unknown, context?: unknown): Promise<BylineProperties> {
  const settings = await currentSettings();
  if (!settings.viewCounter) return { title: 'Page statistics', tooltip: 'Open page statistics' };
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return NEUTRAL;
  const caller = contextSchema.safeParse(context ?? {});
  const accountId = caller.success && caller.data.principal && caller.data.principal.accountId !== 'unidentified' ? caller.data.principal.accountId : null;
  const answer = await bylineCountFor(accountId, parsed.data.extension.content.id, Date.now());
  if (!answer.show) return NEUTRAL;
  // Said only to a caller who may read the content: its status is no secret to them.
  if (answer.stats && isHidden(answer.stats)) return { title: 'Page statistics', tooltip: 'Views are hidden while this content is archived or in the trash' };
  return { title: formatViewCount(answer.stats?.views ?? 0), tooltip: 'Open page statistics' };
}
