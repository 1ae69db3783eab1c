import { z } from 'zod';
import type { DemoContent } from '../demo/directory';
import type { UiModule } from './manifest';

/** One macro on a page, as Confluence keeps it in the page's body: which module, its local id, its config. */
export interface MacroInstance {
  moduleKey: string;
  localId: string;
  config?: Record<string, unknown>;
}

/**
 * The macros on each page. Pages that carry "the macro" in the demo start with the Viewtracker macro;
 * authors add and configure macros in the editor preview. Kept in
 * the host's memory (a restart goes back to the demo's pages).
 */
export class MacroStore {
  private readonly pages = new Map<string, MacroInstance[]>();
  private counter = 0;

  constructor(private readonly modules: () => UiModule[]) {}

  on(content: DemoContent): MacroInstance[] {
    const stored = this.pages.get(content.id);
    if (stored) return stored;
    if (!content.hasMacro) return [];
    // "The macro" of the demo is the Viewtracker macro (the manifest's first macro module); its configuration is optional.
    return this.modules().filter((m) => m.type === 'macro').slice(0, 1).map((m, index) => ({ moduleKey: m.key, localId: `${content.id}-${m.key}-${index}` }));
  }

  /** Inserts a new macro (no `localId`) or changes the config of one already on the page. */
  submit(content: DemoContent, moduleKey: string, localId: string | null, config: Record<string, unknown>): MacroInstance {
    const list = [...this.on(content)];
    const existing = localId ? list.find((m) => m.localId === localId && m.moduleKey === moduleKey) : undefined;
    const instance = existing ? { ...existing, config } : { moduleKey, localId: localId ?? `${content.id}-${moduleKey}-n${++this.counter}`, config };
    this.pages.set(content.id, existing ? list.map((m) => (m === existing ? instance : m)) : [...list, instance]);
    return instance;
  }

  remove(content: DemoContent, localId: string): void {
    this.pages.set(content.id, this.on(content).filter((m) => m.localId !== localId));
  }
}

/**
 * Forge's rule for `view.submit({config})`: JSON values without null, arrays of one item type and no
 * arrays directly inside arrays (INVALID_CONFIG otherwise). Checked here as Confluence would.
 */
export function configProblem(config: unknown): string | null {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) return 'INVALID_CONFIG: config must be an object';
  return valueProblem(config, 'config');
}

function valueProblem(value: unknown, path: string): string | null {
  if (value === null) return `INVALID_CONFIG: ${path} is null`;
  if (Array.isArray(value)) {
    const types = new Set(value.map((item) => (Array.isArray(item) ? 'array' : typeof item)));
    if (types.has('array')) return `INVALID_CONFIG: ${path} holds an array inside an array`;
    if (types.size > 1) return `INVALID_CONFIG: ${path} mixes item types`;
    for (const [index, item] of value.entries()) {
      const problem = valueProblem(item, `${path}[${index}]`);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      const problem = valueProblem(item, `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  }
  return ['string', 'number', 'boolean'].includes(typeof value) ? null : `INVALID_CONFIG: ${path} is not JSON`;
}

export const macroSubmitBody = z.object({
  contentId: z.string().regex(/^\d{1,20}$/),
  moduleKey: z.string().max(200),
  localId: z.string().max(500).nullable(),
  config: z.unknown(),
}).strict();
