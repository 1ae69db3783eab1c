/**
 * Asks a reach resolver and, while Confluence's members are still being listed (`state: 'preparing'`),
 * asks again until the answer is ready: each call advances the preparation on the server. A preparing
 * answer carries progress only, never a figure, so nothing partial can be shown as whole.
 */
import { useEffect, useState } from 'react';
import type { Envelope, ResolverError } from '@contracts/envelope';
import type { ReachPreparing } from '@contracts/reach';

export type ReachState<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'preparing'; progress: ReachPreparing }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: ResolverError };

/** The pause between two calls while preparing (each call lists up to 5,000 members). */
export const POLL_MS = 1_500;
/** A guard against a preparation that never ends: 200 calls list far more than 10,000 members. */
export const MAX_POLLS = 200;

/**
 * `ask` null: nothing to ask yet (no audience chosen). `key` changes when the question does; `resetKey`
 * when it is a new question (audience, range) rather than another page or search of the same one: only
 * then are the shown figures cleared, otherwise they stay, marked busy, until the new answer arrives.
 */
export function useReach<T extends { state: 'ready' }>(ask: (() => Promise<Envelope<T | ReachPreparing>>) | null, key: string, resetKey: string, retry = 0): { state: ReachState<T>; busy: boolean } {
  const [state, setState] = useState<ReachState<T>>({ status: ask ? 'loading' : 'idle' });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!ask) { setState({ status: 'idle' }); return undefined; }
    setState({ status: 'loading' });
  }, [resetKey]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!ask) { setState({ status: 'idle' }); setBusy(false); return undefined; }
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = async (polls: number) => {
      const answer = await ask();
      if (!current) return;
      setBusy(false);
      if (!answer.ok) { setState({ status: 'error', error: answer.error }); return; }
      if (answer.data.state === 'ready') { setState({ status: 'ready', data: answer.data as T }); return; }
      const progress = answer.data as ReachPreparing;
      if (polls >= MAX_POLLS) {
        setState({ status: 'error', error: { code: 'unavailable', message: 'Listing the audience is taking too long. Try again later, or choose a smaller group.' } });
        return;
      }
      setState({ status: 'preparing', progress });
      timer = setTimeout(() => void run(polls + 1), POLL_MS);
    };
    setBusy(true);
    void run(0);
    return () => { current = false; if (timer) clearTimeout(timer); };
  }, [key, retry]); // eslint-disable-line react-hooks/exhaustive-deps
  return { state, busy };
}
