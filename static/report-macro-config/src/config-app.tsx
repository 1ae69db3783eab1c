/**
 * The macro's custom configuration (Forge `config.resource`): opened by the editor when the macro is
 * inserted or edited. The current config comes from the context (`extension.config`), upgraded by the
 * server if an older version wrote it; Save hands the new one to Confluence with `view.submit({config})`.
 */
import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import { DEFAULT_REACH_MACRO, DEFAULT_REPORT, type ReachMacroConfig, type ReportQueryDefinition } from '@contracts/custom-reports';
import { invokeResolver } from '../../shared/api/invoke-resolver';
import { isDefinition } from '../../shared/api/custom-report-guards';
import { Button } from '../../shared/components/button';
import { SectionMessage } from '../../shared/components/section-message';
import { LoadingState } from '../../shared/components/states';
import { DefinitionForm, definitionProblems } from '../../shared/custom-reports/definition-form';
import type { SpaceChoice } from '../../shared/custom-reports/spaces-field';
import type { SearchPage } from '../../shared/components/picker/search-state';
import type { Envelope } from '@contracts/envelope';
import { ReachConfigForm, reachProblems } from './reach-config-form';

// Module-level (stable): the picker's search hook re-runs when its search function changes.
async function searchReportSpaces(query: string): Promise<Envelope<SearchPage<SpaceChoice>>> {
  const answer = await invokeResolver('searchReportSpaces', { query });
  return answer.ok ? { ok: true, data: { items: answer.data.spaces, nextCursor: null } } : answer;
}

interface Loaded {
  config: ReportQueryDefinition;
  /** Set when the stored config is the "reach" kind. */
  reach: ReachMacroConfig | null;
  pageId: string;
  inserting: boolean;
}

async function loadConfig(): Promise<Loaded> {
  const context = await view.getContext();
  const extension: Record<string, unknown> = typeof context.extension === 'object' && context.extension !== null ? { ...context.extension } : {};
  const content = extension.content;
  const pageId = typeof content === 'object' && content !== null && 'id' in content && typeof content.id === 'string' ? content.id : '';
  const macro = extension.macro;
  const inserting = typeof macro === 'object' && macro !== null && 'isInserting' in macro && macro.isInserting === true;
  if (isDefinition(extension.config)) return { config: extension.config, reach: null, pageId, inserting };
  const stored: unknown = extension.config;
  if (typeof stored === 'object' && stored !== null && 'what' in stored && stored.what === 'reach') {
    // The server parses it as it would render it (fields that do not validate fall back to defaults).
    const answer = await invokeResolver('getReachMacro', {});
    return { config: DEFAULT_REPORT, reach: answer.ok ? answer.data.config : DEFAULT_REACH_MACRO, pageId, inserting };
  }
  // Not this version's shape (an older macro, or none yet): the server upgrades it as it would render it.
  const answer = extension.config === undefined ? null : await invokeResolver('getReportMacro', {});
  return { config: answer?.ok ? answer.data.config : DEFAULT_REPORT, reach: null, pageId, inserting };
}

export function ConfigApp() {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [draft, setDraft] = useState<ReportQueryDefinition>(DEFAULT_REPORT);
  const [reach, setReach] = useState<ReachMacroConfig | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadConfig().then((result) => {
      setLoaded(result);
      setDraft(result.config);
      setReach(result.reach);
    }).catch(() => setLoaded({ config: DEFAULT_REPORT, reach: null, pageId: '', inserting: true }));
  }, []);
  if (loaded === null) return <LoadingState label="Loading the report settings" />;
  const problems = reach ? reachProblems(reach) : Object.values(definitionProblems(draft));
  const save = async () => {
    try {
      await view.submit({ config: reach ?? draft });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Confluence did not accept the configuration.');
    }
  };
  return (
    <form className="vt-config" onSubmit={(event) => { event.preventDefault(); void save(); }}>
      <h1 className="vt-report__title">{loaded.inserting ? 'Insert a Viewtracker report' : 'Edit the Viewtracker report'}</h1>
      <p className="vt-report__meta">Readers see the report with their own rights: content they may not read is never shown or counted.</p>
      <fieldset className="vt-radio-group">
        <legend className="vt-field__label">What the macro shows</legend>
        <label><input type="radio" name="macro-kind" checked={reach === null} onChange={() => setReach(null)} /> A report of views</label>
        <label><input type="radio" name="macro-kind" checked={reach !== null} onChange={() => setReach(loaded.reach ?? DEFAULT_REACH_MACRO)} /> Reach of a page: who of an audience has read it</label>
      </fieldset>
      {reach ? <ReachConfigForm value={reach} onChange={setReach} /> : <DefinitionForm value={draft} onChange={setDraft} pageId={loaded.pageId} searchSpaces={searchReportSpaces} />}
      {error ? <SectionMessage appearance="error" role="alert">{error}</SectionMessage> : null}
      <div className="vt-inline vt-config__actions">
        <Button type="submit" appearance="primary" disabled={problems.length > 0}>Save</Button>
        <Button appearance="subtle" onClick={() => void view.close().catch(() => undefined)}>Cancel</Button>
      </div>
    </form>
  );
}
