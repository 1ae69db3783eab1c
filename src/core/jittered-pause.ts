/**
 * The one backoff between attempts of a conditional write that lost a race: random in
 * [0, min(200 ms, 5 ms × 2^attempt)), so writers that collided do not collide again in lockstep.
 */
export function jitteredPause(attempt: number): Promise<void> {
  const ms = Math.random() * Math.min(200, 5 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
