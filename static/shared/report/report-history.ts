/** The report's state in the page's URL through Forge's `view.createHistory` (global and space pages). */
import { view } from '@forge/bridge';
import { decodeState, DEFAULT_STATE, encodeState, type ReportState } from './report-url';

type History = Awaited<ReturnType<typeof view.createHistory>>;
let history: History | null = null;

/** The state in the URL the page was opened with (defaults where the host has no history). */
export async function initialState(): Promise<ReportState> {
  try {
    history = await view.createHistory();
    return decodeState(history.location.search);
  } catch {
    return DEFAULT_STATE;
  }
}

export function saveState(state: ReportState): void {
  try {
    history?.replace({ pathname: history.location.pathname, search: encodeState(state) });
  } catch {
    // Without a host history the report still works; it just cannot be bookmarked.
  }
}
