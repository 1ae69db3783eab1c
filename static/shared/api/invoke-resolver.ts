/**
 * The one typed client of the resolver contract. Every app calls the backend through `invokeResolver`,
 * which checks the key's payload type at compile time and the answer's shape at run time.
 */
import { invoke } from '@forge/bridge';
import type { Envelope } from '@contracts/envelope';
import type { PayloadOf, ResolverKey, ResultOf } from '@contracts/resolvers';
import { failure, parseEnvelope } from './envelope';
import { RESULT_GUARDS } from './result-guards';

/** The transport: `@forge/bridge`'s `invoke` in the apps, a fake in tests. */
export type InvokeTransport = (functionKey: string, payload: object) => Promise<unknown>;

export type InvokeResolver = <K extends ResolverKey>(key: K, payload: PayloadOf<K>) => Promise<Envelope<ResultOf<K>>>;

export function createResolverClient(transport: InvokeTransport): InvokeResolver {
  return async function invokeResolver<K extends ResolverKey>(key: K, payload: PayloadOf<K>) {
    let raw: unknown;
    try {
      raw = await transport(key, payload);
    } catch {
      // The bridge throws when the host is unreachable, the call is rate limited or the function crashed:
      // all of them are worth a retry, none of them tells the user anything more useful.
      return failure('unavailable', 'Viewtracker could not reach its backend. Check your connection and try again.');
    }
    return parseEnvelope(raw, RESULT_GUARDS[key]);
  };
}

export const invokeResolver: InvokeResolver = createResolverClient((functionKey, payload) => invoke(functionKey, { ...payload }));
