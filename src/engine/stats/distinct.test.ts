import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DistinctCounter } from './distinct.js';

describe('DistinctCounter', () => {
  it('counts exactly below its limit, whatever the duplicates', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 300 }), (values) => {
        const counter = new DistinctCounter();
        for (const v of values) counter.addString(v);
        expect(counter.count()).toBe(new Set(values).size);
        expect(counter.approximate).toBe(false);
      }),
    );
  });

  it('keeps values apart that differ only in every other character, in their order or in length', () => {
    // Each hash step reads two characters as one word: none of them may be lost to the other.
    const values = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const digits = String(i).padStart(6, '0');
      values.add([...digits].map((d) => `0${d}`).join('')); // differs only at odd positions
      values.add([...digits].map((d) => `${d}0`).join('')); // only at even positions
      values.add(`62${digits}`.slice(0, 2 + (i % 7)));
    }
    values.add('\0').add('\0\0').add('ab').add('ba').add('\u0100').add('\u0001\u0001');
    const counter = new DistinctCounter(1 << 20);
    for (const v of values) counter.addString(v);
    for (const v of values) counter.addString(v);
    expect(counter.count()).toBe(values.size);
  });

  it('counts digit values exactly, leading zeros and length included', () => {
    const digitValue = fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 19 });
    fc.assert(
      fc.property(fc.array(digitValue, { maxLength: 300 }), (values) => {
        const counter = new DistinctCounter();
        for (const v of values) counter.addDigits(Uint8Array.from([7, ...v, 7]), 1, v.length + 1);
        expect(counter.count()).toBe(new Set(values.map((v) => v.join(''))).size);
      }),
    );
    const counter = new DistinctCounter(1 << 20);
    for (let i = 0; i < 200_000; i++) {
      const text = String(i);
      counter.addDigits(Uint8Array.from(text, Number), 0, text.length);
      counter.addDigits(Uint8Array.from(`0${text}`, Number), 0, text.length + 1);
    }
    expect(counter.count()).toBe(400_000);
  });

  it('switches to an estimate within 3% past its limit', () => {
    const counter = new DistinctCounter(10_000);
    for (let i = 0; i < 200_000; i++) counter.addString(`user${i}@mail.co.id`);
    expect(counter.approximate).toBe(true);
    expect(Math.abs(counter.count() - 200_000) / 200_000).toBeLessThan(0.03);
  });

  it('merges workers: exact with exact stays exact, exact with estimate becomes an estimate', () => {
    const a = new DistinctCounter(), b = new DistinctCounter();
    for (let i = 0; i < 1000; i++) a.addString(String(i));
    for (let i = 500; i < 1500; i++) b.addString(String(i));
    a.merge(b.state());
    expect(a.count()).toBe(1500);
    // Merged into an empty counter: later adds on either side stay apart.
    const empty = new DistinctCounter();
    empty.merge(a.state());
    a.addString('baru');
    empty.addString('lain');
    empty.addString('0');
    expect([a.count(), empty.count()]).toEqual([1501, 1501]);
    empty.merge(a.state());
    expect(empty.count()).toBe(1502);
    // Together past the limit: the estimate is the one counting every key in one counter gives.
    const [x, y, direct] = [new DistinctCounter(2048), new DistinctCounter(2048), new DistinctCounter(2048)];
    for (let i = 0; i < 2000; i++) [x, direct].forEach((c) => c.addString(`a${i}`));
    for (let i = 1000; i < 2900; i++) [y, direct].forEach((c) => c.addString(`a${i}`));
    x.merge(y.state());
    expect([x.approximate, direct.approximate]).toEqual([true, true]);
    expect(x.count()).toBe(direct.count());
    // Past it only with the keys both hold counted twice: still exact.
    const [p, q] = [new DistinctCounter(2048), new DistinctCounter(2048)];
    for (let i = 0; i < 2000; i++) p.addString(`a${i}`);
    for (let i = 1000; i < 2048; i++) q.addString(`a${i}`);
    p.merge(q.state());
    expect([p.approximate, p.count()]).toEqual([false, 2048]);
    const big = new DistinctCounter(100);
    for (let i = 0; i < 5000; i++) big.addString(String(i));
    a.merge(big.state());
    expect(a.approximate).toBe(true);
    expect(Math.abs(a.count() - 5000) / 5000).toBeLessThan(0.05);
  });
});
