import { decodeResume, encodeResume } from '../../src/core/resume-cursor';

describe('resume cursor', () => {
  it('round-trips a storage cursor and a position inside its page', () => {
    for (const point of [{ cursor: null, skip: 0 }, { cursor: 'abc+/=_-', skip: 37 }, { cursor: 'x'.repeat(1_200), skip: 99 }]) {
      const text = encodeResume(point);
      expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeResume(text)).toEqual(point);
    }
  });

  it('refuses what it did not write', () => {
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const text of ['', 'not-a-cursor', forged({ cursor: 'a', skip: 1 }), forged(['a', -1]), forged(['a', 1.5]), forged(['a', 5_000]), forged([3, 1]), forged(['', 1]), forged(['x'.repeat(1_201), 0])]) {
      expect(decodeResume(text)).toBeNull();
    }
  });
});
