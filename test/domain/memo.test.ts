import { memoText } from '../../src/domain/text/memo';

describe('memoText', () => {
  test('computes each text once and reads null and undefined as the empty text', () => {
    const seen: string[] = [];
    const upper = memoText((text) => {
      seen.push(text);
      return text.toUpperCase();
    });
    expect([upper('ёж'), upper('ёж'), upper(null), upper(undefined), upper(47)]).toEqual([
      'ЁЖ',
      'ЁЖ',
      '',
      '',
      '47',
    ]);
    expect(seen).toEqual(['ёж', '', '47']);
  });

  test('is bounded: past 50,000 texts the cache starts over instead of growing', () => {
    let calls = 0;
    const same = memoText((text) => {
      calls++;
      return text;
    });
    for (let i = 0; i <= 50000; i++) same(`t${i}`);
    expect(calls).toBe(50001);
    same('t0'); // dropped when the cache was full
    same('t50000'); // kept: added after the drop
    expect(calls).toBe(50002);
  });
});
