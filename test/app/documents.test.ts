/**
 * The documents the centre puts its stamp on, read back from the Google Docs the real bundle
 * writes: a copy of the kind's template from «<папка>/Шаблоны/» (setupSystem makes one per kind),
 * with the approval block filled from «Настройки», the template's fonts, header and logo carried
 * over, tables sized to their content, every «Рисунок» an image of a chart (a figure that cannot
 * be drawn is a table and a line in «Журнал»), the plan analysis with a paragraph per section of
 * the plan, and a template with an unknown field stopping the run with the field's name.
 */
import type { BlockNode, DocumentView, ParagraphNode, TableNode } from '@opc/gas-emulator';
import { headers, PLAN_SCHEMA } from '../../src/domain/schema';
import {
  type App,
  madeDocuments,
  registration,
  rememberFirstEvent,
  scheduleFirstEvent,
  setSetting,
  setUpDistrict,
  type Ws,
} from './harness';
import { readSeed as seed } from '../fixtures/seeds';

const NBSP = '\u00a0';
const TEMPLATES = 'Мониторинг чемпионатов/Шаблоны';

const APPROVAL: Record<string, string> = {
  approverPosition: 'Заведующий ГБДОУ № 128 Невского района Санкт-Петербурга',
  approverName: 'Е. В. Французан',
  approvalOrderNumber: '24-ОД',
  approvalOrderDate: '28.06.2021',
  agreedPosition: 'Начальник отдела образования администрации Невского района',
  agreedName: 'Л. И. Чалганская',
  signatureName: 'Е. В. Французан',
};

/** The plan of seed 000 in «План работы» with marks and comments for sections 1 and 2. */
function planTab(ws: Ws, app: App): void {
  app.call('importPlan', seed('000'));
  const sheet = ws.spreadsheet().getSheetByName('План работы')!;
  const values = sheet.getDataRange().getValues();
  const header = values[0]!.map(String);
  const at = (title: string): number => header.indexOf(title);
  values.forEach((row, i) => {
    if (i === 0) return;
    const n = String(row[at('№ п/п')]);
    if (n.startsWith('1.')) row[at('Отметка о выполнении')] = 'Выполнено';
    if (n === '1.2') row[at('Комментарий')] = 'Положение согласовано с отделом образования';
    if (n === '2.1') {
      row[at('Отметка о выполнении')] = 'Выполнено частично';
      row[at('Результат')] = 'Аналитическая справка';
    }
  });
  sheet.getRange(1, 1, values.length, header.length).setValues(values);
}

/** A district in October with the approval block set, three registrations and the plan. */
function district(approval = true): { ws: Ws; app: App } {
  const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00');
  rememberFirstEvent(ws.sheetValues('Мероприятия'));
  scheduleFirstEvent(ws, '2021-10-20', '2021-10-22', '2021-10-15');
  if (approval) for (const [key, value] of Object.entries(APPROVAL)) setSetting(ws, key, value);
  for (const school of ['ГБОУ СОШ № 47', 'ГБОУ СОШ № 51', 'ГБДОУ № 21']) {
    ws.submitForm(
      'Регистрация участников',
      registration({ 'Образовательное учреждение': school, Мероприятие: firstEventName(ws) }),
    );
  }
  planTab(ws, app);
  return { ws, app };
}

function firstEventName(ws: Ws): string {
  return String(ws.sheetValues('Мероприятия')[1]![0]);
}

function docOf(ws: Ws, id: string): DocumentView {
  return ws.documents().find((d) => d.id === id)!;
}

function template(ws: Ws, name: string): DocumentView {
  return ws.documents().find((d) => d.folderPath === TEMPLATES && d.name === `Шаблон: ${name}`)!;
}

function text(block: BlockNode): string {
  if (block.type === 'TABLE')
    return block.rows
      .map((r) => r.cells.map((c) => c.children.map(text).join('\n')).join('\t'))
      .join('\n');
  return block.children
    .map((c) => (c.type === 'TEXT' ? c.runs.map((r) => r.text).join('') : ''))
    .join('');
}

function paragraphs(doc: DocumentView): ParagraphNode[] {
  return doc.content().body.children.filter((b): b is ParagraphNode => b.type !== 'TABLE');
}

/** The attributes of a paragraph's first run, with the paragraph's own for what it lacks. */
function font(p: ParagraphNode): Record<string, unknown> {
  const run = p.children.find((c) => c.type === 'TEXT');
  return { ...p.attrs, ...(run && run.type === 'TEXT' ? run.runs[0]!.attrs : {}) };
}

function cellText(table: TableNode, r: number, c: number): string {
  return table.rows[r]!.cells[c]!.children.map(text).join('\n');
}

describe('setupSystem makes the document templates', () => {
  test('one per kind in «Шаблоны», linked from «Настройки», with the approval block and the place of the text', () => {
    const { ws } = setUpDistrict();
    const settings = new Map(ws.sheetValues('Настройки').map((r) => [r[2], String(r[1])]));
    for (const [key, name] of [
      ['templateMonthlyNote', 'Аналитическая справка за месяц'],
      ['templateAnnualNote', 'Аналитическая справка за учебный год'],
      ['templatePlanAnalysis', 'Анализ выполнения плана работы'],
    ] as const) {
      const doc = template(ws, name);
      expect(settings.get(key)).toBe(`https://docs.google.com/document/d/${doc.id}/edit`);
      const body = doc.content().body;
      expect(body.attrs).toMatchObject({ PAGE_WIDTH: 595.3, MARGIN_LEFT: 85, MARGIN_RIGHT: 42.5 });
      expect(text(body.children[0]!)).toBe(
        'СОГЛАСОВАНО\n{{Должность согласующего}}\n{{ФИО согласующего}}\tУТВЕРЖДАЮ\n{{Должность утверждающего}}\n{{ФИО утверждающего}}\nПриказ от {{Дата приказа}} №' +
          NBSP +
          '{{Номер приказа}}',
      );
      expect(body.children.map(text)).toContain('{{Текст документа}}');
      expect(doc.content().header && text(doc.content().header!.children[0]!)).toBe(
        '{{Название центра}}',
      );
    }
  });
});

describe('the monthly note from its template', () => {
  const { ws, app } = district();
  const id = app.call('generateMonthlyNote', '2021-10') as string;
  const note = docOf(ws, id);
  const blocks = note.content().body.children;

  test('opens with the approval block filled from «Настройки», in a table without borders', () => {
    const approval = blocks[0] as TableNode;
    expect(approval.type).toBe('TABLE');
    expect(approval.attrs.BORDER_WIDTH).toBe(0);
    expect(cellText(approval, 0, 0)).toBe(
      'СОГЛАСОВАНО\nНачальник отдела образования администрации Невского района\nЛ. И. Чалганская',
    );
    expect(cellText(approval, 0, 1)).toBe(
      `УТВЕРЖДАЮ\nЗаведующий ГБДОУ №${NBSP}128 Невского района Санкт-Петербурга\nЕ. В. Французан\nПриказ от 28${NBSP}июня 2021${NBSP}г. №${NBSP}24-ОД`,
    );
    // «Настройки» keep what the centre typed: only the document's text has the no-break space.
    const typed = ws.sheetValues('Настройки').find((r) => r[2] === 'approverPosition')!;
    expect(typed[1]).toBe('Заведующий ГБДОУ № 128 Невского района Санкт-Петербурга');
  });

  test('a single title, Times New Roman 14 bold centred; the header and footer from the template', () => {
    const title = paragraphs(note).find((p) => text(p).startsWith('Аналитическая справка'))!;
    expect(text(title)).toBe(note.name);
    expect(font(title)).toMatchObject({
      FONT_FAMILY: 'Times New Roman',
      FONT_SIZE: 14,
      BOLD: true,
      HORIZONTAL_ALIGNMENT: 'CENTER',
    });
    expect(title.attrs.HEADING).toBeUndefined();
    expect(note.content().header!.children.map(text)).toEqual(['Районный опорный центр']);
    expect(note.content().footer!.children.map(text)).toEqual([note.name]);
    // Nothing of the template's fields or sample is left.
    expect(note.text()).not.toMatch(/\{\{|Образец таблицы/);
  });

  test('the text is Times New Roman 14 with a first-line indent, tables 12 with a bold header row', () => {
    const running = paragraphs(note).find((p) =>
      text(p).startsWith('В отчётном периоде в чемпионатах'),
    )!;
    expect(font(running)).toMatchObject({ FONT_FAMILY: 'Times New Roman', FONT_SIZE: 14 });
    expect(running.attrs).toMatchObject({
      INDENT_FIRST_LINE: 35.4,
      HORIZONTAL_ALIGNMENT: 'JUSTIFY',
    });
    // Headings and subheadings bold and black (Docs' own Heading 3 is grey).
    const headings = paragraphs(note).filter((p) => /^HEADING[23]$/.test(String(p.attrs.HEADING)));
    expect(headings.length).toBeGreaterThan(10);
    for (const heading of headings)
      expect(font(heading)).toMatchObject({
        FONT_FAMILY: 'Times New Roman',
        FONT_SIZE: 14,
        BOLD: true,
        FOREGROUND_COLOR: '#000000',
      });
    const tables = blocks.filter((b): b is TableNode => b.type === 'TABLE').slice(1);
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      const [head, row] = [table.rows[0]!.cells[0]!, table.rows[1]?.cells[0]];
      expect(font(head.children[0] as ParagraphNode)).toMatchObject({ FONT_SIZE: 12, BOLD: true });
      if (row) expect(font(row.children[0] as ParagraphNode).BOLD).not.toBe(true);
      expect(table.apiStyle?.pinnedHeaderRows).toBe(1);
    }
  });

  test('columns are as wide as their content: names wide, numbers narrow', () => {
    const byType = blocks.find(
      (b): b is TableNode => b.type === 'TABLE' && cellText(b, 0, 0) === 'Тип ОУ',
    )!;
    const widths = [0, 1, 2, 3].map((c) => byType.columnWidths[c]!);
    expect(widths.every((w) => w > 0)).toBe(true);
    expect(new Set(widths).size).toBeGreaterThan(1);
    expect(widths[0]).toBeGreaterThan(widths[1]!); // «Учреждения ДО» wider than «Всего»
  });

  test('every «Рисунок» is an image of a chart, above its caption', () => {
    const captions = paragraphs(note)
      .map((p, i, all) => ({ p, before: all[i - 1] }))
      .filter(({ p }) => /^Рисунок \d+\./.test(text(p)));
    expect(captions.length).toBeGreaterThan(0);
    for (const { before } of captions)
      expect(before!.children.some((c) => c.type === 'INLINE_IMAGE')).toBe(true);
    expect(note.text()).not.toContain('данные рисунка');
  });
});

describe('the plan analysis in the form of seed 004', () => {
  const { ws, app } = district();
  const id = app.call('generatePlanAnalysis', '2021/2022') as string;
  const doc = docOf(ws, id);
  const blocks = doc.content().body.children;

  test('a paragraph per section of the plan, from its marks and comments, then its table', () => {
    const headings = blocks
      .map((b, i) => ({ b, i }))
      .filter(({ b }) => b.type !== 'TABLE' && b.attrs.HEADING === 'HEADING2');
    // Six sections of seed 000, the totals, the overdue items, conclusions and recommendations.
    expect(headings.map(({ b }) => text(b).split('. ')[0])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(text(headings[6]!.b)).toBe('7. Итоги выполнения');
    for (const { i } of headings.slice(0, 6)) {
      const paragraph = text(blocks[i + 1]!);
      expect(paragraph).toMatch(/^(Выполнено \d+ из \d+ мероприяти|Все \d+ мероприяти)/);
      expect(paragraph).toMatch(
        /(Комментарии: .+»\.|Комментарии к мероприятиям раздела не внесены\.)$/,
      );
      expect(text(blocks[i + 2]!)).toMatch(/^Таблица \d+\. /);
      expect(blocks[i + 3]!.type).toBe('TABLE');
    }
    const first = text(blocks[headings[0]!.i + 1]!);
    expect(first).toBe(
      'Все 4 мероприятия раздела выполнены. Комментарии: 1.2 — «Положение согласовано с отделом образования».',
    );
    const second = text(blocks[headings[1]!.i + 1]!);
    expect(second).toContain('Выполнено частично: 2.1 «Информационный мониторинг');
    expect(second).toContain('Достигнутые результаты: 2.1 — «Аналитическая справка».');
    expect(second).toContain('Комментарии к мероприятиям раздела не внесены.');
    // On 4 October the September items of section 3 are overdue and named with their deadline.
    const third = text(blocks[headings[2]!.i + 1]!);
    expect(third).toMatch(/^Выполнено 0 из 4 мероприятий, просрочено — 1, срок ещё не истёк — 3\./);
    expect(third).toContain(
      'Срок истёк, отметки о выполнении нет: 3.1 «Организационное совещание с ОУ Невского района',
    );
    expect(third).toContain('(срок — Сентябрь 2021).');
  });

  test('the plan’s tables: «№» narrow, «Мероприятие» the widest', () => {
    const table = blocks.find(
      (b): b is TableNode => b.type === 'TABLE' && cellText(b, 0, 1) === 'Мероприятие',
    )!;
    const widths = [0, 1, 2, 3, 4].map((c) => table.columnWidths[c]!);
    expect(widths[0]).toBeLessThan(40);
    expect(Math.max(...widths)).toBe(widths[1]);
    expect(new Set(widths).size).toBe(5);
    // The header row repeats on every page; no row is split across pages.
    expect(table.apiStyle?.pinnedHeaderRows).toBe(1);
    expect(table.rows.every((r) => r.apiStyle?.preventOverflow === true)).toBe(true);
  });

  test('both figures are chart images: the marks as a pie, the sections as stacked bars', () => {
    const all = paragraphs(doc);
    for (const caption of [
      'Рисунок 1. Выполнение плана',
      'Рисунок 2. Выполнение плана по разделам',
    ]) {
      const at = all.findIndex((p) => text(p) === caption);
      expect(at).toBeGreaterThan(0);
      expect(all[at - 1]!.children.some((c) => c.type === 'INLINE_IMAGE')).toBe(true);
    }
    expect(doc.images()).toHaveLength(2);
    // The pie right after the totals table stands apart from it, as text after a table does.
    const pie = blocks.findIndex(
      (b) => b.type !== 'TABLE' && b.children.some((c) => c.type === 'INLINE_IMAGE'),
    );
    expect(blocks[pie - 1]!.type).toBe('TABLE');
    expect(blocks[pie]!.attrs.SPACING_BEFORE).toBe(12);
    // So do the bars right after the pie's caption.
    expect(text(blocks[pie + 1]!)).toBe('Рисунок 1. Выполнение плана');
    expect(blocks[pie + 2]!.attrs.SPACING_BEFORE).toBe(12);
  });
});

describe('staff change the look in the template', () => {
  test('the template’s fonts, header and logo are carried into the document; fields stay fields', () => {
    const { ws, app } = district(false);
    const t = template(ws, 'Анализ выполнения плана работы');
    const content = t.content();
    // Staff set the text in Arial 13 and put the centre's logo beside its name in the header.
    const marker = content.body.children.find(
      (b) => text(b) === '{{Текст документа}}',
    ) as ParagraphNode;
    const run = marker.children[0]!;
    if (run.type !== 'TEXT') throw new Error('marker');
    run.runs[0]!.attrs = { ...run.runs[0]!.attrs, FONT_FAMILY: 'Arial', FONT_SIZE: 13 };
    const logo = madeDocuments(ws).length; // nothing made yet
    expect(logo).toBe(0);
    const header = content.header!.children[0] as ParagraphNode;
    header.children.unshift({
      type: 'INLINE_IMAGE',
      bytes: new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0,
        0, 40, 0, 0, 0, 40, 8, 6, 0, 0, 0,
      ]),
      contentType: 'image/png',
      name: 'logo.png',
      width: 40,
      height: 40,
      attrs: {},
    });
    const id = app.call('generatePlanAnalysis', '2021/2022') as string;
    const doc = docOf(ws, id);
    const running = paragraphs(doc).find((p) => /^Все \d+ мероприяти/.test(text(p)))!;
    expect(font(running)).toMatchObject({ FONT_FAMILY: 'Arial', FONT_SIZE: 13 });
    // Tables keep the sample's Times New Roman 12.
    const table = doc.content().body.children.find((b): b is TableNode => b.type === 'TABLE')!;
    expect(font(table.rows[1]!.cells[1]!.children[0] as ParagraphNode)).toMatchObject({
      FONT_FAMILY: 'Times New Roman',
      FONT_SIZE: 12,
    });
    const docHeader = doc.content().header!.children[0] as ParagraphNode;
    expect(docHeader.children[0]!.type).toBe('INLINE_IMAGE');
    expect(text(docHeader)).toBe('Районный опорный центр');
    // No approval settings: no approval block, the document starts with its title.
    expect(doc.content().body.children[0]!.type).not.toBe('TABLE');
    expect(doc.text()).not.toContain('УТВЕРЖДАЮ');
  });

  test('an unknown field stops the run with its name; nothing is made and «Журнал» says why', () => {
    const { ws, app } = district();
    const t = template(ws, 'Аналитическая справка за месяц');
    const footer = t.content().footer!.children[0] as ParagraphNode;
    const run = footer.children[0]!;
    if (run.type !== 'TEXT') throw new Error('footer');
    run.runs[0]!.text = '{{Название документа}}, {{Фамлия исполнителя}}';
    expect(() => app.call('generateMonthlyNote', '2021-10')).toThrow(
      'Шаблон «Аналитическая справка за месяц»: неизвестное поле {{Фамлия исполнителя}}',
    );
    expect(madeDocuments(ws).filter((d) => !d.trashed)).toHaveLength(0);
    const errors = ws.sheetValues('Журнал').filter((r) => r[2] === 'ошибка');
    expect(errors.map((r) => String(r[5])).join('\n')).toContain('{{Фамлия исполнителя}}');
  });

  test('without a template the built-in one is used', () => {
    const { ws, app } = district();
    app.call('saveSettings', { templatePlanAnalysis: '' });
    const id = app.call('generatePlanAnalysis', '2021/2022') as string;
    const doc = docOf(ws, id);
    expect(doc.folderPath).toMatch(/Анализ выполнения плана$/);
    expect(text(doc.content().body.children[0]!)).toContain('УТВЕРЖДАЮ');
    expect(doc.text()).not.toMatch(/\{\{/);
  });

  test('a figure that cannot be drawn is a table of its data, and «Журнал» says so', () => {
    const { ws, app } = district();
    ws.faults.fail('Chart.getAs', { times: 2, error: 'Service unavailable: Charts' });
    const id = app.call('generatePlanAnalysis', '2021/2022') as string;
    const doc = docOf(ws, id);
    expect(doc.images()).toHaveLength(0);
    expect(doc.text()).toContain('Рисунок 1. Выполнение плана — данные рисунка');
    const warnings = ws
      .sheetValues('Журнал')
      .filter((r) => r[1] === 'Анализ выполнения плана' && r[2] === 'предупреждение')
      .map((r) => String(r[3]));
    expect(warnings).toEqual([
      'Рисунок 1. Выполнение плана: диаграмму нарисовать не удалось (Service unavailable: Charts), в документе вместо неё таблица данных.',
      'Рисунок 2. Выполнение плана по разделам: диаграмму нарисовать не удалось (Service unavailable: Charts), в документе вместо неё таблица данных.',
    ]);
  });
});

describe('«План работы» gains «Результат» and «Комментарий»', () => {
  test('setupSystem appends them to a tab in use and never moves the staff’s columns', () => {
    const { ws, app } = setUpDistrict();
    const sheet = ws.spreadsheet().getSheetByName('План работы')!;
    // A tab laid out before the two columns existed, with a column of the staff's own.
    const old = headers(PLAN_SCHEMA).filter((h) => h !== 'Результат' && h !== 'Комментарий');
    const staffHeader = [...old.slice(0, 4), 'Заметки методиста', ...old.slice(4)];
    sheet.clear();
    sheet.getRange(1, 1, 1, staffHeader.length).setValues([staffHeader]);
    const row = staffHeader.map((h) =>
      h === '№ п/п'
        ? '1.1'
        : h === 'Мероприятие'
          ? 'Совещание'
          : h === 'Заметки методиста'
            ? 'позвонить'
            : '',
    );
    sheet.getRange(2, 1, 1, row.length).setValues([row]);
    app.call('setupSystem');
    const [header, first] = ws.sheetValues('План работы');
    expect(header).toEqual([...staffHeader, 'Результат', 'Комментарий']);
    expect(first!.slice(0, staffHeader.length).map(String)).toEqual(row);
    // A second run changes nothing.
    app.call('setupSystem');
    expect(ws.sheetValues('План работы')[0]).toEqual([...staffHeader, 'Результат', 'Комментарий']);
  });
});
