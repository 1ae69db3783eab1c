import { kvs } from '@forge/kvs';
import { LIMITS } from '../../../local/kvs';
import { BACKENDS, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';

/** Builds a value nested `depth` containers deep: depth 1 = [0], depth 2 = [[0]], ... */
function nested(depth: number): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) {
    value = i % 2 === 0 ? [value] : { d: value };
  }
  return value;
}

/** A string value whose JSON form is exactly `bytes` bytes (two quote characters included). */
function valueOfJsonSize(bytes: number): string {
  return 'x'.repeat(bytes - 2);
}

describe.each(BACKENDS)('key and value limits (%s)', (kind) => {
  useEmulator(kind);

  it('accepts a 500-character key and refuses 501 with KEY_TOO_LONG', async () => {
    await kvs.set('k'.repeat(500), 1);
    await expect(kvs.get('k'.repeat(500))).resolves.toBe(1);
    await expectKvsError(kvs.set('k'.repeat(501), 1), 'KEY_TOO_LONG', 400);
    await expectKvsError(kvs.entity('counter').set('k'.repeat(501), { count: 1 }), 'KEY_TOO_LONG', 400);
  });

  it('refuses an empty key: KEY_TOO_SHORT for KVS, EMPTY_KEY for entities', async () => {
    await expectKvsError(kvs.set('', 1), 'KEY_TOO_SHORT', 400);
    await expectKvsError(kvs.get(''), 'KEY_TOO_SHORT', 400);
    await expectKvsError(kvs.setSecret('', 1), 'KEY_TOO_SHORT', 400);
    await expectKvsError(kvs.entity('counter').set('', { count: 1 }), 'EMPTY_KEY', 400);
  });

  it.each(['   ', 'a/b', 'caf\u00e9', 'a$b', 'a@b'])('refuses key %j with INVALID_KEY', async (key) => {
    await expectKvsError(kvs.set(key, 1), 'INVALID_KEY', 400);
  });

  it.each(['a b', 'x-y#z', 'ns:key.part_1', ' lead', 'tab\there'])('accepts key %j', async (key) => {
    await kvs.set(key, key);
    await expect(kvs.get(key)).resolves.toBe(key);
  });

  it('accepts a value of exactly 240 KiB and refuses one byte more with MAX_SIZE', async () => {
    await kvs.set('big', valueOfJsonSize(LIMITS.valueMaxBytes));
    await expect(kvs.get<string>('big')).resolves.toHaveLength(LIMITS.valueMaxBytes - 2);
    await expectKvsError(kvs.set('big', valueOfJsonSize(LIMITS.valueMaxBytes + 1)), 'MAX_SIZE', 400);
    await expectKvsError(kvs.setSecret('big', valueOfJsonSize(LIMITS.valueMaxBytes + 1)), 'MAX_SIZE', 400);
  });

  it('measures size in UTF-8 bytes, not characters', async () => {
    const threeByteChars = '\u20ac'.repeat(Math.floor(LIMITS.valueMaxBytes / 3)); // under the limit in chars, over in bytes
    await expectKvsError(kvs.set('utf8', threeByteChars), 'MAX_SIZE', 400);
  });

  it('accepts depth 31 and refuses depth 32 with MAX_DEPTH', async () => {
    await kvs.set('deep', nested(31));
    await expect(kvs.get('deep')).resolves.toEqual(nested(31));
    await expectKvsError(kvs.set('deep', nested(32)), 'MAX_DEPTH', 400);
    await expectKvsError(kvs.entity('page-view').set('deep', { extra: nested(32) }), 'MAX_DEPTH', 400);
  });
});
