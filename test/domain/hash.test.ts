import { createHash } from 'crypto';
import { base32, sha256, toHex, utf8Bytes } from '../../src/domain/hash';

describe('sha256', () => {
  it.each([
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ])('matches the FIPS test vector for %j', (input, hex) => {
    expect(toHex(sha256(input))).toBe(hex);
  });

  it.each([
    'Иванова|анна',
    'x'.repeat(55),
    'y'.repeat(56),
    'z'.repeat(64),
    'ё'.repeat(300),
    '😀 emoji',
  ])('agrees with Node crypto on %j', (input) => {
    expect(toHex(sha256(input))).toBe(createHash('sha256').update(input, 'utf8').digest('hex'));
  });

  it('encodes UTF-8 like Node', () => {
    expect(utf8Bytes('Ёж😀')).toEqual([...Buffer.from('Ёж😀', 'utf8')]);
  });
});

describe('base32', () => {
  it('uses Crockford digits, 5 bits per char', () => {
    expect(base32([0, 0], 3)).toBe('000');
    expect(base32([0xff, 0xff], 3)).toBe('ZZZ');
    expect(base32([0b00001000, 0b01000010], 3)).toBe('111');
  });
});
