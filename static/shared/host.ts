/**
 * The few host services the apps use besides `invoke`, each made safe to call: a host that lacks one
 * (an older Confluence, the local host) must not break the page.
 */
import { router, showFlag, view } from '@forge/bridge';

/** Applies Confluence's light/dark theme (design-token CSS) to this iframe and follows its changes. */
export async function enableTheme(): Promise<void> {
  try {
    await view.theme.enable();
  } catch {
    // Without theming the CSS variables' light fallbacks apply: readable, just not dark.
  }
}

let flagCounter = 0;

export function flag(type: 'success' | 'error' | 'info' | 'warning', title: string, description?: string): void {
  flagCounter += 1;
  try {
    showFlag({ id: `viewtracker-${Date.now()}-${flagCounter}`, type, title, description, isAutoDismiss: type === 'success' });
  } catch {
    // A flag is a courtesy: the page shows its own state as well.
  }
}

export async function closeView(): Promise<void> {
  try {
    await view.close();
  } catch {
    // Not inside a modal (e.g. opened directly): nothing to close.
  }
}

/** The signed-in user's account id, or null (anonymous, or a host without context). */
export async function currentAccountId(): Promise<string | null> {
  try {
    const context = await view.getContext();
    return typeof context.accountId === 'string' && context.accountId !== '' ? context.accountId : null;
  } catch {
    return null;
  }
}

/** Opens a user's Confluence profile in a new tab. */
export async function openUserProfile(accountId: string): Promise<void> {
  try {
    await router.open({ target: 'userProfile', accountId });
  } catch {
    // The host refused (e.g. the user cancelled its "leaving" dialog): nothing else to do.
  }
}
