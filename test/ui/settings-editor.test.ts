import type { ResolverError } from '@contracts/envelope';
import { initialPageState, pageReducer, unsavedPaths, type PageAction, type PageState } from '../../static/settings/src/settings-editor';
import { settings, settingsView } from './fixtures';

function run(...actions: PageAction[]): PageState {
  return actions.reduce(pageReducer, initialPageState);
}

function editor(state: PageState) {
  if (state.phase !== 'ready') throw new Error(`expected ready, got ${state.phase}`);
  return state.editor;
}

const error = (code: ResolverError['code'], fieldErrors?: Record<string, string>): ResolverError => ({ code, message: code, fieldErrors });

describe('settings page state', () => {
  it('starts loading, then edits a draft of the loaded settings', () => {
    expect(initialPageState).toEqual({ phase: 'loading' });
    const state = run({ type: 'loaded', view: settingsView() });
    expect(editor(state).draft).toEqual(settings());
    expect(unsavedPaths(editor(state))).toEqual([]);
  });

  it('shows only the refusal when the caller is not an administrator, on load or on save', () => {
    expect(run({ type: 'load-failed', error: error('forbidden') })).toEqual({ phase: 'forbidden' });
    expect(run({ type: 'loaded', view: settingsView() }, { type: 'save-started' }, { type: 'save-failed', error: error('forbidden') }))
      .toEqual({ phase: 'forbidden' });
  });

  it('keeps other load failures retryable', () => {
    expect(run({ type: 'load-failed', error: error('unavailable') })).toEqual({ phase: 'failed', error: error('unavailable') });
  });

  it('counts unsaved changes and resets them to the saved version', () => {
    const draft = settings({ viewCounter: false, privacy: { mode: 'extended', viewerNamesGroup: null, viewerListAudience: 'readers', retentionDays: null } });
    const edited = run({ type: 'loaded', view: settingsView() }, { type: 'edited', draft });
    expect(unsavedPaths(editor(edited))).toEqual(['viewCounter', 'privacy.mode']);
    expect(editor(pageReducer(edited, { type: 'reset' })).draft).toEqual(settings());
  });

  it('reports a conflict without losing the draft', () => {
    const draft = settings({ blockingTimeMs: 9000 });
    const state = run({ type: 'loaded', view: settingsView() }, { type: 'edited', draft }, { type: 'save-started' }, { type: 'save-failed', error: error('conflict') });
    expect(editor(state)).toMatchObject({ draft, saving: false, problem: { kind: 'conflict' } });
  });

  it('keeps field errors of a failed save until the admin edits that field', () => {
    const failed = run(
      { type: 'loaded', view: settingsView() },
      { type: 'edited', draft: settings({ blockingTimeMs: 9000 }) },
      { type: 'save-started' },
      { type: 'save-failed', error: error('invalid-input', { blockingTimeMs: 'Too long', 'excludedGroups.0.id': 'Unknown group' }) },
    );
    expect(editor(failed).serverErrors).toEqual({ blockingTimeMs: 'Too long', 'excludedGroups.0.id': 'Unknown group' });
    const fixedOne = pageReducer(failed, { type: 'edited', draft: settings({ blockingTimeMs: 8000 }) });
    expect(editor(fixedOne).serverErrors).toEqual({ 'excludedGroups.0.id': 'Unknown group' });
    const fixedOther = pageReducer(fixedOne, { type: 'edited', draft: settings({ blockingTimeMs: 8000, excludedGroups: [] }) });
    expect(editor(fixedOther).serverErrors).toEqual({});
  });

  it('starts over from the saved answer, with its new version', () => {
    const saved = settingsView({ version: 4, settings: settings({ viewCounter: false }) });
    const state = run({ type: 'loaded', view: settingsView() }, { type: 'edited', draft: settings({ viewCounter: false }) }, { type: 'save-started' }, { type: 'saved', view: saved, at: 123 });
    expect(editor(state)).toMatchObject({ saved, draft: saved.settings, saving: false, problem: null, savedAt: 123 });
    expect(unsavedPaths(editor(state))).toEqual([]);
  });

  it('refreshes which channels are available without touching the draft', () => {
    const draft = settings({ viewCounter: false });
    const state = run({ type: 'loaded', view: settingsView() }, { type: 'edited', draft }, { type: 'channels-updated', unavailableChannels: [] });
    expect(editor(state).saved.unavailableChannels).toEqual([]);
    expect(editor(state).draft).toEqual(draft);
  });
});
