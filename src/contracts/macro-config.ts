/**
 * The Viewtracker macro's configuration, as Confluence stores it with the macro (flat key/value
 * parameters, saved by the configuration dialog's `view.submit({config})`). It comes back to the
 * browser from the page, so the macro parses it (`parseMacroConfig`) and never trusts its shape.
 */
import { RANGE_PRESETS, type RangePreset } from './report-range';

export interface MacroConfig {
  showCount: boolean;
  showChart: boolean;
  /** The latest viewers, where privacy lets the reader see names. */
  showViewers: boolean;
  range: RangePreset;
}

export const DEFAULT_MACRO_CONFIG: MacroConfig = { showCount: true, showChart: false, showViewers: false, range: 'all' };

export function parseMacroConfig(value: unknown): MacroConfig {
  if (typeof value !== 'object' || value === null) return DEFAULT_MACRO_CONFIG;
  const record = value as Record<string, unknown>;
  const flag = (key: keyof MacroConfig, fallback: boolean) => (typeof record[key] === 'boolean' ? Boolean(record[key]) : fallback);
  const range = RANGE_PRESETS.find((preset) => preset === record.range) ?? DEFAULT_MACRO_CONFIG.range;
  return { showCount: flag('showCount', true), showChart: flag('showChart', false), showViewers: flag('showViewers', false), range };
}
