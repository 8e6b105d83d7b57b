/**
 * The monthly note read back from the Google Doc the real bundle writes (and from its .docx), the
 * way a methodologist would check it before signing: conclusions and recommendations each numbered
 * from 1, the full rating in an appendix after the signature, the signature block kept on one page
 * (Docs API keepWithNext / keepLinesTogether), tables with a repeated, unsplit header row, links
 * only for web addresses, no abbreviated words, the signatory's name from «Настройки».
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BlockNode, ParagraphNode, TableNode } from '@opc/gas-emulator';
import {
  type App,
  registration,
  rememberFirstEvent,
  scheduleFirstEvent,
  setSetting,
  setUpDistrict,
  type Ws,
} from './harness';
import { SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import type { School } from '../../src/domain/model';
import { OUTPUTS_RU } from '../../src/i18n/ru/outputs';
import { writeDocx } from '../../scripts/export/docx';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip') as {
  loadAsync(
    data: Buffer,
  ): Promise<{ file(name: string): { async(t: 'string'): Promise<string> } | null }>;
};

const SIGNATORY = 'Е.В. Французан';

/** Fourteen schools: more than the ten a long table shows in the body. */
const REGISTRY: School[] = Array.from({ length: 14 }, (_, i) => ({
  key: `ШКОЛА-${i + 1}`,
  type: 'школа',
  number: String(i + 1),
  officialName: `ГБОУ СОШ № ${i + 1} Невского района`,
  shortName: `ГБОУ СОШ № ${i + 1}`,
  district: 'Невский',
  emails: [`school${i + 1}@school.example`],
  responsible: 'Иванова А. А.',
  aliases: [],
}));

/** October: every school registers for the event held on 20 October, results and reports follow. */
function october(signatory: string): { ws: Ws; app: App } {
  const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00');
  ws.spreadsheet()
    .getSheetByName('ОУ')!
    .getRange(2, 1, REGISTRY.length, SCHOOLS_SCHEMA.columns.length)
    .setValues(REGISTRY.map((s) => toRow(SCHOOLS_SCHEMA, s)) as never);
  rememberFirstEvent(ws.sheetValues('Мероприятия'));
  scheduleFirstEvent(ws, '2021-10-20', '2021-10-22', '2021-10-15');
  setSetting(ws, 'signatureName', signatory);
  app.call('setupSystem'); // the forms offer the fourteen schools
  const event = String(ws.sheetValues('Мероприятия')[1]![0]);
  REGISTRY.forEach((s, i) => {
    ws.submitForm(
      'Регистрация участников',
      registration({
        'Образовательное учреждение': s.shortName,
        'Участник 1: фамилия': 'Иванова',
        'Участник 1: имя': ['Мария', 'Анна', 'Софья', 'Дарья', 'Алиса', 'Ева', 'Вера'][i % 7]!,
      }),
    );
  });
  ws.clock.advanceTo('2021-11-02T10:00:00+03:00');
  REGISTRY.slice(0, 5).forEach((s, i) => {
    ws.submitForm('Результаты участия', {
      'Образовательное учреждение': s.shortName,
      Мероприятие: event,
      Компетенция: 'Мобильная робототехника',
      'Участник (Фамилия Имя)': `Иванова ${['Мария', 'Анна', 'Софья', 'Дарья', 'Алиса'][i]}`,
      Результат: i === 0 ? 'Победитель (1 место)' : i < 3 ? 'Призёр (2 место)' : 'Участник',
    });
  });
  REGISTRY.slice(0, 12).forEach((s, i) => {
    ws.submitForm('Ежемесячный отчёт ОУ', {
      'Образовательное учреждение': s.shortName,
      'Отчётный месяц': 'октябрь 2021',
      'Проведено занятий по подготовке': i === 0 ? '900' : String(4 + i), // 900: implausible
      'Обучающихся в подготовке': String(10 + i),
      'Педагогов-наставников': '2',
      'Трудности и потребность в методической помощи':
        i % 3 === 0 ? 'Не хватает расходных материалов' : 'Нет',
      'Ссылка на пост-релиз': i % 2 === 0 ? `https://vk.com/school${i + 1}?w=wall-1` : '',
      'Контактное лицо': 'Иванова А. А.',
    });
  });
  return { ws, app };
}

function noteOf(ws: Ws, id: string) {
  return ws.documents().find((d) => d.id === id)!;
}

function text(p: ParagraphNode): string {
  return p.children
    .map((c) => (c.type === 'TEXT' ? c.runs.map((r) => r.text).join('') : ''))
    .join('');
}

function isParagraph(b: BlockNode): b is ParagraphNode {
  return b.type !== 'TABLE';
}

/**
 * The paragraphs after a HEADING2 whose text ends with `title`, up to the next heading or the
 * empty paragraph that opens the signature block.
 */
function after(blocks: BlockNode[], title: string): ParagraphNode[] {
  const at = blocks.findIndex(
    (b) => isParagraph(b) && b.attrs.HEADING === 'HEADING2' && text(b).endsWith(title),
  );
  const out: ParagraphNode[] = [];
  for (let i = at + 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!isParagraph(b) || b.attrs.HEADING === 'HEADING2' || text(b) === '') break;
    out.push(b);
  }
  return out;
}

describe('the monthly note read back from the Doc', () => {
  const { ws, app } = october(SIGNATORY);
  const id = app.call('generateMonthlyNote', '2021-10') as string;
  const note = noteOf(ws, id);
  const blocks = note.content().body.children;
  const paragraphs = blocks.filter(isParagraph);
  const all = note.text();

  test('conclusions and recommendations are each numbered from 1', () => {
    const conclusions = after(blocks, OUTPUTS_RU.document.conclusions).map(text);
    const recommendations = after(blocks, OUTPUTS_RU.document.recommendations).map(text);
    expect(conclusions.length).toBeGreaterThan(2);
    expect(recommendations.length).toBeGreaterThan(2);
    expect(conclusions.map((t) => Number(t.split('.')[0]))).toEqual(
      conclusions.map((_, i) => i + 1),
    );
    expect(recommendations.map((t) => Number(t.split('.')[0]))).toEqual(
      recommendations.map((_, i) => i + 1),
    );
    // Running text is justified by the Docs layout pass, list items and headings are not.
    const first = after(blocks, OUTPUTS_RU.document.conclusions)[0]!;
    expect(first.attrs.HORIZONTAL_ALIGNMENT).toBe('JUSTIFY');
    const coverage = paragraphs.find((p) =>
      text(p).startsWith('В отчётном периоде в чемпионатах'),
    )!;
    expect(coverage.attrs.HORIZONTAL_ALIGNMENT).toBe('JUSTIFY');
    const heading = paragraphs.find((p) => p.attrs.HEADING === 'HEADING2')!;
    expect(heading.attrs.HORIZONTAL_ALIGNMENT).toBeUndefined();
    // A theme of difficulties recommends for the ОУ that raised it.
    expect(recommendations.join('\n')).toContain('нехватку оборудования и материалов');
  });

  test('the signature names the signatory and its paragraphs are kept together', () => {
    const line = paragraphs.findIndex((p) => text(p).endsWith('____________ ' + SIGNATORY));
    expect(line).toBeGreaterThan(0);
    const [spacer, signature, date] = paragraphs.slice(line - 1, line + 2);
    expect(text(spacer!)).toBe('');
    expect(text(date!)).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    expect(spacer!.apiStyle).toEqual({ keepWithNext: true, keepLinesTogether: true });
    expect(signature!.apiStyle).toEqual({ keepWithNext: true, keepLinesTogether: true });
    expect(date!.apiStyle).toEqual({ keepLinesTogether: true });
    // The last recommendation comes along, so the signature never stands alone on a page.
    expect(paragraphs[line - 2]!.apiStyle).toEqual({ keepWithNext: true, keepLinesTogether: true });
    expect(text(paragraphs[line - 2]!)).toMatch(/^\d+\. /);
    // Headings keep with what follows them.
    const heading = paragraphs.find((p) => p.attrs.HEADING === 'HEADING2')!;
    expect(heading.apiStyle?.keepWithNext).toBe(true);
    // No warning: the name is set.
    const journal = ws.sheetValues('Журнал').map((r) => String(r[3]));
    expect(journal).not.toContain(OUTPUTS_RU.note.noSignatory);
  });

  test('the full rating is an appendix after the signature, on a new page; the body shows ten', () => {
    const rating = blocks.find(
      (b): b is TableNode =>
        b.type === 'TABLE' &&
        b.rows.length === 11 &&
        b.rows[0]!.cells.map((c) =>
          c.children.map((x) => (isParagraph(x) ? text(x) : '')),
        ).flat()[0] === 'ОУ',
    );
    expect(rating).toBeDefined();
    expect(all).toContain('Рейтинг остальных ОУ (4) приведён в приложении');
    const label = paragraphs.findIndex((p) => /^Приложение \d+$/.test(text(p)));
    const signature = paragraphs.findIndex((p) => text(p).endsWith(SIGNATORY));
    expect(label).toBeGreaterThan(signature);
    expect(paragraphs[label]!.attrs.HORIZONTAL_ALIGNMENT).toBe('RIGHT');
    expect(paragraphs[label - 1]!.children.some((c) => c.type === 'PAGE_BREAK')).toBe(true);
    const tables = note.tables();
    const full = tables.find((t) => t.length === 15 && t[0]![0] === 'ОУ');
    expect(full).toBeDefined(); // header and fourteen ОУ
  });

  test('every table repeats its header row and keeps its rows whole', () => {
    const tables = blocks.filter((b): b is TableNode => b.type === 'TABLE');
    expect(tables.length).toBeGreaterThan(4);
    for (const t of tables) {
      expect(t.apiStyle?.pinnedHeaderRows).toBe(1);
      expect(t.rows.every((r) => r.apiStyle?.preventOverflow === true)).toBe(true);
    }
  });

  test('the title, every picture and its caption, every appendix title are centred', () => {
    // The built-in template's title: one paragraph, the note's title, centred.
    const title = paragraphs.find((p) => text(p).startsWith('Аналитическая справка'));
    expect(title).toBeDefined();
    expect(title!.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    const pictures = paragraphs.filter((p) => p.children.some((c) => c.type === 'INLINE_IMAGE'));
    expect(pictures.length).toBeGreaterThan(0);
    for (const picture of pictures) {
      expect(picture.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
      const caption = paragraphs[paragraphs.indexOf(picture) + 1]!;
      expect(text(caption)).toMatch(/^Рисунок \d+\./);
      expect(caption.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    }
    const labels = paragraphs.filter((p) => /^Приложение \d+$/.test(text(p)));
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels) {
      expect(label.attrs.HORIZONTAL_ALIGNMENT).toBe('RIGHT');
      const title = paragraphs[paragraphs.indexOf(label) + 1]!;
      expect(title.attrs.HEADING).toBe('HEADING3');
      expect(title.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    }
    // Aligned in the layout's one batch, not one DocumentApp call each, and not taken for running
    // text on the way: no first-line indent, which justified text gets.
    const justified = paragraphs.find((p) => p.attrs.HORIZONTAL_ALIGNMENT === 'JUSTIFY')!;
    expect(Number(justified.attrs.INDENT_FIRST_LINE)).toBeGreaterThan(0);
    for (const p of [...pictures, ...labels]) {
      const next = paragraphs[paragraphs.indexOf(p) + 1]!;
      for (const aligned of [p, next]) expect(aligned.attrs.INDENT_FIRST_LINE ?? 0).toBe(0);
    }
    const run = ws
      .costs()
      .executions.filter((e) => e.functionName === 'generateMonthlyNote')
      .pop()!;
    expect(run.calls['Paragraph.setAlignment']).toBeUndefined();
    expect(run.calls['Docs.Documents.batchUpdate']).toBe(1);
  });

  test('the header row of every table of the note is bold, its other rows are not', () => {
    const tables = blocks.filter((b): b is TableNode => b.type === 'TABLE');
    const runs = (row: TableNode['rows'][number]) =>
      row.cells.flatMap((c) =>
        c.children.flatMap((x) =>
          isParagraph(x)
            ? x.children.flatMap((t) => (t.type === 'TEXT' ? t.runs.filter((r) => r.text) : []))
            : [],
        ),
      );
    expect(tables.length).toBeGreaterThan(4);
    for (const t of tables) {
      expect(runs(t.rows[0]!).length).toBeGreaterThan(0);
      expect(runs(t.rows[0]!).every((r) => r.attrs.BOLD === true)).toBe(true);
      expect(runs(t.rows[1]!).some((r) => r.attrs.BOLD === true)).toBe(false);
    }
  });

  test('no abbreviated words; only web addresses are links; bad figures are counted out', () => {
    expect(all).not.toMatch(/победит\.|призёр\./);
    const links = paragraphs.flatMap((p) =>
      p.children.flatMap((c) => (c.type === 'TEXT' ? c.runs.map((r) => r.attrs.LINK_URL) : [])),
    );
    const urls = links.filter((u): u is string => typeof u === 'string');
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toMatch(/^https:\/\/vk\.com\//);
    expect(all).toContain('В 1 отчёте отдельные показатели заполнены с ошибками');
    const queue = ws.sheetValues('Требует проверки').map((r) => r.join(' | '));
    expect(queue.some((r) => r.includes('900') && r.includes('неправдоподобно'))).toBe(true);
  });

  test('«№» keeps to its number: a no-break space after it everywhere, the typed names untouched', () => {
    const whole = [note.headerText(), all, ...note.tables().flat(2), note.footerText()].join('\n');
    expect(whole).toContain('ГБОУ СОШ №\u00A01');
    expect(whole).not.toMatch(/№[ \t]/);
    // The registry and the answers keep what was typed.
    expect(ws.sheetValues('ОУ').flat()).toContain('ГБОУ СОШ № 1');
  });

  test('a link line of an ОУ named «№ 1» is still found and linked after the no-break space', () => {
    const url = 'https://vk.com/school1?w=wall-1';
    const line = paragraphs.find((p) => text(p) === `ГБОУ СОШ №\u00A01: ${url}`);
    expect(line).toBeDefined();
    const runs = line!.children.flatMap((c) => (c.type === 'TEXT' ? c.runs : []));
    expect(runs.filter((r) => r.attrs.LINK_URL === url).map((r) => r.text)).toEqual([url]);
    expect(runs.filter((r) => r.attrs.LINK_URL === undefined).map((r) => r.text)).toEqual([
      'ГБОУ СОШ №\u00A01: ',
    ]);
  });

  test('the .docx carries keep-with-next, header rows, unsplit rows and links', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opc-note-'));
    try {
      const file = path.join(dir, 'note.docx');
      await writeDocx(note.name, note.content(), file);
      const zip = await JSZip.loadAsync(fs.readFileSync(file));
      const xml = await zip.file('word/document.xml')!.async('string');
      expect(xml).toContain('<w:keepNext/>');
      expect(xml).toContain('<w:keepLines/>');
      expect(xml).toContain('<w:tblHeader/>');
      expect(xml).toContain('<w:cantSplit/>');
      expect(xml).toContain('<w:hyperlink');
      // Docs' 1,15 line spacing is a multiple of each line's height, not an exact 13,8 pt.
      const styles = await zip.file('word/styles.xml')!.async('string');
      expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:spacing [^>]*w:lineRule="auto"/);
      // The signature and the date are in paragraphs that keep with the next / keep their lines.
      const signature = xml.indexOf(SIGNATORY);
      const paragraphStart = xml.lastIndexOf('<w:p>', signature);
      const own = xml.lastIndexOf('<w:p ', signature);
      const start = Math.max(paragraphStart, own);
      expect(xml.slice(start, signature)).toContain('<w:keepNext/>');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a note without the signatory’s name', () => {
  test('prints the position and the signature line only, and warns in «Журнал»', () => {
    const { ws, app } = october('');
    const id = app.call('generateMonthlyNote', '2021-10') as string;
    const paragraphs = noteOf(ws, id)
      .paragraphs()
      .map((p) => p.text);
    expect(paragraphs).toContain('Руководитель опорного центра ____________');
    // (The daily run made September's note on 5 October and warned about it too.)
    const warning = ws
      .sheetValues('Журнал')
      .find((r) => r[3] === OUTPUTS_RU.note.noSignatory && String(r[4]).includes(id))!;
    expect(warning).toBeDefined();
    expect(warning[2]).toBe('предупреждение');
    expect(String(warning[4])).toContain(id);
  });
});
