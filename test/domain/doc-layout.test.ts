/**
 * The Docs layout requests for a document structure as Documents.get returns it: headings and
 * captions keep with the next paragraph, runs of running text are justified in one request each,
 * web addresses become links (in «ОУ: адрес» lines and in a table's link column), every table
 * pins its header row and keeps its rows whole, the signature block stays together.
 */
import { layoutRequests } from '../../src/workspace/docLayout';
import { mapDocumentText, type DocumentModel } from '../../src/domain/document';
import { keepNumberSign, NBSP } from '../../src/domain/text';

type El = Record<string, unknown>;

function para(start: number, text: string, style: El = {}, extra: El = {}): El {
  return {
    startIndex: start,
    endIndex: start + text.length + 1,
    paragraph: {
      elements: [{ textRun: { content: text + '\n' } }],
      paragraphStyle: { namedStyleType: 'NORMAL_TEXT', ...style },
      ...extra,
    },
  };
}

function table(start: number, cells: string[][]): El {
  let at = start + 1;
  const tableRows = cells.map((row) => {
    at += 1;
    return {
      tableCells: row.map((text) => {
        const content = [para(at + 1, text)];
        at += text.length + 2;
        return { content };
      }),
    };
  });
  return { startIndex: start, endIndex: at + 1, table: { rows: cells.length, tableRows } };
}

const URL = 'https://vk.com/school1?w=wall-1';

const MODEL: Pick<DocumentModel, 'signature' | 'sections' | 'appendices'> = {
  signature: { position: 'Руководитель', name: 'Е.В. Французан', date: '05.12.2021' },
  sections: [
    {
      heading: '1. Раздел',
      blocks: [
        { type: 'links', items: [{ label: 'ГБОУ № 1', url: URL }] },
        {
          type: 'links',
          items: [{ label: 'ГБОУ № 2', url: 'file:///C:/пост-релиз.docx' }],
        },
      ],
    },
  ],
  appendices: [
    {
      label: 'Приложение 1',
      title: 'Пост-релизы',
      blocks: [
        {
          type: 'table',
          caption: '',
          header: ['ОУ', 'Пост-релиз'],
          rows: [['ГБОУ № 1', URL]],
          linkColumn: 1,
        },
      ],
    },
  ],
};

describe('layoutRequests', () => {
  // 1 heading, 2–3 running text, 4 caption, 5 table, 6–7 link lines (list items),
  // 8 spacer, 9 signature, 10 date, 11 appendix table.
  const heading = para(1, '1. Раздел', { namedStyleType: 'HEADING_2' });
  const textA = para(11, 'Первый абзац.');
  const textB = para(25, 'Второй абзац.');
  const caption = para(39, 'Таблица 1. Итоги');
  const t = table(56, [
    ['ОУ', 'Итого'],
    ['ГБОУ № 1', '3'],
  ]);
  const tEnd = t.endIndex as number;
  const line = `ГБОУ № 1: ${URL}`;
  const link = para(tEnd, line, {}, { bullet: { listId: 'kix.1' } });
  const file = para(
    tEnd + line.length + 1,
    'ГБОУ № 2: file:///C:/пост-релиз.docx',
    {},
    { bullet: { listId: 'kix.1' } },
  );
  const spacer = para((file.endIndex as number) + 0, '');
  const signature = para(spacer.endIndex as number, 'Руководитель ____________ Е.В. Французан');
  const date = para(signature.endIndex as number, '05.12.2021');
  const appendix = table(date.endIndex as number, [
    ['ОУ', 'Пост-релиз'],
    ['ГБОУ № 1', URL],
  ]);
  const content = [
    { endIndex: 1, sectionBreak: {} },
    heading,
    textA,
    textB,
    caption,
    t,
    link,
    file,
    spacer,
    signature,
    date,
    appendix,
  ];
  const requests = layoutRequests(content, MODEL) as Array<Record<string, Record<string, unknown>>>;
  const of = (kind: string) => requests.filter((r) => r[kind]).map((r) => r[kind]!);

  test('one justify request per run of running text; headings, list items and tables break runs', () => {
    const justified = of('updateParagraphStyle').filter(
      (r) => (r.paragraphStyle as El).alignment === 'JUSTIFIED',
    );
    expect(justified.map((r) => r.range)).toEqual([
      { startIndex: 11, endIndex: caption.endIndex }, // the two paragraphs and the caption
      { startIndex: spacer.startIndex, endIndex: date.endIndex }, // the signature block
    ]);
  });

  test('headings and captions keep with the next paragraph; the signature block stays together', () => {
    const keeps = of('updateParagraphStyle').filter((r) => r.fields !== 'alignment');
    expect(keeps.map((r) => [r.range, r.fields])).toEqual([
      [{ startIndex: 1, endIndex: heading.endIndex }, 'keepWithNext,keepLinesTogether'],
      [{ startIndex: 39, endIndex: caption.endIndex }, 'keepWithNext,keepLinesTogether'],
      [
        // The last line of text before the spacer comes along: the signature is never alone.
        { startIndex: file.startIndex, endIndex: signature.endIndex },
        'keepWithNext,keepLinesTogether',
      ],
      [{ startIndex: date.startIndex, endIndex: date.endIndex }, 'keepLinesTogether'],
    ]);
  });

  test('web addresses become links — after «ОУ: » and in the link column — and nothing else', () => {
    const links = of('updateTextStyle');
    const start = (tEnd as number) + 'ГБОУ № 1: '.length;
    const cell = ((appendix.table as El).tableRows as El[])[1]!.tableCells as El[];
    const cellStart = ((cell[1]!.content as El[])[0] as El).startIndex as number;
    expect(links).toEqual([
      {
        range: { startIndex: start, endIndex: start + URL.length },
        textStyle: { link: { url: URL } },
        fields: 'link',
      },
      {
        range: { startIndex: cellStart, endIndex: cellStart + URL.length },
        textStyle: { link: { url: URL } },
        fields: 'link',
      },
    ]);
  });

  test('every table pins its header row and keeps its rows whole', () => {
    expect(of('pinTableHeaderRows').map((r) => r.tableStartLocation)).toEqual([
      { index: 56 },
      { index: appendix.startIndex },
    ]);
    expect(of('updateTableRowStyle').map((r) => r.tableRowStyle)).toEqual([
      { preventOverflow: true },
      { preventOverflow: true },
    ]);
  });
});

describe('layoutRequests in a document made from a template', () => {
  // The template's approval line (1), then what was generated: heading, subheading, text, a
  // table of eleven columns of figures.
  const approval = para(1, 'УТВЕРЖДАЮ');
  const heading = para(11, '1. Раздел', { namedStyleType: 'HEADING_2' });
  const sub = para(21, 'Подраздел', { namedStyleType: 'HEADING_3' });
  const text = para(31, 'Первый абзац.');
  const header = [
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
  ];
  const wide = table(45, [header, ['Нейропилотирование', ...header.slice(1).map(() => '21')]]);
  const content = [{ endIndex: 1, sectionBreak: {} }, approval, heading, sub, text, wide];
  const look = {
    text: { fontFamily: 'Times New Roman', fontSize: 14, indentFirstLine: 35.4, lineSpacing: 100 },
    table: { fontFamily: 'Times New Roman', fontSize: 12 },
  };
  const requests = layoutRequests(
    content,
    { ...MODEL, sections: [], appendices: [] },
    {
      first: 1,
      count: 4,
      look,
      textWidth: 467.8,
    },
  ) as Array<Record<string, Record<string, unknown>>>;
  const of = (kind: string) => requests.filter((r) => r[kind]).map((r) => r[kind]!);

  test('the text’s font goes over the generated part only; the template’s approval keeps its own', () => {
    const fonts = of('updateTextStyle').filter((r) => String(r.fields).includes('fontSize'));
    expect(fonts[0]).toMatchObject({
      range: { startIndex: 11, endIndex: wide.endIndex },
      textStyle: { fontSize: { magnitude: 14, unit: 'PT' } },
    });
    for (const r of fonts)
      expect((r.range as { startIndex: number }).startIndex).toBeGreaterThanOrEqual(11);
  });

  test('headings and subheadings are bold and black, in the one request each that makes them bold', () => {
    const black = { color: { rgbColor: { red: 0, green: 0, blue: 0 } } };
    expect(
      of('updateTextStyle')
        .filter((r) => String(r.fields) === 'bold,foregroundColor')
        .map((r) => [r.range, r.textStyle]),
    ).toEqual([
      [
        { startIndex: 11, endIndex: 21 },
        { bold: true, foregroundColor: black },
      ],
      [
        { startIndex: 21, endIndex: 31 },
        { bold: true, foregroundColor: black },
      ],
    ]);
  });

  test('a table of eleven columns is set in 10–11 points with a width for every column', () => {
    const tableFont = of('updateTextStyle').find(
      (r) => (r.range as { startIndex: number }).startIndex === 45 && r.textStyle,
    )!;
    const size = (tableFont.textStyle as { fontSize: { magnitude: number } }).fontSize.magnitude;
    expect(size).toBeLessThan(12);
    expect(size).toBeGreaterThanOrEqual(10);
    const widths = of('updateTableColumnProperties').map(
      (r) => (r.tableColumnProperties as { width: { magnitude: number } }).width.magnitude,
    );
    expect(widths).toHaveLength(11);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(467.8, 0);
  });
});

describe('layoutRequests aligns the paragraphs the renderer named, by place', () => {
  // Generated: text, a picture, its caption, text; a page break, an appendix label and title.
  const approval = para(1, 'УТВЕРЖДАЮ');
  const before = para(11, 'Первый абзац.');
  const picture = {
    startIndex: 25,
    endIndex: 27,
    paragraph: {
      elements: [{ inlineObjectElement: {} }, { textRun: { content: '\n' } }],
      paragraphStyle: { namedStyleType: 'NORMAL_TEXT' },
    },
  };
  const caption = para(27, 'Рисунок 1. Участники');
  const after = para(48, 'Второй абзац.');
  const pageBreak = para(62, '');
  const label = para(63, 'Приложение 1');
  const title = para(76, 'Рейтинг ОУ', { namedStyleType: 'HEADING_3' });
  // The same words as the caption, but not named by the renderer: running text.
  const sameWords = para(87, 'Рисунок 1. Участники');
  const content = [
    { endIndex: 1, sectionBreak: {} },
    approval,
    before,
    picture,
    caption,
    after,
    pageBreak,
    label,
    title,
    sameWords,
  ];
  const look = {
    text: { fontFamily: 'Times New Roman', fontSize: 14, indentFirstLine: 35.4, lineSpacing: 100 },
    table: { fontFamily: 'Times New Roman', fontSize: 12 },
  };
  const requests = layoutRequests(
    content,
    { ...MODEL, sections: [], appendices: [] },
    {
      first: 1,
      count: 8,
      look,
      textWidth: 467.8,
      aligned: [
        { index: 1, alignment: 'CENTER' },
        { index: 2, alignment: 'CENTER' },
        { index: 5, alignment: 'END' },
        { index: 6, alignment: 'CENTER' },
        { index: 40, alignment: 'CENTER' }, // no such element: left alone
      ],
    },
  ) as Array<Record<string, Record<string, unknown>>>;
  const styles = requests
    .filter((r) => r.updateParagraphStyle)
    .map((r) => r.updateParagraphStyle!)
    .filter((r) => String(r.fields).includes('alignment'));

  test('each named paragraph gets its alignment once; an index past the generated part is left alone', () => {
    const aligned = styles.filter((r) => r.fields === 'alignment');
    expect(aligned.map((r) => [r.range, (r.paragraphStyle as El).alignment])).toEqual([
      [{ startIndex: 25, endIndex: 27 }, 'CENTER'],
      [{ startIndex: 27, endIndex: caption.endIndex }, 'CENTER'],
      [{ startIndex: 63, endIndex: label.endIndex }, 'END'],
      [{ startIndex: 76, endIndex: title.endIndex }, 'CENTER'],
    ]);
  });

  test('the aligned paragraphs break the runs of justified, indented text and are not in them', () => {
    const justified = styles.filter((r) => (r.paragraphStyle as El).alignment === 'JUSTIFIED');
    expect(justified.map((r) => [r.range, r.fields])).toEqual([
      [{ startIndex: 11, endIndex: 25 }, 'alignment,indentFirstLine'],
      [{ startIndex: 48, endIndex: 63 }, 'alignment,indentFirstLine'], // text and the page break
      [{ startIndex: 87, endIndex: sameWords.endIndex }, 'alignment,indentFirstLine'],
    ]);
  });
});

describe('the document text with «№» kept to its number, as publishDocument prints it', () => {
  const model: DocumentModel = {
    ...MODEL,
    title: 'Справка',
    subtitle: '',
    conclusions: ['ГБОУ № 1 не отчиталось.'],
    recommendations: [],
  };
  const printed = mapDocumentText(model, keepNumberSign);

  test('every text gets the no-break space; web addresses stay exactly as they are', () => {
    expect(printed.conclusions).toEqual([`ГБОУ №${NBSP}1 не отчиталось.`]);
    const links = printed.sections[0]!.blocks;
    expect(links).toEqual([
      { type: 'links', items: [{ label: `ГБОУ №${NBSP}1`, url: URL }] },
      { type: 'links', items: [{ label: `ГБОУ №${NBSP}2`, url: 'file:///C:/пост-релиз.docx' }] },
    ]);
    const table = printed.appendices![0]!.blocks[0]!;
    expect(table).toMatchObject({ rows: [[`ГБОУ №${NBSP}1`, URL]], linkColumn: 1 });
    // The model as built is left as it was.
    expect(model.conclusions).toEqual(['ГБОУ № 1 не отчиталось.']);
  });

  test('docLayout finds the printed link line by the printed model, not by the model as built', () => {
    const line = para(1, `ГБОУ №${NBSP}1: ${URL}`, {}, { bullet: { listId: 'kix.1' } });
    const content = [{ endIndex: 1, sectionBreak: {} }, line];
    const linked = (m: Pick<DocumentModel, 'signature' | 'sections' | 'appendices'>) =>
      layoutRequests(content, m).filter((r) => 'updateTextStyle' in r);
    const start = 1 + `ГБОУ №${NBSP}1: `.length;
    expect(linked(printed)).toEqual([
      {
        updateTextStyle: {
          range: { startIndex: start, endIndex: start + URL.length },
          textStyle: { link: { url: URL } },
          fields: 'link',
        },
      },
    ]);
    expect(linked(model)).toEqual([]);
  });
});
