import type { DemoState } from './demo-state';
import type { Directory } from './directory';
import { viewedEvent, type ViewedEvent } from './events';
import { generateViews, type PlannedView } from './generate-views';

export interface SeedDeps {
  directory: Directory;
  state: DemoState;
  days: number;
  /** Delivers one event through the manifest's trigger(s), as Confluence would. */
  deliver(event: ViewedEvent): Promise<void>;
  saveProgress(state: DemoState): void;
  log(message: string): void;
}

/** Events in flight at once; never two for the same content, so the app's per-content rows see no contention. */
const WAVE = 8;
const CHECKPOINT_EVERY = 200;

/**
 * Replays the demo's view history through the app's own write path (its trigger function), oldest
 * first, recording progress. Returns the final state.
 */
export async function seedHistory(deps: SeedDeps): Promise<DemoState> {
  const { directory } = deps;
  const views = generateViews(directory, { seed: deps.state.seed, count: deps.state.total, days: deps.days, now: deps.state.anchor });
  let state: DemoState = { ...deps.state, total: views.length };
  const started = Date.now();
  let nextLog = started + 2000;
  for (let index = state.delivered; index < views.length;) {
    const wave = nextWave(views, index);
    await Promise.all(wave.map((view) => deps.deliver(eventFor(directory, view))));
    index += wave.length;
    if (index - state.delivered >= CHECKPOINT_EVERY || index === views.length) {
      state = { ...state, delivered: index, status: index === views.length ? 'complete' : 'in-progress' };
      deps.saveProgress(state);
    }
    if (Date.now() >= nextLog) {
      deps.log(`  demo history: ${index}/${views.length} views delivered`);
      nextLog = Date.now() + 2000;
    }
  }
  deps.log(`  demo history: ${views.length} views delivered through the trigger in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return state;
}

function nextWave(views: PlannedView[], from: number): PlannedView[] {
  const wave: PlannedView[] = [];
  const contents = new Set<string>();
  for (let i = from; i < views.length && wave.length < WAVE; i += 1) {
    const view = views[i]!;
    if (contents.has(view.contentId)) break;
    contents.add(view.contentId);
    wave.push(view);
  }
  return wave;
}

function eventFor(directory: Directory, view: PlannedView): ViewedEvent {
  const content = directory.content(view.contentId);
  if (!content) throw new Error(`Planned view of unknown content ${view.contentId}`);
  return viewedEvent(directory, content, view.viewer, view.at);
}
