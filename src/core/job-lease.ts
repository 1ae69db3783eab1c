/**
 * The lease of a resumable background job (the inventory and month-row backfills): scheduled runs,
 * the installed trigger and the settings page may all try to continue a job, and only one at a time
 * should; a run that dies leaves a lease that expires a minute after its deadline.
 */
export interface LeasedJob {
  state: string;
  leaseUntil: number;
}

const LEASE_GRACE_MS = 60_000;

/** The job leased to a run that works until `deadline`, or null: not running, or another run holds it. */
export function takeLease<J extends LeasedJob>(job: J, nowMs: number, deadline: number): J | null {
  if (job.state !== 'running' || job.leaseUntil > nowMs) return null;
  return { ...job, leaseUntil: deadline + LEASE_GRACE_MS };
}

/** The job as the run leaves it, free for the next run. */
export function releaseLease<J extends LeasedJob>(job: J): J {
  return { ...job, leaseUntil: 0 };
}
