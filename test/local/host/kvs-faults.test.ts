/**
 * KVS fault injection reachable from `npm start` (issue 18): the `--kvs-faults` flag of local/start.ts
 * and the developer endpoint /__local/kvs/faults of the running host.
 */
import { kvs } from '@forge/kvs';
import { faultOptionsOf, parseKvsFaultsFlag } from '../../../local/host/kvs-faults';
import { rawRequest, startTestHost, type TestHost } from './helpers/host-server';

describe('--kvs-faults', () => {
  it('takes one rate for refused requests and failed writes alike', () => {
    expect(parseKvsFaultsFlag('0.05')).toEqual({ rejectRate: 0.05, failAfterApplyRate: 0.05 });
  });

  it('takes a list of named settings', () => {
    expect(parseKvsFaultsFlag('reject=0.1,reject-status=500,after-apply=0.02,after-apply-status=504'))
      .toEqual({ rejectRate: 0.1, rejectStatus: 500, failAfterApplyRate: 0.02, failAfterApplyStatus: 504 });
  });

  it.each(['1.5', 'reject=2', 'reject-status=404', 'after-apply-status=429', 'sometimes=0.1', 'reject', 'reject=', 'reject=0.1=2', ''])('refuses %p with a message', (text) => {
    expect(typeof parseKvsFaultsFlag(text)).toBe('string');
  });

  it('turns nothing on when every rate is zero', () => {
    expect(faultOptionsOf({ rejectRate: 0, failAfterApplyRate: 0 })).toBeUndefined();
    expect(faultOptionsOf({ rejectRate: 0.5 })).toEqual({ rejectRate: 0.5 });
  });
});

describe('/__local/kvs/faults', () => {
  let host: TestHost;
  const json = { 'content-type': 'application/json' };

  beforeAll(async () => {
    host = await startTestHost();
  });

  afterAll(async () => {
    await host.close();
  });

  it('starts without faults', async () => {
    const answer = await rawRequest(host.port, 'GET', '/__local/kvs/faults');
    expect(JSON.parse(answer.body)).toEqual({ faults: null, rejectedRequests: 0, failedAfterApply: 0 });
    await kvs.set('probe', 1);
    await expect(kvs.get('probe')).resolves.toBe(1);
  });

  it('turns refusals on: the app\'s storage calls then fail with 429, and the count shows it', async () => {
    const on = await rawRequest(host.port, 'POST', '/__local/kvs/faults', json, JSON.stringify({ rejectRate: 1 }));
    expect(on.status).toBe(200);
    expect(JSON.parse(on.body)).toMatchObject({ faults: { rejectRate: 1 } });
    await expect(kvs.get('probe')).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const state = JSON.parse((await rawRequest(host.port, 'GET', '/__local/kvs/faults')).body) as { rejectedRequests: number };
    expect(state.rejectedRequests).toBeGreaterThanOrEqual(1);
  });

  it('turns writes applied-then-failed on', async () => {
    await rawRequest(host.port, 'POST', '/__local/kvs/faults', json, JSON.stringify({ failAfterApplyRate: 1, failAfterApplyStatus: 504 }));
    await expect(kvs.set('probe', 2)).rejects.toMatchObject({ code: 'GATEWAY_TIMEOUT' });
    await rawRequest(host.port, 'DELETE', '/__local/kvs/faults');
    await expect(kvs.get('probe')).resolves.toBe(2);
  });

  it('turns faults off with DELETE or with zero rates', async () => {
    await rawRequest(host.port, 'POST', '/__local/kvs/faults', json, JSON.stringify({ rejectRate: 1 }));
    const off = await rawRequest(host.port, 'POST', '/__local/kvs/faults', json, JSON.stringify({ rejectRate: 0 }));
    expect(JSON.parse(off.body)).toMatchObject({ faults: null });
    await expect(kvs.get('probe')).resolves.toBe(2);
  });

  it.each([{ rejectRate: 2 }, { rejectStatus: 404, rejectRate: 0.5 }, { decide: 'x' }])('refuses %p with 400', async (body) => {
    const answer = await rawRequest(host.port, 'POST', '/__local/kvs/faults', json, JSON.stringify(body));
    expect(answer.status).toBe(400);
    expect(host.services.store.faults()).toBeUndefined();
  });
});
