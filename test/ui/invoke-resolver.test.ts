/**
 * The typed client over the unmodified @forge/bridge, driven through a fake `window.__bridge` exactly as
 * a host page provides it (the bridge looks it up when its module loads).
 */
import type { InvokeResolver } from '../../static/shared/api/invoke-resolver';
import { settingsView } from './fixtures';

type CallBridge = (method: string, args?: unknown) => Promise<unknown>;
const calls: Array<{ method: string; args: unknown }> = [];
let answer: (method: string, args: unknown) => Promise<unknown> = async () => undefined;

let invokeResolver: InvokeResolver;
let createResolverClient: typeof import('../../static/shared/api/invoke-resolver').createResolverClient;

beforeAll(async () => {
  const callBridge: CallBridge = (method, args) => {
    calls.push({ method, args });
    return answer(method, args);
  };
  (globalThis as { __bridge?: { callBridge: CallBridge } }).__bridge = { callBridge };
  ({ invokeResolver, createResolverClient } = await import('../../static/shared/api/invoke-resolver'));
});

beforeEach(() => {
  calls.length = 0;
});

describe('invokeResolver through the bridge', () => {
  it('sends the function key and payload, and returns a checked success', async () => {
    answer = async () => ({ ok: true, data: settingsView() });
    const result = await invokeResolver('getSettings', {});
    expect(calls).toEqual([{ method: 'invoke', args: { functionKey: 'getSettings', payload: {}, metadata: undefined } }]);
    expect(result).toEqual({ ok: true, data: settingsView() });
  });

  it('passes a failure envelope through with its field errors', async () => {
    answer = async () => ({ ok: false, error: { code: 'conflict', message: 'Reload' } });
    expect(await invokeResolver('saveSettings', { settings: settingsView().settings, expectedVersion: 3 })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'Reload' },
    });
    expect(calls[0]?.args).toMatchObject({ functionKey: 'saveSettings', payload: { expectedVersion: 3 } });
  });

  it('turns a thrown bridge error into an `unavailable` failure', async () => {
    answer = async () => {
      throw new Error('network down');
    };
    const result = await invokeResolver('trackView', { channel: 'desktop' });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.error.code).toBe('unavailable');
  });

  it('refuses a success whose data does not match the contract', async () => {
    answer = async () => ({ ok: true, data: { groups: 'none', nextCursor: null } });
    const result = await invokeResolver('searchGroups', { query: 'a' });
    expect(result.ok ? null : result.error.code).toBe('internal');
  });
});

describe('createResolverClient', () => {
  it('works against any transport (a fake here) with the same checks', async () => {
    const seen: Array<[string, object]> = [];
    const client = createResolverClient(async (key, payload) => {
      seen.push([key, payload]);
      return { ok: true, data: { spaces: [{ key: 'ENG', name: 'Engineering' }] } };
    });
    expect(await client('searchSpaces', { query: 'eng' })).toEqual({ ok: true, data: { spaces: [{ key: 'ENG', name: 'Engineering' }] } });
    expect(seen).toEqual([['searchSpaces', { query: 'eng' }]]);
  });
});
