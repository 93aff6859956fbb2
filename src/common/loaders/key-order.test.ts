import { manyInKeyOrder, oneInKeyOrder } from './key-order';

describe('DataLoader key order', () => {
  const rows = [
    { id: 3, parent: 10 },
    { id: 1, parent: 20 },
    { id: 2, parent: 10 },
  ];

  it('gives one row per key, in key order, null for a key without a row', () => {
    expect(oneInKeyOrder([1, 3, 99, 2], rows, (r) => r.id)).toEqual([rows[1], rows[0], null, rows[2]]);
    expect(oneInKeyOrder([], rows, (r) => r.id)).toEqual([]);
    expect(oneInKeyOrder([5], [], (r: { id: number }) => r.id)).toEqual([null]);
  });

  it('answers a key asked twice twice, and ignores rows nobody asked for', () => {
    expect(oneInKeyOrder([2, 2], rows, (r) => r.id)).toEqual([rows[2], rows[2]]);
    expect(oneInKeyOrder(['huawei'], [{ slug: 'zte' }, { slug: 'huawei' }], (r) => r.slug)).toEqual([{ slug: 'huawei' }]);
  });

  it('groups rows per key in key order, keeping the rows in the order they came (id order from SQL)', () => {
    expect(manyInKeyOrder([20, 10, 30], rows, (r) => r.parent)).toEqual([[rows[1]], [rows[0], rows[2]], []]);
    expect(
      manyInKeyOrder(
        ['10:a'],
        [
          { k: '10:a', n: 1 },
          { k: '10:b', n: 2 },
          { k: '10:a', n: 3 },
        ],
        (r) => r.k,
      ),
    ).toEqual([
      [
        { k: '10:a', n: 1 },
        { k: '10:a', n: 3 },
      ],
    ]);
  });

  it('answers a key asked twice with the same list twice', () => {
    const [a, b] = manyInKeyOrder([10, 10], rows, (r) => r.parent);
    expect(a).toEqual([rows[0], rows[2]]);
    expect(b).toBe(a); // one list per distinct key: DataLoader caches per key anyway
  });
});
