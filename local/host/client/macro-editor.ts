/**
 * The editor's macro configuration (Confluence's role): opens a macro's `config.resource` in a modal
 * and stores what it hands to `view.submit({config})` on the page.
 */
import type { FrameData } from './protocol';

/** `view.submit({config})` from a macro's config frame: Confluence stores the config on the page. */
export async function submitMacroConfig(frame: { data: FrameData; close?: () => void }, args: unknown): Promise<boolean> {
  if (typeof args !== 'object' || args === null) throw new Error('INVALID_PAYLOAD: view.submit takes an object');
  const payload = args as { config?: unknown; keepEditing?: unknown };
  const target = frame.data.macroConfig!;
  const response = await fetch('/__host/macro-config', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ contentId: target.contentId, moduleKey: frame.data.moduleKey, localId: target.localId, config: payload.config }),
  });
  const body = (await response.json()) as { ok: boolean; error?: string };
  if (!body.ok) throw new Error(body.error ?? 'INVALID_CONFIG');
  if (payload.keepEditing === true) return true;
  frame.close?.();
  // The editor shows the macro again with its new config, as Confluence re-renders it.
  window.location.reload();
  return true;
}

/** Opens the modal kept in the template after the button; the host page registers its frame. */
export function openMacroConfig(button: HTMLButtonElement, register: (iframe: HTMLIFrameElement, close: () => void) => void, unregister: (iframe: HTMLIFrameElement) => void): void {
  const template = button.nextElementSibling;
  if (!(template instanceof HTMLTemplateElement)) return;
  const shell = document.createElement('div');
  shell.className = 'modal-backdrop';
  shell.innerHTML = template.innerHTML;
  const iframe = shell.querySelector('iframe');
  if (!iframe) return;
  // Forge: a loaded config modal closes only through view.close() or view.submit(), not Escape or a click outside.
  const close = (): void => {
    shell.remove();
    unregister(iframe);
  };
  document.body.appendChild(shell);
  register(iframe, close);
}
