/**
 * The host page's side of the Custom UI bridge (Confluence's role): answers each iframe's bridge calls,
 * opens byline dialogs, shows flags, keeps themes and routes in step. Bundled by esbuild at startup.
 */
import { TAG, isTagged, type CallMessage, type FrameData, type HistoryLocation, type ToFrame, type ToHost } from './protocol';
import { closeFlag, showFlag } from './flags';
import { openMacroConfig, submitMacroConfig } from './macro-editor';

interface HostData {
  theme: 'light' | 'dark';
}

interface Frame {
  iframe: HTMLIFrameElement;
  data: FrameData;
  themed: boolean;
  close?: () => void;
}

const hostData = JSON.parse(document.getElementById('host-data')?.textContent ?? '{}') as HostData;
let colorMode: 'light' | 'dark' = hostData.theme === 'dark' ? 'dark' : 'light';
const frames: Frame[] = [];

function register(iframe: HTMLIFrameElement, close?: () => void): Frame {
  const data = JSON.parse(iframe.dataset.forgeFrame ?? '{}') as FrameData;
  const frame: Frame = { iframe, data, themed: false, ...(close ? { close } : {}) };
  frames.push(frame);
  return frame;
}

function post(frame: Frame, message: ToFrame): void {
  frame.iframe.contentWindow?.postMessage(message, window.location.origin);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (event.origin !== window.location.origin || !isTagged(event.data)) return;
  const frame = frames.find((f) => f.iframe.contentWindow === event.source);
  if (!frame) return;
  const message = event.data as ToHost;
  if (message[TAG] === 'resize') {
    if (frame.data.container === 'inline') frame.iframe.style.height = `${Math.max(32, message.height)}px`;
    return;
  }
  if (message[TAG] === 'call') void answer(frame, message);
});

async function answer(frame: Frame, call: CallMessage): Promise<void> {
  try {
    const value = await handle(frame, call.method, call.args);
    post(frame, { [TAG]: 'reply', id: call.id, ok: true, value });
  } catch (error) {
    post(frame, { [TAG]: 'reply', id: call.id, ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}

async function handle(frame: Frame, method: string, args: unknown): Promise<unknown> {
  switch (method) {
    case 'getContext':
      return { ...frame.data.context, theme: { colorMode } };
    case 'invoke':
      return invoke(frame, args);
    case 'fetchProduct':
      return fetchProduct(args);
    case 'enableTheming':
      frame.themed = true;
      return { colorMode };
    case 'navigate':
      return navigate(args);
    case 'getUrl':
      return new URL(await targetUrl(args), window.location.origin).toString();
    case 'reload':
      window.location.reload();
      return undefined;
    case 'showFlag':
      showFlag(args);
      return undefined;
    case 'closeFlag':
      closeFlag(args);
      return undefined;
    case 'submit':
      if (frame.data.macroConfig) return submitMacroConfig(frame, args);
      if (!frame.close) return false;
      frame.close();
      return true;
    case 'close':
      if (!frame.close) return false;
      frame.close();
      return true;
    case 'changeWindowTitle':
      document.title = String(args);
      return undefined;
    case 'createHistory':
      return currentRoute(frame);
    case 'historyUpdate':
      return updateRoute(frame, args as { action: string; location: HistoryLocation });
    case 'historyGo':
      window.history.go(Number(args));
      return undefined;
    default: {
      const message = `local host: the bridge method "${method}" is not supported by the local Confluence (called by ${frame.data.moduleKey})`;
      console.error(message, args);
      showFlag({ id: `unsupported-${method}-${Date.now()}`, type: 'error', title: 'Unsupported bridge call', description: message });
      throw new Error(message);
    }
  }
}

async function invoke(frame: Frame, args: unknown): Promise<unknown> {
  const { functionKey, payload } = (args ?? {}) as { functionKey?: unknown; payload?: unknown };
  const response = await fetch('/__host/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ frame: { moduleKey: frame.data.moduleKey, localId: frame.data.localId, extension: frame.data.extension }, functionKey, payload }),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: string };
  if (!body.ok) throw new Error(body.error ?? `invoke failed with HTTP ${response.status}`);
  return body.value;
}

/**
 * The bridge's `requestConfluence` (@forge/bridge out/fetch/fetch.js sends `fetchProduct` with
 * `{product, restPath, fetchRequestInit}` and builds a Response from `{body, headers, status,
 * statusText}`): Confluence REST as the session's user. No function runs, so nothing is logged as an
 * invocation.
 */
async function fetchProduct(args: unknown): Promise<unknown> {
  const { product, restPath, fetchRequestInit } = (args ?? {}) as { product?: unknown; restPath?: unknown; fetchRequestInit?: { method?: unknown; body?: unknown } };
  const response = await fetch('/__host/fetch-product', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ product, restPath, method: fetchRequestInit?.method ?? 'GET', ...(typeof fetchRequestInit?.body === 'string' ? { body: fetchRequestInit.body } : {}) }),
  });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: string };
  if (!body.ok) throw new Error(body.error ?? `requestConfluence failed with HTTP ${response.status}`);
  return body.value;
}

async function navigate(args: unknown): Promise<void> {
  const url = await targetUrl(args);
  const type = (args as { type?: string }).type;
  if (type === 'new-tab') window.open(url, '_blank', 'noopener');
  else window.location.assign(url);
}

/** `router.navigate/open` take a URL or a `{target, ...}` location (contentView, spaceView, module...). */
async function targetUrl(args: unknown): Promise<string> {
  const location = (args ?? {}) as Record<string, unknown>;
  if (typeof location.url === 'string') return location.url;
  const query = new URLSearchParams(Object.entries(location).filter(([k]) => k !== 'type').map(([k, v]) => [k, String(v)]));
  const response = await fetch(`/__host/navigation-target?${query.toString()}`);
  const body = (await response.json()) as { url?: string; error?: string };
  if (!body.url) throw new Error(body.error ?? 'Unknown navigation target');
  return body.url;
}

function currentRoute(frame: Frame): HistoryLocation {
  const base = frame.data.routeBase ?? window.location.pathname;
  const rest = window.location.pathname.startsWith(base) ? window.location.pathname.slice(base.length) : '';
  return { pathname: rest === '' ? '/' : rest, search: window.location.search, hash: window.location.hash, state: window.history.state as unknown, key: 'initial' };
}

function updateRoute(frame: Frame, change: { action: string; location: HistoryLocation }): void {
  const base = (frame.data.routeBase ?? '').replace(/\/$/, '');
  const url = `${base}${change.location.pathname === '/' ? '' : change.location.pathname}${change.location.search}${change.location.hash}`;
  if (change.action === 'REPLACE') window.history.replaceState(change.location.state, '', url || '/');
  else window.history.pushState(change.location.state, '', url || '/');
}

window.addEventListener('popstate', () => {
  for (const frame of frames.filter((f) => f.data.routeBase)) post(frame, { [TAG]: 'history-pop', location: currentRoute(frame) });
});

// --- byline items -------------------------------------------------------------------------------

async function refreshByline(button: HTMLButtonElement, waitForView: boolean): Promise<void> {
  const label = button.querySelector('.byline-label');
  const response = await fetch('/__host/byline', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ moduleKey: button.dataset.moduleKey, localId: button.dataset.localId, extension: JSON.parse(button.dataset.extension ?? '{}') as unknown, viewId: waitForView ? button.dataset.viewId : undefined }),
  });
  const body = (await response.json()) as { ok: boolean; value?: { title?: string; tooltip?: string }; error?: string };
  if (label) label.textContent = body.ok ? body.value?.title ?? button.dataset.defaultTitle ?? '' : 'Unavailable';
  if (body.ok && body.value?.tooltip) button.title = body.value.tooltip;
  button.dataset.state = body.ok ? 'ready' : 'error';
}

function openBylineDialog(button: HTMLButtonElement): void {
  const template = button.nextElementSibling;
  if (!(template instanceof HTMLTemplateElement)) return;
  const container = button.dataset.container === 'modal' ? 'modal' : 'popup';
  const shell = document.createElement('div');
  shell.className = container === 'modal' ? 'modal-backdrop' : 'popup-anchor';
  shell.innerHTML = template.innerHTML;
  const iframe = shell.querySelector('iframe');
  if (!iframe) return;
  const close = (): void => {
    shell.remove();
    const index = frames.findIndex((f) => f.iframe === iframe);
    if (index >= 0) frames.splice(index, 1);
    document.removeEventListener('keydown', onKey);
    // Confluence asks dynamicProperties again after the dialog closes.
    void refreshByline(button, false);
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') close();
  };
  document.addEventListener('keydown', onKey);
  shell.addEventListener('click', (event) => {
    if (event.target === shell) close();
  });
  shell.querySelector('[data-close]')?.addEventListener('click', close);
  if (container === 'popup') button.parentElement?.appendChild(shell);
  else document.body.appendChild(shell);
  register(iframe, close);
}

for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-byline]'))) {
  void refreshByline(button, true);
  button.addEventListener('click', () => openBylineDialog(button));
}

for (const iframe of Array.from(document.querySelectorAll<HTMLIFrameElement>('iframe[data-forge-frame]'))) register(iframe);

// --- editor: macro configuration modals (./macro-editor.ts) ---------------------------------------

for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-macro-config]'))) {
  button.addEventListener('click', () => openMacroConfig(button, (iframe, close) => register(iframe, close), (iframe) => {
    const index = frames.findIndex((f) => f.iframe === iframe);
    if (index >= 0) frames.splice(index, 1);
  }));
}

// --- top bar: acting user, channel, theme ---------------------------------------------------------

function switchSession(field: string, value: string): void {
  const back = window.location.pathname + window.location.search;
  window.location.assign(`/__host/session?${field}=${encodeURIComponent(value)}&back=${encodeURIComponent(back)}`);
}

document.getElementById('act-as')?.addEventListener('change', (event) => switchSession('user', (event.target as HTMLSelectElement).value));
document.getElementById('channel')?.addEventListener('change', (event) => switchSession('channel', (event.target as HTMLSelectElement).value));
document.getElementById('theme-toggle')?.addEventListener('click', () => {
  colorMode = colorMode === 'dark' ? 'light' : 'dark';
  document.documentElement.setAttribute('data-color-mode', colorMode);
  void fetch(`/__host/session?theme=${colorMode}`, { method: 'POST' });
  for (const frame of frames.filter((f) => f.themed)) post(frame, { [TAG]: 'theme', colorMode });
});
