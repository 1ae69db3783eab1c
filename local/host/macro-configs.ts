/**
 * Macro configurations the local Confluence keeps, as Confluence keeps a macro's parameters in the page
 * body: by the macro's localId, in memory (a restart forgets them, like an unsaved page edit).
 */
const configs = new Map<string, Record<string, unknown>>();

export function macroConfig(localId: string): Record<string, unknown> | undefined {
  return configs.get(localId);
}

export function saveMacroConfig(localId: string, config: Record<string, unknown>): void {
  configs.set(localId, config);
}
