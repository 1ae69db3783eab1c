import { releaseLease, takeLease } from '../../src/core/job-lease';

describe('a background job lease', () => {
  const running = { state: 'running', leaseUntil: 0, cursor: 'c' };

  it('is taken by a run of a running job that nobody holds, until a minute after the run’s deadline', () => {
    expect(takeLease(running, 1_000, 5_000)).toEqual({ state: 'running', leaseUntil: 65_000, cursor: 'c' });
  });

  it('is refused while another run holds it, and for a job that is not running', () => {
    expect(takeLease({ ...running, leaseUntil: 2_000 }, 1_000, 5_000)).toBeNull();
    expect(takeLease({ ...running, state: 'done' }, 1_000, 5_000)).toBeNull();
  });

  it('expires: a crashed run’s lease can be taken once its time has passed', () => {
    expect(takeLease({ ...running, leaseUntil: 2_000 }, 2_001, 5_000)?.leaseUntil).toBe(65_000);
  });

  it('is released for the next run, keeping the rest of the job', () => {
    expect(releaseLease({ ...running, leaseUntil: 65_000 })).toEqual(running);
  });
});
