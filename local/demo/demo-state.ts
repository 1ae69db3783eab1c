import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * What the data dir's demo was made from, and how far its first-start history got. The site itself is
 * regenerated from `seed`, `size` and `anchor` on every start, so it stays identical across restarts.
 */
const stateSchema = z.object({
  version: z.literal(1),
  seed: z.number().int(),
  size: z.string(),
  /** The first start's clock: content dates and the 90 days of history are relative to it. */
  anchor: z.number(),
  total: z.number().int(),
  delivered: z.number().int(),
  status: z.enum(['in-progress', 'complete']),
});

export type DemoState = z.infer<typeof stateSchema>;

export function readDemoState(file: string): DemoState | null {
  if (!existsSync(file)) return null;
  const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : null;
}

/** Written via a temp file and rename, so an interrupted write never leaves half a state behind. */
export function writeDemoState(file: string, state: DemoState): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(state, null, 2));
  renameSync(`${file}.tmp`, file);
}
