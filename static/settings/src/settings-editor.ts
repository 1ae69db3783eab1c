/**
 * The settings page as a pure state machine: loading → ready (editing, saving) or forbidden / failed.
 * The draft is compared with the last saved version to know what is unsaved; a save sends the version
 * it started from, so a newer save by another admin comes back as a conflict instead of being overwritten.
 */
import type { ResolverError } from '@contracts/envelope';
import type { SettingsView } from '@contracts/resolvers';
import type { Settings } from '@contracts/settings';
import { fieldKeyOf } from './field-errors';
import { changedPaths } from './settings-diff';

export type SaveProblem = { kind: 'conflict' } | { kind: 'error'; error: ResolverError };

export interface EditorState {
  saved: SettingsView;
  draft: Settings;
  saving: boolean;
  /** Field errors of the last failed save, by dotted path; dropped as the admin edits those fields. */
  serverErrors: Record<string, string>;
  problem: SaveProblem | null;
  /** When this session last saved successfully (for the "All changes saved" note). */
  savedAt: number | null;
}

export type PageState =
  | { phase: 'loading' }
  | { phase: 'forbidden' }
  | { phase: 'failed'; error: ResolverError }
  | { phase: 'ready'; editor: EditorState };

export type PageAction =
  | { type: 'load-started' }
  | { type: 'loaded'; view: SettingsView }
  | { type: 'load-failed'; error: ResolverError }
  | { type: 'edited'; draft: Settings }
  | { type: 'reset' }
  | { type: 'save-started' }
  | { type: 'saved'; view: SettingsView; at: number }
  | { type: 'save-failed'; error: ResolverError }
  | { type: 'problem-dismissed' }
  /** The view API token changed: only which channels are observable is refreshed, never the draft. */
  | { type: 'channels-updated'; unavailableChannels: SettingsView['unavailableChannels'] };

export const initialPageState: PageState = { phase: 'loading' };

function editorFor(view: SettingsView): EditorState {
  return { saved: view, draft: view.settings, saving: false, serverErrors: {}, problem: null, savedAt: null };
}

/** Keeps only the server errors about fields the admin has not touched since the failed save. */
function errorsStillValid(errors: Record<string, string>, before: Settings, after: Settings): Record<string, string> {
  const touched = new Set(changedPaths(before, after).map((path) => fieldKeyOf(path) ?? path));
  return Object.fromEntries(Object.entries(errors).filter(([path]) => !touched.has(fieldKeyOf(path) ?? path)));
}

function reduceEditor(editor: EditorState, action: PageAction): PageState {
  switch (action.type) {
    case 'edited':
      return {
        phase: 'ready',
        editor: {
          ...editor,
          draft: action.draft,
          serverErrors: errorsStillValid(editor.serverErrors, editor.draft, action.draft),
        },
      };
    case 'reset':
      return { phase: 'ready', editor: { ...editor, draft: editor.saved.settings, serverErrors: {}, problem: null } };
    case 'save-started':
      return { phase: 'ready', editor: { ...editor, saving: true, problem: null } };
    case 'saved':
      return { phase: 'ready', editor: { ...editorFor(action.view), savedAt: action.at } };
    case 'save-failed':
      if (action.error.code === 'forbidden') return { phase: 'forbidden' };
      return {
        phase: 'ready',
        editor: {
          ...editor,
          saving: false,
          serverErrors: action.error.code === 'invalid-input' ? action.error.fieldErrors ?? {} : {},
          problem: action.error.code === 'conflict' ? { kind: 'conflict' } : { kind: 'error', error: action.error },
        },
      };
    case 'problem-dismissed':
      return { phase: 'ready', editor: { ...editor, problem: null } };
    case 'channels-updated':
      return { phase: 'ready', editor: { ...editor, saved: { ...editor.saved, unavailableChannels: action.unavailableChannels } } };
    default:
      return { phase: 'ready', editor };
  }
}

export function pageReducer(state: PageState, action: PageAction): PageState {
  switch (action.type) {
    case 'load-started':
      return { phase: 'loading' };
    case 'loaded':
      return { phase: 'ready', editor: editorFor(action.view) };
    case 'load-failed':
      return action.error.code === 'forbidden' ? { phase: 'forbidden' } : { phase: 'failed', error: action.error };
    default:
      return state.phase === 'ready' ? reduceEditor(state.editor, action) : state;
  }
}

/** The paths the admin changed and has not saved yet. */
export function unsavedPaths(editor: EditorState): string[] {
  return changedPaths(editor.saved.settings, editor.draft);
}
