/** Messages between a Custom UI iframe (bridge.ts) and the host page (host-page.ts), over postMessage. */
export const TAG = '__forgeLocal';

export interface CallMessage {
  [TAG]: 'call';
  id: number;
  method: string;
  args: unknown;
}

export interface ReplyMessage {
  [TAG]: 'reply';
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

export interface ThemeMessage {
  [TAG]: 'theme';
  colorMode: 'light' | 'dark';
}

export interface ResizeMessage {
  [TAG]: 'resize';
  height: number;
}

export interface HistoryMessage {
  [TAG]: 'history-pop';
  location: HistoryLocation;
}

export interface HistoryLocation {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  key: string;
}

export type ToHost = CallMessage | ResizeMessage;
export type ToFrame = ReplyMessage | ThemeMessage | HistoryMessage;

/** What the host page knows about one Custom UI iframe (rendered by the server into `data-forge-frame`). */
export interface FrameData {
  moduleKey: string;
  localId: string;
  extension: Record<string, unknown>;
  /** The full `view.getContext()` answer, minus the theme (filled in at call time). */
  context: Record<string, unknown>;
  /** `modal` and `popup` frames can be closed; `inline` frames (pages, macros) cannot; `hidden` is a background script. */
  container: 'inline' | 'modal' | 'popup' | 'hidden';
  /** Module route base for createHistory (global and space pages). */
  routeBase?: string;
  /** A macro configuration frame: `view.submit({config})` saves the configuration of this macro (its localId). */
  configFor?: string;
}

export function isTagged(data: unknown): data is { [TAG]: string } {
  return typeof data === 'object' && data !== null && TAG in data;
}
