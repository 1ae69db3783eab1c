import { decodeDayList, encodeDayList } from '../../src/core/model/day-list';
import { seededRandom } from '../../local/kvs/rng';

describe('per-day lists as stored', () => {
  it('writes zeros as nothing and leaves trailing zeros out', () => {
    expect(encodeDayList([0, 0, 3, 0, 12, 0, 0])).toBe(',,3,,12');
    expect(encodeDayList(new Array(31).fill(0))).toBe('');
    expect(encodeDayList([5, 1])).toBe('5,1');
  });

  it('reads back exactly what it wrote, for random months of counts (negative counts too: a correction in flight)', () => {
    const random = seededRandom(4);
    for (let round = 0; round < 500; round += 1) {
      const length = 28 + Math.floor(random() * 4);
      const counts = Array.from({ length }, () => (random() < 0.6 ? 0 : Math.floor(random() * 1000) - (random() < 0.05 ? 1000 : 0)));
      expect(decodeDayList(encodeDayList(counts), length)).toEqual(counts);
    }
  });

  it('refuses text that is not such a list or is longer than the month', () => {
    expect(decodeDayList('1,x,2', 30)).toBeUndefined();
    expect(decodeDayList('1.5', 30)).toBeUndefined();
    expect(decodeDayList(new Array(32).fill('1').join(','), 31)).toBeUndefined();
    expect(decodeDayList('', 30)).toEqual(new Array(30).fill(0));
  });
});

describe('month rows through the storage codec', () => {
  // The codec is storage code, but pure: what commitOps writes and every reader decodes.
  const { decode, encode } = jest.requireActual<typeof import('../../src/core/storage/codecs')>('../../src/core/storage/codecs');
  const row = {
    contentId: '7', spaceKey: 'ENG', contentType: 'page' as const, monthViews: 4, monthAnonymousViews: 1, month: '2026-02',
    views: [0, 3, 0, 1, ...new Array(24).fill(0)], anonymousViews: [0, 1, ...new Array(26).fill(0)], viewers: [0, 2, 0, 1, ...new Array(24).fill(0)],
    lastViewers: [0, 1, 0, 1, ...new Array(24).fill(0)], sources: { desktop: [0, 3, ...new Array(26).fill(0)], 'mobile-web': [0, 0, 0, 1, ...new Array(24).fill(0)] },
    cells: { 'page.desktop.s': 2 }, status: 'current' as const, version: 3,
  };

  it('stores the lists compactly and reads the row back equal', () => {
    const stored = encode.contentMonth(row);
    expect(stored.views).toBe(',3,,1');
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(row).length / 2);
    expect(decode.contentMonth(JSON.parse(JSON.stringify(stored)))).toEqual(row);
  });

  it('still reads rows written before, with JSON arrays', () => {
    expect(decode.contentMonth(JSON.parse(JSON.stringify(row)))).toEqual(row);
  });

  it('fails loudly on a list that does not fit the month', () => {
    expect(() => decode.contentMonth({ ...encode.contentMonth(row), views: new Array(29).fill('1').join(',') })).toThrow(/day list of 2026-02/);
    expect(() => decode.contentMonth({ ...row, viewers: [1, 2, 3] })).toThrow(/day list/);
  });
});
