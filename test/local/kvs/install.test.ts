import { kvs } from '@forge/kvs';
import { ForgeFetch, installKvsEmulator, KvsEmulator } from '../../../local/kvs';

interface ForgeGlobals {
  __forge_fetch__?: ForgeFetch;
  __forge_runtime__?: unknown;
}
const g = globalThis as unknown as ForgeGlobals;

describe('installKvsEmulator', () => {
  afterEach(() => {
    delete g.__forge_fetch__;
    delete g.__forge_runtime__;
  });

  it('routes the @forge/kvs client to the emulator it creates', async () => {
    const { emulator, uninstall } = installKvsEmulator();
    await kvs.set('k', 'v');
    expect(emulator.stats().requestsByPath).toEqual({ '/api/v1/set': 1 });
    await expect(kvs.get('k')).resolves.toBe('v');
    uninstall();
    emulator.close();
  });

  it('uses a given emulator, and passes every other call type to the fallback', async () => {
    const emulator = new KvsEmulator();
    const calls: unknown[] = [];
    const fallback: ForgeFetch = async (target, path, init) => {
      calls.push([target, path, init?.method]);
      return new Response('{"ok":true}', { status: 200 });
    };
    const installed = installKvsEmulator({ emulator, fallback });
    expect(installed.emulator).toBe(emulator);
    const target = { type: 'fpp', provider: 'none', remote: 'confluence' };
    const response = await g.__forge_fetch__?.(target, '/wiki/rest/api/space', { method: 'GET' });
    await expect(response?.json()).resolves.toEqual({ ok: true });
    expect(calls).toEqual([[target, '/wiki/rest/api/space', 'GET']]);
    await kvs.set('still-kvs', 1);
    expect(emulator.stats().writeRequests).toBe(1);
    installed.uninstall();
  });

  it('rejects unhandled call types with a clear error when there is no fallback', async () => {
    const { uninstall } = installKvsEmulator();
    await expect(g.__forge_fetch__?.({ type: 'fpp' }, '/wiki/x', {})).rejects.toThrow(/no handler for type "fpp".*fallback/);
    uninstall();
  });

  it('restores the previous __forge_fetch__, but never removes a newer one', async () => {
    const previous: ForgeFetch = async () => new Response(null, { status: 204 });
    g.__forge_fetch__ = previous;
    const first = installKvsEmulator();
    expect(g.__forge_fetch__).toBe(first.fetch);
    first.uninstall();
    expect(g.__forge_fetch__).toBe(previous);

    const second = installKvsEmulator();
    const newer: ForgeFetch = async () => new Response(null, { status: 204 });
    g.__forge_fetch__ = newer;
    second.uninstall();
    expect(g.__forge_fetch__).toBe(newer);
  });

  it('refuses to install when __forge_runtime__ points @forge/kvs at a real KVS url', () => {
    g.__forge_runtime__ = { kvs: { url: 'https://kvs.example', host: 'kvs.example' } };
    expect(() => installKvsEmulator()).toThrow(/__forge_runtime__\.kvs\.url/);
    expect(g.__forge_fetch__).toBeUndefined();
  });

  it('validates the manifest entity definitions up front', () => {
    expect(() => new KvsEmulator({ entities: [{ name: 'Bad Name', attributes: {} }] })).toThrow(/entity name/);
    expect(() => new KvsEmulator({ entities: [{ name: 'ok-name', attributes: { a: { type: 'any' } }, indexes: ['a'] }] })).toThrow(/typed attribute/);
    expect(() => new KvsEmulator({ entities: [{ name: 'ok-name', attributes: { a: { type: 'string' } }, indexes: ['missing'] }] })).toThrow(/declared/);
  });
});
