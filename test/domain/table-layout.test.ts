/**
 * Column widths from what a table holds (domain/tableLayout.ts): numbers narrow, names and
 * titles wide, no column narrower than its longest word, the page's width shared out whole.
 */
import { columnWidths, leastWidths, tableLayout } from '../../src/domain/tableLayout';

const PAGE = 467.8; // A4 less 3 cm and 1,5 cm margins

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

describe('columnWidths', () => {
  test('a plan table: «№» narrow, «Мероприятие» the widest, the page filled', () => {
    const widths = columnWidths(
      [
        ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Отметка о выполнении'],
        [
          '2.1',
          'Информационный мониторинг участия образовательных организаций Невского района Санкт-Петербурга в чемпионатах в формате KidSkills',
          'Апрель-май 2021',
          'ГБДОУ, ГБОУ Невского района',
          'Выполнено',
        ],
        [
          '2.6',
          'Заключение соглашений с партнерами',
          'Июнь 2021 – май 2022',
          'Опорный центр',
          'Не выполнено',
        ],
      ],
      PAGE,
      12,
    );
    const [number, title, deadline, responsible, mark] = widths as [
      number,
      number,
      number,
      number,
      number,
    ];
    expect(sum(widths)).toBeCloseTo(PAGE, 0);
    expect(number).toBeLessThan(40);
    expect(title).toBeGreaterThan(Math.max(deadline, responsible, mark));
    expect(title).toBeGreaterThan(PAGE / 3);
    // «Ответственный» and «выполнении» (bold in the header) are not cut.
    expect(responsible).toBeGreaterThan(12 * 0.54 * 13);
    expect(mark).toBeGreaterThan(12 * 0.54 * 10);
  });

  test('a table of numbers that fits on one line keeps its proportions; widths differ with content', () => {
    const widths = columnWidths(
      [
        ['Тип ОУ', 'Всего', 'Участвуют', 'Доля, %'],
        ['Учреждения ДО', '1', '0', '0,0'],
        ['ДОУ', '51', '45', '88,2'],
      ],
      PAGE,
      12,
    );
    expect(sum(widths)).toBeCloseTo(PAGE, 0);
    expect(new Set(widths.map(Math.round)).size).toBeGreaterThan(2);
    expect(widths[0]).toBeGreaterThan(widths[1]!);
  });

  test('a number with a non-breaking space is one word; a header may wrap between words', () => {
    const [left, right] = columnWidths(
      [
        ['Обучающихся в подготовке', 'Итого'],
        ['1\u00a0874 (−450)', '1'],
      ],
      120,
      12,
    ) as [number, number];
    expect(left + right).toBeCloseTo(120, 0);
    // The wide column is as wide as «1 874 (−450)» needs at least.
    expect(left).toBeGreaterThan(12 * 0.33 * 4 + 12 * 0.54 * 7);
  });

  test('when even the longest words do not fit, the widest columns give way and numbers keep theirs', () => {
    const widths = columnWidths([['Результативность', 'Благодарственное']], 100, 12);
    expect(widths[0]).toBeCloseTo(50, 0);
    expect(sum(widths)).toBeCloseTo(100, 0);
    const [name, number] = columnWidths(
      [
        ['Компетенция', '14+'],
        ['Нейропилотирование', '473'],
      ],
      100,
      12,
    ) as [number, number];
    expect(name + number).toBeCloseTo(100, 0);
    // «473» and «14+» stay whole: the name column is the one that wraps.
    expect(number).toBeGreaterThan(12 * 0.54 * 3 + 10);
    expect(name).toBeLessThan(100 - 12 * 0.54 * 3 - 10);
  });

  test('a word joined by hyphens may wrap after them; one joined by slashes may not', () => {
    const least = (title: string): number => leastWidths([['Мероприятие'], [title]], 12)[0]!;
    // «ОУ-участников-победителей» breaks after its hyphens (LibreOffice and Docs do): its least
    // width is that of «победителей», as for the words written apart.
    expect(least('ОУ-участников-победителей')).toBeCloseTo(least('ОУ участников победителей'), 5);
    // LibreOffice keeps «педагогов/родителей/обучающихся» whole.
    expect(least('педагогов/родителей/обучающихся')).toBeGreaterThan(
      least('педагогов родителей обучающихся') * 2,
    );
  });
});

describe('tableLayout', () => {
  const ages = [
    [
      'Компетенция',
      '1–2 класс',
      '3–4 класс',
      '5–7 лет',
      '6+',
      '8+',
      '8–10 лет',
      '10+',
      '14+',
      'Мастерята',
      'Всего',
    ],
    ['Сетевое и системное администрирование', '0', '0', '0', '0', '0', '0', '0', '5', '0', '5'],
    ['Кулинарное дело', '2', '6', '18', '21', '4', '2', '0', '0', '18', '71'],
    ['Итого', '34', '31', '86', '83', '46', '40', '42', '33', '78', '473'],
  ];

  test('a table too wide for the page at 12 points is set smaller, so no number is broken', () => {
    const { fontSize, widths } = tableLayout(ages, PAGE, 12);
    expect(fontSize).toBeLessThan(12);
    expect(fontSize).toBeGreaterThanOrEqual(10);
    expect(sum(widths)).toBeCloseTo(PAGE, 0);
    // Every column of figures at least as wide as its longest number or header word.
    for (let c = 1; c < ages[0]!.length; c++) {
      const longest = Math.max(
        ...ages.slice(1).map((r) => r[c]!.length),
        ...ages[0]![c]!.split(' ').map((w) => w.length),
      );
      expect(widths[c]).toBeGreaterThan(longest * fontSize * 0.45);
    }
  });

  test('one long word that does not fit sets the table a point smaller rather than breaking it', () => {
    const { fontSize, widths } = tableLayout(
      [
        ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Отметка о выполнении'],
        [
          '6.4',
          'Определение целевой аудитории и тематики контента для педагогов/родителей/обучающихся',
          'Октябрь 2021 далее постоянно',
          'ГБДОУ, ГБОУ Невского района, педагогическая общественность, обучающиеся',
          'Выполнено частично',
        ],
      ],
      PAGE,
      12,
    );
    expect(fontSize).toBe(11);
    expect(Math.max(...widths)).toBe(widths[1]);
    // «педагогов/родителей/обучающихся» fits its column whole at 11 points.
    expect(widths[1]).toBeGreaterThanOrEqual(
      leastWidths([['№'], ['педагогов/родителей/обучающихся']], 11)[0]!,
    );
  });

  test('a table that fits keeps the tables’ size', () => {
    const { fontSize, widths } = tableLayout(
      [
        ['Тип ОУ', 'Всего'],
        ['ДОУ', '51'],
      ],
      PAGE,
      12,
    );
    expect(fontSize).toBe(12);
    expect(widths).toEqual(
      columnWidths(
        [
          ['Тип ОУ', 'Всего'],
          ['ДОУ', '51'],
        ],
        PAGE,
        12,
      ),
    );
  });
});
