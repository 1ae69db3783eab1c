/**
 * Runs a layout change only once a pointer press in progress is over. A picker's list sits in the page
 * flow; closing it when the input loses focus on a press elsewhere moves everything below it up between the
 * press and the release, so the release lands beside the button that was pressed and the click is lost (a
 * Save "that does nothing"). Deferring the close past the release lets that click reach its button first.
 */
let pressed = false;
let tracking = false;

function track(): void {
  if (tracking || typeof window === 'undefined') return;
  tracking = true;
  window.addEventListener('pointerdown', () => { pressed = true; }, true);
  const release = () => { pressed = false; };
  window.addEventListener('pointerup', release, true);
  window.addEventListener('pointercancel', release, true);
}

/** Starts watching presses; call once before `afterPress` can be needed (e.g. when a picker mounts). */
export function watchPointerPresses(): void {
  track();
}

/**
 * Runs `change` now if no pointer is pressed, or else after the press ends and its click has been
 * dispatched (the browser dispatches pointerup, mouseup and click in one task; a timeout runs after it).
 */
export function afterPress(change: () => void): void {
  if (!pressed) {
    change();
    return;
  }
  const done = () => {
    window.removeEventListener('pointerup', done, true);
    window.removeEventListener('pointercancel', done, true);
    window.setTimeout(change, 0);
  };
  window.addEventListener('pointerup', done, true);
  window.addEventListener('pointercancel', done, true);
}
