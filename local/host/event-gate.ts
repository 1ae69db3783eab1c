import { z } from 'zod';
import type { ConfluenceFake } from '../confluence/rest';

const idOf = z.union([z.string(), z.number()]).transform(String);
const aboutContent = z.object({
  content: z.object({ id: idOf }).passthrough().optional(),
  attachment: z.object({ container: z.object({ id: idOf }).passthrough().optional() }).passthrough().optional(),
}).passthrough();

/**
 * Which product events Confluence Cloud delivers to the app: none about content restricted away from
 * the app's own user (ECO-961: no viewed/updated events; CONFCLOUD-82583: no `permissions_updated`
 * when content becomes restricted), judged on the content as it is when the event is sent. An
 * attachment goes with its page. Events about nothing the demo knows (app, space events) pass.
 */
export function cloudEventGate(confluence: ConfluenceFake): (event: Record<string, unknown>) => boolean {
  return (event) => {
    const parsed = aboutContent.safeParse(event);
    if (!parsed.success) return true;
    const ids = [parsed.data.content?.id, parsed.data.attachment?.container?.id].flatMap((id) => (id === undefined ? [] : [id]));
    return ids.every((id) => confluence.deliversEventsAbout(id));
  };
}
