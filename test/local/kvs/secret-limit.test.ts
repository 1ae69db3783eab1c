/**
 * strictness.secretMaxBytes: Forge secrets "may be up to 128 KiB in size" (other values 240 KiB);
 * a larger secret answers the documented MAX_SIZE.
 */
import { kvs } from '@forge/kvs';
import { BACKENDS, useEmulator } from './helpers/harness';
import { expectKvsError } from './helpers/expect-error';

const KIB = 1024;
/** A JSON string value of exactly `bytes` UTF-8 bytes once serialised (two quotes included). */
const stringOfBytes = (bytes: number): string => 'x'.repeat(bytes - 2);

describe.each(BACKENDS)('secret size limit (%s)', (kind) => {
  describe('default (128 KiB, as documented)', () => {
    useEmulator(kind);

    it('stores a secret of exactly 128 KiB and refuses one byte more with MAX_SIZE', async () => {
      await kvs.setSecret('fits', stringOfBytes(128 * KIB));
      await expect(kvs.getSecret('fits')).resolves.toHaveLength(128 * KIB - 2);
      await expectKvsError(kvs.setSecret('too-big', stringOfBytes(128 * KIB + 1)), 'MAX_SIZE', 400);
      await expect(kvs.getSecret('too-big')).resolves.toBeUndefined();
    });

    it('keeps the 240 KiB limit for values that are not secrets', async () => {
      await kvs.set('plain', stringOfBytes(200 * KIB));
      await expect(kvs.get('plain')).resolves.toHaveLength(200 * KIB - 2);
    });
  });

  describe('configured', () => {
    useEmulator(kind, { strictness: { secretMaxBytes: 1 * KIB } });

    it('refuses a secret above the configured size', async () => {
      await kvs.setSecret('small', stringOfBytes(KIB));
      await expectKvsError(kvs.setSecret('small', stringOfBytes(KIB + 1)), 'MAX_SIZE', 400);
    });
  });
});
