/**
 * The Docs layout requests for a document structure as Documents.get returns it: headings and
 * captions keep with the next paragraph, runs of running text are justified in one request each,
 * web addresses become links (in «ОУ: адрес» lines and in a table's link column), every table
 * pins its header row and keeps its rows whole, the signature block stays together.
 */
import {
  alignmentRequests,
  headerRowRequests,
  layoutRequests,
} from '../../src/workspace/docLayout';
import type { DocumentModel } from '../../src/domain/document';

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

  test('the header row of a table of the model is bold, cell by cell; other tables are left alone', () => {
    const bold = headerRowRequests(content, MODEL) as Array<
      Record<string, Record<string, unknown>>
    >;
    const header = ((appendix.table as El).tableRows as El[])[0]!.tableCells as El[];
    const cellAt = (i: number) => ((header[i]!.content as El[])[0] as El).startIndex as number;
    // «ОУ | Итого» is no table of MODEL (a chart printed as a table, say): no request for it.
    expect(bold.map((r) => r.updateTextStyle)).toEqual([
      {
        range: { startIndex: cellAt(0), endIndex: cellAt(0) + 'ОУ'.length },
        textStyle: { bold: true },
        fields: 'bold',
      },
      {
        range: { startIndex: cellAt(1), endIndex: cellAt(1) + 'Пост-релиз'.length },
        textStyle: { bold: true },
        fields: 'bold',
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

test('alignment: title and subtitle, a picture and its caption centred; an appendix label right, its title centred', () => {
  const model: Pick<DocumentModel, 'sections' | 'appendices'> = {
    sections: [
      {
        heading: '1. Раздел',
        blocks: [
          {
            type: 'chart',
            caption: 'Рисунок 1. Участники',
            categories: ['ДОУ'],
            series: [{ name: 'Участники', values: [3] }],
          } as never,
          { type: 'paragraph', text: 'Рисунок 1. Участники' },
        ],
      },
    ],
    appendices: [{ label: 'Приложение 1', title: 'Рейтинг', blocks: [] }],
  };
  const title = para(1, 'Справка', { namedStyleType: 'TITLE' });
  const subtitle = para(9, 'за октябрь', { namedStyleType: 'SUBTITLE' });
  const picture = {
    startIndex: 20,
    endIndex: 22,
    paragraph: {
      elements: [
        { inlineObjectElement: { inlineObjectId: 'kix.1' } },
        { textRun: { content: '\n' } },
      ],
      paragraphStyle: { namedStyleType: 'NORMAL_TEXT' },
    },
  };
  const caption = para(22, 'Рисунок 1. Участники');
  const text = para(43, 'Рисунок 1. Участники'); // the same words, no picture above: left alone
  const label = para(64, 'Приложение 1');
  const appendixTitle = para(77, 'Рейтинг', { namedStyleType: 'HEADING_3' });
  const content = [title, subtitle, picture, caption, text, label, appendixTitle];
  const aligned = alignmentRequests(content, model).map((r) =>
    'updateParagraphStyle' in r
      ? [r.updateParagraphStyle.range.startIndex, r.updateParagraphStyle.paragraphStyle.alignment]
      : null,
  );
  expect(aligned).toEqual([
    [1, 'CENTER'],
    [9, 'CENTER'],
    [20, 'CENTER'],
    [22, 'CENTER'],
    [64, 'END'],
    [77, 'CENTER'],
  ]);
});
