import { ForgeKvsAPIError } from '@forge/kvs';

/** Awaits a promise that must reject with the client's ForgeKvsAPIError carrying code and status. */
export async function expectKvsError(promise: Promise<unknown>, code: string, status: number): Promise<ForgeKvsAPIError> {
  const outcome = await promise.then(
    (value: unknown) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) {
    throw new Error(`Expected ${code} (${status}), but the call succeeded with ${JSON.stringify(outcome.value)}`);
  }
  expect(outcome.error).toBeInstanceOf(ForgeKvsAPIError);
  const error = outcome.error as ForgeKvsAPIError;
  expect({ code: error.code, status: error.responseDetails.status }).toEqual({ code, status });
  return error;
}

/** Raw POST to the emulator, for request shapes the client cannot produce. */
export async function rawPost(
  fetcher: (path: string, init: { method: string; body: string }) => Promise<Response>,
  path: string,
  body: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetcher(path, { method: 'POST', body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}
