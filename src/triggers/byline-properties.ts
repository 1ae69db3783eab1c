import { z } from 'zod';
import { formatViewCount } from '../domain/format-count';
import { getContentStats } from '../storage/view-store';
import { currentSettings } from '../services/settings-source';
import { isHidden } from '../domain/content-status';

const payloadSchema = z.object({
  extension: z.object({
    content: z.object({ id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/)) }).passthrough(),
  }).passthrough(),
}).passthrough();

export interface BylineProperties {
  title: string;
  tooltip?: string;
}

/**
 * The byline's title, asked on every page render: one read of the content's totals (settings come
 * from memory). The count is no secret to someone who can open the page, so no REST call is spent
 * on a permission check here.
 */
export async function bylineProperties(payload: unknown, _context?: unknown): Promise<BylineProperties> {
  const settings = await currentSettings();
  if (!settings.viewCounter) return { title: 'Page statistics', tooltip: 'Open page statistics' };
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return { title: 'Views' };
  const stats = await getContentStats(parsed.data.extension.content.id);
  if (stats && isHidden(stats)) return { title: 'Page statistics', tooltip: 'Views are hidden while this content is archived or in the trash' };
  return { title: formatViewCount(stats?.views ?? 0), tooltip: 'Open page statistics' };
}
