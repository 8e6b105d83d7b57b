/**
 * «План работы» on the real bundle: each seed plan imported through importPlan (item counts and
 * deadlines checked against the seed text), re-import without duplicates, overdue rows coloured by
 * the daily run and listed in the summary, and the analysis document replaced on re-run.
 */
import { madeDocuments, setSetting, setUpDistrict, type Ws } from './harness';
import { headers, PLAN_SCHEMA } from '../../src/domain/schema';
import { isOverdue, parsePlanText } from '../../src/domain/plan';
import { moscowMidnight } from '../../src/domain/text/dates';
import { readSeed as seed } from '../fixtures/seeds';

const TAB = 'План работы';
const OVERDUE = '#f4cccc';
const BOSS = 'boss@center.example';

/** Items counted straight from the seed text: lines whose first cell is an item number. */
function seedItemLines(text: string, pattern: RegExp): string[] {
  return text.split(/\r?\n/).filter((l) => pattern.test(l));
}

const COL = Object.fromEntries(headers(PLAN_SCHEMA).map((h, i) => [h, i])) as Record<
  string,
  number
>;

function body(ws: Ws): unknown[][] {
  return ws.sheetValues(TAB).slice(1);
}

function row(ws: Ws, number: string, section?: string): unknown[] {
  const found = body(ws).filter(
    // String(): the emulator stores «1» as a number even in a text-formatted cell; Sheets keeps text.
    (r) =>
      String(r[COL['№ п/п']!]) === number &&
      (section === undefined || r[COL['Раздел']!] === section),
  );
  if (found.length !== 1) throw new Error(`row ${number}: ${found.length} matches`);
  return found[0]!;
}

function cell(r: unknown[], header: string): unknown {
  const i = COL[header];
  if (i === undefined) throw new Error('no column ' + header);
  return r[i];
}

function day(r: unknown[], header: string): string {
  const v = cell(r, header);
  if (!(v instanceof Date)) throw new Error(header + ' is not a date: ' + String(v));
  return v.toISOString();
}

function setMark(ws: Ws, number: string, mark: string): void {
  const at = body(ws).findIndex((r) => String(r[COL['№ п/п']!]) === number);
  if (at < 0) throw new Error('no row ' + number);
  ws.spreadsheet()
    .getSheetByName(TAB)!
    .getRange(at + 2, COL['Отметка о выполнении']! + 1)
    .setValue(mark);
}

describe('importPlan', () => {
  it('imports seed 000: every numbered line of the seed, deadlines as written', () => {
    const { ws, app } = setUpDistrict();
    const text = seed('000');
    const message = app.call('importPlan', text) as string;
    const expected = seedItemLines(text, /^\d+\.\d+\.?\t/);
    expect(expected).toHaveLength(37);
    expect(body(ws)).toHaveLength(37);
    expect(body(ws)).toHaveLength(parsePlanText(text).items.length);
    expect(message).toMatch(/37 мероприятий; добавлено — 37, обновлено — 0\./);
    expect(message).toContain('Сроки всех мероприятий распознаны.');

    const i54 = row(ws, '5.4');
    expect(expected.find((l) => l.indexOf('5.4.\t') === 0)).toContain('\tАпрель 2022\t');
    expect(cell(i54, 'Срок')).toBe('Апрель 2022');
    expect(day(i54, 'Срок с')).toBe(moscowMidnight(2022, 4, 1).toISOString());
    expect(day(i54, 'Срок по')).toBe(moscowMidnight(2022, 4, 30).toISOString());
    expect(cell(i54, 'План')).toBe('2021/2022 учебный год');
    expect(cell(i54, 'Документ')).toBe('Аналитическая справка');
    expect(cell(i54, 'Срок распознан')).toBe('да');
    const i31 = row(ws, '3.1');
    expect(cell(i31, 'Срок')).toBe('Сентябрь 2021');
    expect(day(i31, 'Срок по')).toBe(moscowMidnight(2021, 9, 30).toISOString());
    expect(String(cell(i31, 'Раздел'))).toMatch(/^[А-Я]/);
    // «5.4» would turn into 5 April in a Russian-locale sheet unless the column is plain text.
    const sheet = ws.spreadsheet().getSheetByName(TAB)!;
    expect(sheet.getRange(2, COL['№ п/п']! + 1).getNumberFormat()).toBe('@');
    expect(sheet.getRange(38, COL['Срок по']! + 1).getNumberFormat()).toBe('dd.MM.yyyy');
  });

  it('imports seed 002 (vertical layout, plan for 2017)', () => {
    const { ws, app } = setUpDistrict();
    const text = seed('002');
    app.call('importPlan', text);
    expect(seedItemLines(text, /^\t\d+\.?\s*$/)).toHaveLength(15);
    expect(body(ws)).toHaveLength(15);
    const first = row(ws, '1');
    expect(cell(first, 'План')).toBe('2017 год');
    expect(day(first, 'Срок с')).toBe(moscowMidnight(2017, 1, 1).toISOString());
    expect(day(first, 'Срок по')).toBe(moscowMidnight(2017, 1, 31).toISOString());
    expect(day(row(ws, '11'), 'Срок по')).toBe(moscowMidnight(2017, 12, 31).toISOString());
  });

  it('imports seed 003: numbering restarts per section, unparsed deadlines are flagged', () => {
    const { ws, app } = setUpDistrict();
    const text = seed('003');
    const message = app.call('importPlan', text) as string;
    expect(seedItemLines(text, /^\d+\.?\t/)).toHaveLength(31);
    expect(body(ws)).toHaveLength(31);
    const graph = row(ws, '3', 'Повышение квалификации');
    expect(cell(graph, 'Срок')).toMatch(/по графику/i);
    expect(cell(graph, 'Срок распознан')).toBe('нет');
    expect(cell(graph, 'Срок с')).toBe('');
    expect(cell(graph, 'Пояснение к сроку')).toBe(
      'Срок определяется графиком: укажите месяц или даты.',
    );
    expect(message).toMatch(/Срок не распознан \(\d+\): .*\b3\b/);
    const seventh = row(ws, '7', 'Повышение квалификации');
    expect(day(seventh, 'Срок с')).toBe(moscowMidnight(2021, 11, 1).toISOString());
    expect(day(seventh, 'Срок по')).toBe(moscowMidnight(2022, 2, 28).toISOString());
  });

  it('imports seed 004 with its marks and offers only the three marks in the dropdown', () => {
    const { ws, app } = setUpDistrict();
    const text = seed('004');
    app.call('importPlan', text);
    expect(seedItemLines(text, /^\d+\.\d+\.?\t/)).toHaveLength(21);
    const marks = body(ws).map((r) => cell(r, 'Отметка о выполнении'));
    expect(marks).toHaveLength(21);
    expect(marks.filter((m) => m === 'Выполнено')).toHaveLength(15);
    expect(marks.filter((m) => m === 'Выполнено частично')).toHaveLength(5);
    expect(marks.filter((m) => m === 'Не выполнено')).toHaveLength(1);
    const rule = ws
      .spreadsheet()
      .getSheetByName(TAB)!
      .getRange(2, COL['Отметка о выполнении']! + 1)
      .getDataValidation();
    expect(rule).not.toBeNull();
    expect(rule!.getCriteriaValues()[0]).toEqual([
      'Выполнено',
      'Выполнено частично',
      'Не выполнено',
    ]);
  });

  it('re-import replaces rows instead of duplicating and keeps the marks staff set', () => {
    const { ws, app } = setUpDistrict();
    app.call('importPlan', seed('000'));
    setMark(ws, '1.1', 'Выполнено');
    const message = app.call('importPlan', seed('000')) as string;
    expect(message).toMatch(/добавлено — 0, обновлено — 37\./);
    expect(body(ws)).toHaveLength(37);
    expect(cell(row(ws, '1.1'), 'Отметка о выполнении')).toBe('Выполнено');
    app.call('importPlan', seed('003'));
    expect(body(ws)).toHaveLength(37 + 31);
  });

  it('refuses text without a plan table and writes nothing', () => {
    const { ws, app } = setUpDistrict();
    expect(() => app.call('importPlan', 'просто текст\nбез таблицы')).toThrow(
      /не найдена таблица мероприятий/,
    );
    expect(body(ws)).toHaveLength(0);
  });

  it('keeps a formula typed into the plan as text', () => {
    const { ws, app } = setUpDistrict();
    const text = seed('000').replace('Апрель 2022', '=HYPERLINK("http://x")');
    app.call('importPlan', text);
    const formulas = ws.spreadsheet().getSheetByName(TAB)!.getDataRange().getFormulas();
    expect(formulas.every((r) => r.every((f) => f === ''))).toBe(true);
  });
});

describe('overdue plan items', () => {
  it('the daily run colours overdue rows with one setBackgrounds and uncolours marked ones', () => {
    const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00');
    const text = seed('000');
    app.call('importPlan', text);
    ws.resetCosts();
    ws.clock.advanceTo('2021-10-05T10:00:00+03:00');
    const asOf = moscowMidnight(2021, 10, 5);
    const late = parsePlanText(text)
      .items.filter((i) => isOverdue(i, asOf))
      .map((i) => i.number);
    expect(late).toEqual(expect.arrayContaining(['3.1', '5.1']));
    expect(late).not.toContain('5.4');
    expect(ws.costs().calls['Range.setBackgrounds']).toBe(1);

    const sheet = ws.spreadsheet().getSheetByName(TAB)!;
    const backgrounds = sheet.getRange(2, 1, 37, headers(PLAN_SCHEMA).length).getBackgrounds();
    body(ws).forEach((r, i) => {
      const want = late.indexOf(String(r[COL['№ п/п']!])) >= 0 ? OVERDUE : '#ffffff';
      expect(backgrounds[i]!.every((c) => c === want)).toBe(true);
    });
    const journal = ws.sheetValues('Журнал').map((r) => r.map(String).join(' | '));
    expect(journal.some((l) => l.includes(`Просрочено мероприятий плана: ${late.length}`))).toBe(
      true,
    );

    setMark(ws, '3.1', 'Выполнено');
    ws.clock.advanceTo('2021-10-06T10:00:00+03:00');
    const at = body(ws).findIndex((r) => r[COL['№ п/п']!] === '3.1');
    const after = sheet.getRange(2, 1, 37, headers(PLAN_SCHEMA).length).getBackgrounds();
    expect(after[at]!.every((c) => c === '#ffffff')).toBe(true);
    const at51 = body(ws).findIndex((r) => r[COL['№ п/п']!] === '5.1');
    expect(after[at51]!.every((c) => c === OVERDUE)).toBe(true);
  });

  it('a date staff typed into «Срок по» counts when «Срок» cannot be understood', () => {
    const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00');
    app.call('importPlan', seed('003'));
    const at = body(ws).findIndex(
      (r) => String(cell(r, '№ п/п')) === '3' && cell(r, 'Раздел') === 'Повышение квалификации',
    );
    const sheet = ws.spreadsheet().getSheetByName(TAB)!;
    sheet.getRange(at + 2, COL['Срок по']! + 1).setValue(moscowMidnight(2021, 9, 20));
    ws.clock.advanceTo('2021-10-05T10:00:00+03:00');
    const width = headers(PLAN_SCHEMA).length;
    expect(sheet.getRange(at + 2, 1, 1, width).getBackgrounds()[0]).toEqual(
      new Array(width).fill(OVERDUE),
    );
  });

  it('the monthly summary lists overdue items, escaped', () => {
    const { ws, app } = setUpDistrict('2021-11-03T09:00:00+03:00');
    setSetting(ws, 'recipients', BOSS);
    app.call('importPlan', seed('000').replace('Онлайн-сервис', 'Онлайн-сервис'));
    const sheet = ws.spreadsheet().getSheetByName(TAB)!;
    const at = body(ws).findIndex((r) => r[COL['№ п/п']!] === '5.1');
    sheet.getRange(at + 2, COL['Ответственный']! + 1).setValue('<b>Иванова</b>');
    app.call('sendMonthlySummary', '2021-10');
    const mail = ws.outbox().find((m) => m.to.includes(BOSS))!;
    expect(mail.body).toMatch(/Просроченные мероприятия плана работы \(\d+\):/);
    expect(mail.body).toContain(
      '— 5.1 Создание электронного приложения на основе google-таблиц или google-форм — срок: Сентябрь 2021; ответственный: <b>Иванова</b>',
    );
    expect(mail.htmlBody).toContain('&lt;b&gt;Иванова&lt;/b&gt;');
    expect(mail.htmlBody).not.toContain('<b>Иванова');
  });
});

describe('generatePlanAnalysis', () => {
  it('totals of the document match the marks of the tab; re-running replaces it', () => {
    const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00');
    app.call('importPlan', seed('004'));
    app.call('importPlan', seed('000'));
    const id = app.call('generatePlanAnalysis', '2020/2021') as string;
    const docs = madeDocuments(ws).filter((d) => !d.trashed);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.id).toBe(id);
    expect(docs[0]!.name).toBe('Анализ выполнения плана работы на 2020/2021 учебный год');
    const tabMarks = body(ws)
      .filter((r) => cell(r, 'План') === '2020/2021 учебный год')
      .map((r) => String(cell(r, 'Отметка о выполнении')));
    const count = (m: string) => String(tabMarks.filter((x) => x === m).length);
    const totals = docs[0]!
      .tables()
      .find((t) => t[0]!.join('|') === 'Отметка|Мероприятий|Доля, %')!;
    expect(totals).toBeDefined();
    expect(totals.slice(1)).toEqual([
      ['Выполнено', count('Выполнено'), '71,4'],
      ['Выполнено частично', count('Выполнено частично'), '23,8'],
      ['Не выполнено', count('Не выполнено'), '4,8'],
      ['Итого', '21', '100,0'],
    ]);
    expect(docs[0]!.text()).toContain('Всего в плане 21 мероприятие; выполнено 15');
    // «№» keeps to its number in the document (a no-break space); the plan tab keeps the text
    // as it was imported.
    const whole = [
      docs[0]!.headerText(),
      docs[0]!.text(),
      ...docs[0]!.tables().flat(2),
      docs[0]!.footerText(),
    ].join('\n');
    expect(whole).toContain('на базе ГБОУ №\u00A03, 20, 25');
    expect(whole).not.toMatch(/№[ \t]/);
    expect(body(ws).some((r) => r.some((c) => String(c).includes('на базе ГБОУ № 3, 20')))).toBe(
      true,
    );

    const again = app.call('generatePlanAnalysis', '2020/2021') as string;
    expect(again).not.toBe(id);
    const live = madeDocuments(ws).filter((d) => !d.trashed);
    expect(live.map((d) => d.id)).toEqual([again]);
    expect(madeDocuments(ws).find((d) => d.id === id)!.trashed).toBe(true);
  });

  it('follows marks staff set in the tab and lists overdue items', () => {
    const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00');
    app.call('importPlan', seed('000'));
    setMark(ws, '1.1', 'Выполнено');
    setMark(ws, '1.2', 'Выполнено частично');
    app.call('generatePlanAnalysis', '2021/2022');
    const doc = madeDocuments(ws).filter((d) => !d.trashed)[0]!;
    const totals = doc.tables().find((t) => t[0]!.join('|') === 'Отметка|Мероприятий|Доля, %')!;
    const byLabel = Object.fromEntries(totals.slice(1).map((r) => [r[0], r[1]]));
    expect(byLabel['Выполнено']).toBe('1');
    expect(byLabel['Выполнено частично']).toBe('1');
    expect(byLabel['Не выполнено']).toBe('0');
    expect(byLabel['Итого']).toBe('37');
    expect(doc.text()).toContain('Просроченные мероприятия');
    expect(doc.text()).toMatch(/3\.1 Организационное совещание/);
  });

  it('the menu actions open the import dialog and analyse the school year under way', () => {
    const { ws, app } = setUpDistrict('2022-06-01T09:00:00+03:00');
    app.call('showPlanImport');
    app.call('importPlan', seed('000'));
    app.call('promptPlanAnalysis');
    const docs = madeDocuments(ws).filter((d) => !d.trashed);
    expect(docs.map((d) => d.name)).toEqual([
      'Анализ выполнения плана работы на 2021/2022 учебный год',
    ]);
    expect(docs[0]!.folderPath).toMatch(/Анализ выполнения плана$/);
  });

  it('counts items whose deadline was not understood, in correct Russian', () => {
    const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00');
    app.call('importPlan', seed('003'));
    app.call('generatePlanAnalysis', '2021/2022');
    const unparsed = body(ws).filter((r) => cell(r, 'Срок распознан') === 'нет').length;
    expect(unparsed).toBe(2);
    const text = madeDocuments(ws)[0]!.text();
    expect(text).toContain(
      'Срок не удалось определить для 2 мероприятий — уточните сроки в плане.',
    );
    expect(text).toContain('Всего в плане 31 мероприятие;');
  });

  it('says in Russian when the year is malformed or has no items', () => {
    const { app } = setUpDistrict();
    expect(() => app.call('generatePlanAnalysis', '2021')).toThrow(
      /нет мероприятий плана на 2021 год/,
    );
    expect(() => app.call('generatePlanAnalysis', 'в этом году')).toThrow(/2021\/2022/);
  });
});
