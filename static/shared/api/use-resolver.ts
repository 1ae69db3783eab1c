/** Loads one resolver's answer when a component mounts; `reload` asks again (null while loading). */
import { useCallback, useEffect, useState } from 'react';
import type { Envelope } from '@contracts/envelope';
import type { PayloadOf, ResolverKey, ResultOf } from '@contracts/resolvers';
import { invokeResolver } from './invoke-resolver';

export function useResolver<K extends ResolverKey>(key: K, payload: PayloadOf<K>): { answer: Envelope<ResultOf<K>> | null; reload: () => void } {
  const [answer, setAnswer] = useState<Envelope<ResultOf<K>> | null>(null);
  const payloadText = JSON.stringify(payload);
  const load = useCallback(async () => {
    setAnswer(null);
    setAnswer(await invokeResolver(key, JSON.parse(payloadText) as PayloadOf<K>));
  }, [key, payloadText]);
  useEffect(() => {
    void load();
  }, [load]);
  return { answer, reload: () => void load() };
}
