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
  BLOCK_TABS,
  INDEX_WIDTH,
  INDEX_HEADER,
  ROWS_COLUMN,
} from '../../src/domain/responseIndex';

test('the header names the block columns in BLOCK_TABS order, then the lists of rows', () => {
  expect(INDEX_HEADER).toHaveLength(INDEX_WIDTH);
  expect(INDEX_HEADER.slice(1, ROWS_COLUMN)).toEqual(BLOCK_TABS.map((t) => `Блок: ${t}`));
  expect(INDEX_HEADER[ROWS_COLUMN]).toBe('Строки: регистрация');
});

test('the header is the layout installed tabs already have (a contract: derived from the registry)', () => {
  expect(INDEX_HEADER).toEqual([
    'Ключ',
    'Блок: Участники',
    'Блок: Приказы',
    'Блок: Отчёты ОУ',
    'Блок: Результаты',
    'Строки: регистрация',
    'Строки: отчёты',
    'Строки: приказы',
    'Строки: результаты',
  ]);
});

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
    const lines = indexLines(index);
    expect(lines.map((l) => l[0])).toEqual([
      '#',
      'ОУ: ДОУ-21',
      'ОУ: ШКОЛА-47',
      'ответ: ГБОУ СОШ № 47',
      'ответ: школа 47 (опечатка)',
    ]);
    expect(lines[3]).toEqual(['ответ: ГБОУ СОШ № 47', '', '', '', '', '2-4', '', '2', '']);
    expect(lines[2]).toEqual(['ОУ: ШКОЛА-47', 4, 1, 0, 0, '', '', '', '']);
  });

  test('read back as written; the checksum covers every line but «#»', () => {
    const lines = indexLines(index);
    const parsed = parseIndex(lines)!;
    expect(parsed.meta).toEqual(index.meta);
    expect(parsed.lines).toBe(4);
    expect(answerRows(lines[parsed.answers.get('ГБОУ СОШ № 47')!]!)).toEqual({
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
    edited[3]![ROWS_COLUMN] = '2-3';
    expect(linesChecksum(edited)).not.toBe(parsed.checksum);
  });

  test('a line swapped in place: the sum less the old line plus the new one', () => {
    const lines = indexLines(index);
    const old = lines[2]!;
    const next = blockLine('ШКОЛА-47', [5, 1, 0, 0]);
    const updated = lines.map((l) => (l === old ? next : l));
    const sum = (linesChecksum(lines) - lineChecksum(old) + lineChecksum(next) + 2 ** 32) % 2 ** 32;
    expect(linesChecksum(updated)).toBe(sum);
  });

  test('no readable «#» line or an unknown key: no index; a bad list: no rows for that answer', () => {
    const lines = indexLines(index);
    expect(parseIndex(lines.slice(1))).toBeNull();
    const unknown = ['что-то', ...new Array<string>(INDEX_WIDTH - 1).fill('')];
    expect(parseIndex([...lines.slice(0, 2), unknown, ...lines.slice(3)])).toBeNull();
    const bad = lines.map((l) => l.slice());
    bad[3]![ROWS_COLUMN] = '2;4';
    expect(answerRows(bad[parseIndex(bad)!.answers.get('ГБОУ СОШ № 47')!]!)).toBeNull();
  });

  test('a line added or deleted by hand: not as many lines as the «#» line says, no index', () => {
    const lines = indexLines(index);
    expect(parseIndex(lines)).not.toBeNull();
    expect(parseIndex(lines.filter((_, i) => i !== 2))).toBeNull();
    expect(parseIndex([...lines, blockLine('ШКОЛА-51', [1, 0, 0, 0])])).toBeNull();
    // A blank line (what clearing a line by hand leaves) is no line.
    expect(parseIndex([...lines, new Array<string>(INDEX_WIDTH).fill('')])).not.toBeNull();
  });

  test('a list too long for a cell is kept as «*»: the submit then projects everything', () => {
    const many = Array.from({ length: 20000 }, (_, i) => 2 + i * 2);
    const line = answerLine('ГБОУ СОШ № 47', { registration: many });
    expect(line[ROWS_COLUMN]).toBe('*');
    const lines = indexLines({
      ...index,
      answers: new Map([['ГБОУ СОШ № 47', { registration: many }]]),
    });
    expect(lines).toContainEqual(line);
    const parsed = parseIndex(lines)!;
    expect(answerRows(lines[parsed.answers.get('ГБОУ СОШ № 47')!]!)).toEqual({
      registration: null,
    });
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
