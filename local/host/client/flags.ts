/** Confluence-style flags (toasts) for `showFlag`, stacked bottom left. */
interface FlagOptions {
  id?: unknown;
  title?: unknown;
  description?: unknown;
  type?: unknown;
  isAutoDismiss?: unknown;
}

const ICONS: Record<string, string> = { success: '✔', error: '✖', warning: '!', info: 'i' };

export function showFlag(args: unknown): void {
  const options = (args ?? {}) as FlagOptions;
  const id = String(options.id ?? Date.now());
  const type = typeof options.type === 'string' && options.type in ICONS ? options.type : 'info';
  let stack = document.getElementById('flags');
  if (!stack) {
    stack = document.createElement('div');
    stack.id = 'flags';
    document.body.appendChild(stack);
  }
  document.querySelector(`[data-flag-id="${CSS.escape(id)}"]`)?.remove();
  const flag = document.createElement('div');
  flag.className = `flag flag-${type}`;
  flag.dataset.flagId = id;
  flag.setAttribute('role', 'alert');
  const icon = document.createElement('span');
  icon.className = 'flag-icon';
  icon.textContent = ICONS[type] ?? 'i';
  const text = document.createElement('div');
  const title = document.createElement('strong');
  title.textContent = String(options.title ?? '');
  text.appendChild(title);
  if (options.description) {
    const description = document.createElement('p');
    description.textContent = String(options.description);
    text.appendChild(description);
  }
  const dismiss = document.createElement('button');
  dismiss.className = 'flag-close';
  dismiss.setAttribute('aria-label', 'Dismiss');
  dismiss.textContent = '×';
  dismiss.addEventListener('click', () => flag.remove());
  flag.append(icon, text, dismiss);
  stack.prepend(flag);
  if (options.isAutoDismiss === true) setTimeout(() => flag.remove(), 8000);
}

export function closeFlag(args: unknown): void {
  const id = String((args as { id?: unknown } | undefined)?.id ?? '');
  document.querySelector(`[data-flag-id="${CSS.escape(id)}"]`)?.remove();
}
