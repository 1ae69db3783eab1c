/**
 * Injected first into <head> of every Custom UI's index.html. Defines `window.__bridge.callBridge`,
 * which @forge/bridge looks up when its bundle loads, and forwards each call to the host page over
 * postMessage, the way Atlassian's own host script does. The app's bundle is the unmodified build.
 */
import { CHANNEL_USER_AGENTS, isHostChannel } from '../channels';
import { TAG, isTagged, type CallMessage, type HistoryLocation, type ToFrame } from './protocol';

type Listener = (location: HistoryLocation, action: string) => void;

const script = document.currentScript as HTMLScriptElement | null;
const channel = script ? new URL(script.src).searchParams.get('channel') ?? 'desktop' : 'desktop';
const host = window.parent;
const origin = window.location.origin;
const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
const historyListeners = new Set<Listener>();
let nextId = 1;
let themed = false;

emulateChannel(channel);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.source !== host || !isTagged(event.data)) return;
  const message = event.data as ToFrame;
  if (message[TAG] === 'reply') {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (!waiting) return;
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(new Error(message.error ?? 'Bridge call failed'));
  } else if (message[TAG] === 'theme') {
    if (themed) applyTheme(message.colorMode);
  } else if (message[TAG] === 'history-pop') {
    historyListeners.forEach((listener) => listener(message.location, 'POP'));
  }
});

function send(method: string, args?: unknown): Promise<unknown> {
  const id = nextId++;
  const message: CallMessage = { [TAG]: 'call', id, method, args: args === undefined ? undefined : JSON.parse(JSON.stringify(args)) as unknown };
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    host.postMessage(message, origin);
  });
}

async function callBridge(method: string, args?: unknown): Promise<unknown> {
  if (method === 'enableTheming') {
    const answer = (await send(method, args)) as { colorMode: 'light' | 'dark' };
    themed = true;
    applyTheme(answer.colorMode);
    return undefined;
  }
  if (method === 'createHistory') return createHistory((await send(method)) as HistoryLocation);
  return send(method, args);
}

(window as unknown as { __bridge: unknown }).__bridge = { callBridge };

/** Atlassian's token CSS keys off these attributes; the stylesheet defines light and dark values. */
function applyTheme(colorMode: 'light' | 'dark'): void {
  const root = document.documentElement;
  root.setAttribute('data-color-mode', colorMode);
  root.setAttribute('data-theme', 'dark:dark light:light spacing:spacing typography:typography');
  if (!document.getElementById('forge-local-tokens')) {
    const link = document.createElement('link');
    link.id = 'forge-local-tokens';
    link.rel = 'stylesheet';
    link.href = '/__forge/tokens.css';
    document.head.appendChild(link);
  }
}

/** A history object for global and space pages, kept in step with the host page's URL. */
function createHistory(initial: HistoryLocation) {
  const history = {
    action: 'POP',
    location: initial,
    length: 1,
    listen(listener: Listener) {
      historyListeners.add(listener);
      return () => historyListeners.delete(listener);
    },
    push(to: string | Partial<HistoryLocation>, state?: unknown) {
      change('PUSH', to, state);
    },
    replace(to: string | Partial<HistoryLocation>, state?: unknown) {
      change('REPLACE', to, state);
    },
    go(delta: number) {
      void send('historyGo', delta);
    },
    back() {
      void send('historyGo', -1);
    },
    forward() {
      void send('historyGo', 1);
    },
    createHref(to: string | Partial<HistoryLocation>) {
      const location = toLocation(to, undefined);
      return location.pathname + location.search + location.hash;
    },
    block() {
      return () => undefined;
    },
  };
  function change(action: 'PUSH' | 'REPLACE', to: string | Partial<HistoryLocation>, state: unknown): void {
    const location = toLocation(to, state);
    history.action = action;
    void send('historyUpdate', { action, location });
    historyListeners.forEach((listener) => listener(location, action));
  }
  return history;
}

function toLocation(to: string | Partial<HistoryLocation>, state: unknown): HistoryLocation {
  const key = Math.random().toString(36).slice(2, 10);
  if (typeof to !== 'string') {
    return { pathname: to.pathname ?? '/', search: to.search ?? '', hash: to.hash ?? '', state: to.state ?? state ?? null, key };
  }
  const url = new URL(to, 'http://route.local/');
  return { pathname: url.pathname, search: url.search, hash: url.hash, state: state ?? null, key };
}

/** What a Custom UI can observe of the channel: its user agent (see local/host/channels.ts). */
function emulateChannel(name: string): void {
  if (!isHostChannel(name)) return;
  const userAgent = CHANNEL_USER_AGENTS[name];
  if (!userAgent) return;
  Object.defineProperty(navigator, 'userAgent', { get: () => userAgent, configurable: true });
  Object.defineProperty(navigator, 'platform', { get: () => 'iPhone', configurable: true });
  Object.defineProperty(navigator, 'userAgentData', { get: () => ({ mobile: true, platform: 'iOS', brands: [] }), configurable: true });
}

/** Frames size to their content, as Forge's iframe resizer does. */
function observeSize(): void {
  const body = document.body;
  const report = (): void => {
    const style = getComputedStyle(body);
    const height = Math.ceil(body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    host.postMessage({ [TAG]: 'resize', height }, origin);
  };
  new ResizeObserver(report).observe(body);
  report();
}

if (document.body) observeSize();
else document.addEventListener('DOMContentLoaded', observeSize);
