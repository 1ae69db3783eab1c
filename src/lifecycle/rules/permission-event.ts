import { z } from 'zod';
import { parseWith, type Parsed } from '../../core/parse';

const contentId = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/));

/**
 * `avi:confluence:permissions_updated:page|blogpost` (Forge's Confluence events reference; the same
 * payload as the other page events): some content's restrictions changed. Only its id and type are
 * read (a page's descendants inherit the change; see `recordPermissionChange`).
 */
const permissionsUpdated = z.object({
  eventType: z.enum(['avi:confluence:permissions_updated:page', 'avi:confluence:permissions_updated:blogpost']),
  content: z.object({ id: contentId, type: z.enum(['page', 'blogpost']) }),
});

export function parsePermissionsUpdatedEvent(raw: unknown): Parsed<{ contentId: string; contentType: 'page' | 'blogpost' }> {
  const parsed = parseWith(permissionsUpdated, raw);
  return parsed.ok ? { ok: true, value: { contentId: parsed.value.content.id, contentType: parsed.value.content.type } } : parsed;
}
