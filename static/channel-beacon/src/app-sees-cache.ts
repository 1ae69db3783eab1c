/**
 * The browser remembers, per page, that the app's own user sees it (then Confluence's view event
 * counts the view and a desktop beacon has nothing to do): desktop readers then cost no invocation
 * on that page for an hour. A page restricted away from the app meanwhile (Confluence sends no event
 * for that, CONFCLOUD-82583) is counted by the beacon again at the latest an hour later.
 * Storage may be unavailable in a sandboxed frame: then the beacon simply asks every time.
 */
export const APP_SEES_TTL_MS = 3_600_000;

export interface SmallStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const keyOf = (contentId: string) => `viewtracker:app-sees:${contentId}`;

export function appSeesRecently(storage: SmallStorage | null, contentId: string, now: number): boolean {
  try {
    const until = Number(storage?.getItem(keyOf(contentId)) ?? NaN);
    return Number.isFinite(until) && until > now && until <= now + APP_SEES_TTL_MS;
  } catch {
    return false;
  }
}

export function rememberAppSees(storage: SmallStorage | null, contentId: string, now: number): void {
  try {
    storage?.setItem(keyOf(contentId), String(now + APP_SEES_TTL_MS));
  } catch {
    // Quota or a sandbox: the next page load asks again, which is only an invocation.
  }
}
