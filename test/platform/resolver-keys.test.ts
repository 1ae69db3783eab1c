import { resolver } from '../../src';
import { startAppStore, type AppStore } from '../support/app-store';

let store: AppStore;
beforeEach(() => { store = startAppStore(); });
afterEach(() => store.stop());

describe('resolver function keys', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'noSuchResolver'])(
    'answers %s with a clean error, echoing nothing of the payload or context',
    async (functionKey) => {
      const answer: unknown = await resolver(
        { call: { functionKey, payload: { secret: 'payload-secret' } }, context: { extension: { note: 'context-secret' } } },
        { principal: { accountId: 'acc-1' } },
      );
      expect(answer).toEqual({ ok: false, error: { code: 'invalid-input', message: expect.any(String) } });
      expect(JSON.stringify(answer)).not.toMatch(/secret/);
    },
  );

  it('refuses a payload sent to a resolver that takes none, instead of ignoring it', async () => {
    for (const functionKey of ['getSettings', 'getViewApi', 'rotateViewApiToken', 'revokeViewApiToken', 'getViewApiRequests']) {
      const answer: unknown = await resolver({ call: { functionKey, payload: { anything: 'x'.repeat(1000) } }, context: {} }, { principal: { accountId: 'acc-1' } });
      expect(answer).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-input' }) });
    }
  });
});
