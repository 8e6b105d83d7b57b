/** The index of answers by ОУ (src/domain/responseIndex.ts): lines, parsing, checksum, blocks. */
import {
  answerLine,
  answerRows,
  blockLine,
  blockStart,
  decodeRows,
  encodeRows,
  indexLines,
  lineChecksum,
  linesChecksum,
  parseIndex,
} from '../../src/domain/responseIndex';

const BLOCK_TABS = ['Участники', 'Приказы', 'Отчёты ОУ', 'Результаты'];

describe('rows as text', () => {
  test('runs of consecutive rows are written as ranges, in order, once', () => {
    expect(encodeRows([9, 2, 3, 4, 7, 3])).toBe('2-4,7,9');
    expect(encodeRows([])).toBe('');
    expect(decodeRows('2-4,7,9')).toEqual([2, 3, 4, 7, 9]);
    expect(decodeRows('')).toEqual([]);
  });

  test('text that is not a list of rows is refused', () => {
    expect(decodeRows('5,7;8')).toBeNull();
    expect(decodeRows('9-3')).toBeNull();
    expect(decodeRows('5.7')).toBeNull();
  });
});

describe('the index as lines', () => {
  const index = {
    meta: {
      placed: { registration: { rows: 9, last: 1633000000000, max: 1633000000000 } },
      tabs: { Участники: 5 },
      complete: true,
    },
    answers: new Map([
      ['ГБОУ СОШ № 47', { registration: [2, 3, 4], order: [2] }],
      ['школа 47 (опечатка)', { registration: [9] }],
    ]),
    blocks: new Map([
      ['ШКОЛА-47', [4, 1, 0, 0]],
      ['ДОУ-21', [1, 0, 0, 0]],
      ['ШКОЛА-51', [0, 0, 0, 0]],
    ]),
  };

  test('sorted by key, the «#» line first, ОУ blocks with no rows left out', () => {
    const lines = indexLines(index, BLOCK_TABS);
    expect(lines.map((l) => l[0])).toEqual([
      '#',
      'ОУ: ДОУ-21',
      'ОУ: ШКОЛА-47',
      'ответ: ГБОУ СОШ № 47',
      'ответ: школа 47 (опечатка)',
    ]);
    expect(lines[3]).toEqual(['ответ: ГБОУ СОШ № 47', '2-4', '', '2', '', '', '', '', '']);
    expect(lines[2]).toEqual(['ОУ: ШКОЛА-47', '', '', '', '', 4, 1, 0, 0]);
  });

  test('read back as written; the checksum covers every line but «#»', () => {
    const lines = indexLines(index, BLOCK_TABS);
    const parsed = parseIndex(lines, BLOCK_TABS)!;
    expect(parsed.meta).toEqual(index.meta);
    expect(answerRows(parsed.answers.get('ГБОУ СОШ № 47')!)).toEqual({
      registration: [2, 3, 4],
      order: [2],
    });
    expect(parsed.blocks.get('ШКОЛА-47')).toEqual([4, 1, 0, 0]);
    expect(parsed.checksum).toBe(linesChecksum(lines));
    // Cells read back as numbers or text give the same checksum.
    const asRead = lines.map((l) => l.map((c) => (c === '' ? '' : String(c))));
    expect(linesChecksum(asRead)).toBe(parsed.checksum);
    // A row number removed by hand shows.
    const edited = lines.map((l) => l.slice());
    edited[3]![1] = '2-3';
    expect(linesChecksum(edited)).not.toBe(parsed.checksum);
  });

  test('a line swapped in place: the sum less the old line plus the new one', () => {
    const lines = indexLines(index, BLOCK_TABS);
    const old = lines[2]!;
    const next = blockLine('ШКОЛА-47', [5, 1, 0, 0], 9);
    const updated = lines.map((l) => (l === old ? next : l));
    const sum = (linesChecksum(lines) - lineChecksum(old) + lineChecksum(next) + 2 ** 32) % 2 ** 32;
    expect(linesChecksum(updated)).toBe(sum);
  });

  test('no readable «#» line or an unknown key: no index; a bad list: no rows for that answer', () => {
    const lines = indexLines(index, BLOCK_TABS);
    expect(parseIndex(lines.slice(1), BLOCK_TABS)).toBeNull();
    expect(parseIndex([...lines, ['что-то', '']], BLOCK_TABS)).toBeNull();
    const bad = lines.map((l) => l.slice());
    bad[3]![1] = '2;4';
    expect(answerRows(parseIndex(bad, BLOCK_TABS)!.answers.get('ГБОУ СОШ № 47')!)).toBeNull();
  });

  test('a list too long for a cell is kept as «*»: the submit then projects everything', () => {
    const many = Array.from({ length: 20000 }, (_, i) => 2 + i * 2);
    const line = answerLine('ГБОУ СОШ № 47', { registration: many }, 9);
    expect(line[1]).toBe('*');
    const parsed = parseIndex([indexLines(index, BLOCK_TABS)[0]!, line], BLOCK_TABS)!;
    expect(answerRows(parsed.answers.get('ГБОУ СОШ № 47')!)).toEqual({ registration: null });
  });
});

test('a block starts after the blocks of every ОУ before it, in key order', () => {
  const blocks = new Map([
    ['ШКОЛА-51', [2, 0, 0, 0]],
    ['ДОУ-104', [3, 1, 0, 0]],
    ['ДОУ-21', [1, 2, 0, 0]],
    ['ШКОЛА-47', [4, 0, 0, 0]],
  ]);
  // ДОУ-21 before ДОУ-104 (numbers as numbers), ДОУ before ШКОЛА.
  expect(blockStart(blocks, 'ДОУ-21', 0)).toBe(0);
  expect(blockStart(blocks, 'ДОУ-104', 0)).toBe(1);
  expect(blockStart(blocks, 'ШКОЛА-47', 0)).toBe(4);
  expect(blockStart(blocks, 'ШКОЛА-51', 0)).toBe(8);
  expect(blockStart(blocks, 'ШКОЛА-50', 0)).toBe(8); // a new ОУ goes where it sorts
  expect(blockStart(blocks, 'ШКОЛА-47', 1)).toBe(3);
});
