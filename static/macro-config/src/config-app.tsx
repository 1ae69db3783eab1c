/**
 * The macro's configuration dialog (Forge `config` resource): what to show and for which period.
 * Saved with `view.submit({config})`; Cancel closes without saving (`view.close()`).
 */
import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import { DEFAULT_MACRO_CONFIG, parseMacroConfig, type MacroConfig } from '@contracts/macro-config';
import { Button } from '../../shared/components/button';
import { Checkbox } from '../../shared/components/checkbox';
import { PRESET_OPTIONS } from '../../shared/format/date-range';

export function ConfigForm({ initial, onSave, onCancel }: { initial: MacroConfig; onSave: (config: MacroConfig) => void; onCancel: () => void }) {
  const [config, setConfig] = useState(initial);
  const toggle = (key: 'showCount' | 'showChart' | 'showViewers') => (checked: boolean) => setConfig({ ...config, [key]: checked });
  const nothing = !config.showCount && !config.showChart && !config.showViewers;
  return (
    <form className="vt-macro-config" onSubmit={(event) => { event.preventDefault(); if (!nothing) onSave(config); }}>
      <h1 className="vt-macro-config__title">Viewtracker macro</h1>
      <fieldset>
        <legend>Show</legend>
        <Checkbox label="Number of views" checked={config.showCount} onChange={toggle('showCount')} />
        <Checkbox label="A small chart of views" checked={config.showChart} onChange={toggle('showChart')} />
        <Checkbox label="The latest viewers (only to readers who may see names)" checked={config.showViewers} onChange={toggle('showViewers')} />
      </fieldset>
      <label className="vt-macro-config__range">
        Period
        <select value={config.range} onChange={(event) => setConfig({ ...config, range: PRESET_OPTIONS.find((option) => option.preset === event.target.value)?.preset ?? config.range })}>
          {PRESET_OPTIONS.map((option) => <option key={option.preset} value={option.preset}>{option.label}</option>)}
        </select>
      </label>
      <p className="vt-subtlest">Days are UTC. The page’s views are counted whatever is shown.</p>
      {nothing ? <p role="alert" className="vt-macro-config__error">Choose at least one thing to show.</p> : null}
      <div className="vt-macro-config__actions">
        <Button appearance="subtle" onClick={onCancel}>Cancel</Button>
        <Button appearance="primary" type="submit" disabled={nothing}>Save</Button>
      </div>
    </form>
  );
}

export function ConfigApp() {
  const [initial, setInitial] = useState<MacroConfig | null>(null);
  useEffect(() => {
    view.getContext()
      .then((context: unknown) => setInitial(parseMacroConfig((context as { extension?: { config?: unknown } } | null)?.extension?.config)))
      .catch(() => setInitial(DEFAULT_MACRO_CONFIG));
  }, []);
  if (!initial) return <p className="vt-subtlest">Loading…</p>;
  return <ConfigForm initial={initial} onSave={(config) => void view.submit({ config: { ...config } })} onCancel={() => void view.close()} />;
}
