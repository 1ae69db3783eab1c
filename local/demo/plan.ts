import path from 'node:path';
import { readDemoState, type DemoState } from './demo-state';
import { Directory } from './directory';
import { generateSite } from './generate-site';
import { DEMO_SIZES, isDemoSizeName, type DemoSizeName } from './sizes';

export interface DemoPlan {
  directory: Directory;
  state: DemoState;
  stateFile: string;
  /** The first start did not finish (or never ran): the store must be emptied and the history replayed. */
  needsSeeding: boolean;
  days: number;
}

export const DEFAULT_SEED = 20261125;

/**
 * Decides what the data dir holds. A complete demo is reused as it is (its seed and size win over the
 * options). An interrupted first start is restarted cleanly: the caller empties the store, and the
 * whole history is replayed, so a half-delivered history can never linger.
 */
export function planDemo(dataDir: string, options: { seed: number; size: DemoSizeName; events?: number }, now: number): DemoPlan {
  const stateFile = path.join(dataDir, 'demo-state.json');
  const previous = readDemoState(stateFile);
  const complete = previous?.status === 'complete' ? previous : null;
  const sizeName = complete && isDemoSizeName(complete.size) ? complete.size : options.size;
  const size = DEMO_SIZES[sizeName];
  const state: DemoState = complete ?? {
    version: 1,
    seed: options.seed,
    size: sizeName,
    anchor: now,
    total: options.events ?? size.events,
    delivered: 0,
    status: 'in-progress',
  };
  const directory = new Directory(generateSite(state.seed, size, state.anchor));
  return { directory, state, stateFile, needsSeeding: complete === null, days: size.days };
}
