/**
 * The macro's configuration dialog (Forge `config` resource): what to show and for which period.
 * Saved with `view.submit({config})`; Cancel closes without saving (`view.close()`).
 */
import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import { DEFAULT_MACRO_CONFIG, parseMacroConfig, type MacroConfig } from '@contracts/macro-config';
import { Button } from '../../shared/components/button';
import { Checkbox } from '../../shared/components/checkbox';
import { SelectField } from '../../shared/components/select';
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
      <div className="vt-macro-config__range">
        <label htmlFor="macro-config-period">Period</label>
        <div className="vt-macro-config__select">
          <SelectField inputId="macro-config-period" value={config.range} onChange={(range) => setConfig({ ...config, range })}
            options={PRESET_OPTIONS.map((option) => ({ value: option.preset, label: option.label }))} />
        </div>
      </div>
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
