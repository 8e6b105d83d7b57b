/**
 * «Safe at the edges» (issue 18): one test (or more) per bullet of the issue's «Why», each on the
 * real bundle — Drive folders and file ids, settings that cannot open the door, mail headers,
 * missed months, the calendar's edges, names that are prototype keys, echoes of what was typed.
 */
import {
  district,
  errorOf,
  journal,
  madeDocuments,
  registration,
  scheduleFirstEvent,
  SCHOOLS,
  setSetting,
  settingValue,
  type Ws,
} from './harness';
import { COMPETENCIES_SCHEMA, SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import type { School } from '../../src/domain/model';
import { NBSP } from '../../src/domain/text';
import fs from 'fs';
import os from 'os';
import path from 'path';

const OWNER = 'metodist@center.example';
const BOSS = 'boss@center.example';
const STRANGER = 'stranger@example.org';

/** No CR, LF or other control character. */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these
const CLEAN = /^[^\u0000-\u001F\u007F-\u009F\u2028\u2029]*$/;

describe('Why: settings that fail closed', () => {
  test('a 100 KB staff list is refused with a message and nothing is saved; every staff member keeps access', () => {
    const { ws, app } = district();
    app.call('saveSettings', { staff: `${OWNER}, ${BOSS}` });
    const before = ws.sheetValues('Настройки');
    const saved = app.project.documentProperties.get('access.staff');
    const list = Array.from({ length: 4000 }, (_, i) => `person${i}@center.example`).join(', ');
    expect(list.length).toBeGreaterThan(100_000);
    const result = app.call('saveSettings', { staff: list });
    expect(result.ok).toBe(false);
    expect(result.errors.staff).toContain('список слишком длинный');
    expect(result.errors.staff.length).toBeLessThan(300);
    expect(ws.sheetValues('Настройки')).toEqual(before);
    expect(app.project.documentProperties.get('access.staff')).toBe(saved);
    ws.actAs(BOSS);
    expect(errorOf(() => app.call('getSettings'))).toBe('no error');
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(errorOf(() => app.call('getSettings'))).toBe('no error');
  });

  test('an unreadable staff list means owner only — never anyone — and the sidebar and «Журнал» say so', () => {
    const { ws, app } = district();
    app.call('saveSettings', { staff: `${OWNER}, ${BOSS}` });
    // What is stored is not a list of addresses (a broken write, an edit of the project).
    app.project.documentProperties.set('access.staff', '["boss@center.example", {"x": 1}');
    ws.actAs(BOSS);
    expect(errorOf(() => app.call('getSettings'))).toContain(
      'список сотрудников центра не читается',
    );
    ws.actAs(STRANGER);
    expect(errorOf(() => app.call('rebuildAll'))).toContain('Нет доступа');
    ws.actAs(OWNER);
    const health = app.call('getHealth');
    expect(health.problems[0]).toContain('Список сотрудников центра не читается');
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(journal(ws).some((r) => r[3]!.includes('Список сотрудников центра не читается'))).toBe(
      true,
    );
    // The daily run neither adopts the cell nor writes over what is stored.
    expect(app.project.documentProperties.get('access.staff')).toBe(
      '["boss@center.example", {"x": 1}',
    );
    ws.actAs(BOSS);
    expect(errorOf(() => app.call('getSettings'))).toContain('не читается');
    // The owner saves the list again: staff are back.
    ws.actAs(OWNER);
    expect(app.call('saveSettings', { staff: `${OWNER}, ${BOSS}` }).ok).toBe(true);
    ws.actAs(BOSS);
    expect(errorOf(() => app.call('getSettings'))).toBe('no error');
  });

  test('before any list was saved, a staff cell that does not parse is not adopted: owner only', () => {
    const { ws, app } = district();
    app.project.documentProperties.delete('access.staff');
    setSetting(ws, 'staff', `${BOSS}, не адрес`);
    ws.actAs(BOSS);
    expect(errorOf(() => app.call('getSettings'))).toContain('не читается');
    ws.actAs(OWNER);
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(app.project.documentProperties.get('access.staff')).toBeUndefined();
    ws.actAs(BOSS);
    expect(errorOf(() => app.call('getSettings'))).toContain('не читается');
  });

  test('days of the month take digits only: 0x1a, 1e1, ５ and 5,0 are refused, 7 is taken', () => {
    const { ws, app } = district();
    for (const typed of ['0x1a', '1e1', '５', '5,0', ' 7 x', '-3']) {
      const result = app.call('saveSettings', { noteDay: typed, reportDeadlineDay: typed });
      expect(result.ok).toBe(false);
      expect(result.errors.noteDay).toContain('одними цифрами');
      expect(result.errors.reportDeadlineDay).toContain('одними цифрами');
    }
    expect(settingValue(ws, 'noteDay')).toBe(5);
    expect(app.call('saveSettings', { noteDay: '7' }).ok).toBe(true);
    expect(settingValue(ws, 'noteDay')).toBe(7);
    // Typed by hand into the tab, the same value is not taken either: the default stands.
    setSetting(ws, 'reportDeadlineDay', '1e1');
    const health = app.call('getHealth');
    expect(health.problems.join('\n')).toContain('«1e1»');
  });

  test('a folder name with «/» is refused with an explanation, not made into one odd folder', () => {
    const { ws, app } = district();
    const result = app.call('saveSettings', { rootFolderName: 'Опорный центр/Мониторинг' });
    expect(result.ok).toBe(false);
    expect(result.errors.rootFolderName).toContain('без «/»');
    expect(result.errors.rootFolderName).toContain('переместите');
    expect(ws.files().some((f) => f.name.includes('/'))).toBe(false);
  });
});

describe('Why: nothing reaches a mail header, an attachment name or a title with a line break', () => {
  const FIELDS = [
    'districtName',
    'centreName',
    'signaturePosition',
    'signatureName',
    'rootFolderName',
    'recipients',
    'staff',
  ];

  test('CR/LF (and other control characters) in every settings field that reaches mail or Drive is refused', () => {
    const { ws, app } = district();
    const before = ws.sheetValues('Настройки');
    for (const key of FIELDS) {
      for (const bad of ['Центр\r\nBcc: spy@evil.example', 'Центр\u0000', 'a\u2028b']) {
        const value = key === 'recipients' || key === 'staff' ? `x${bad}@center.example` : bad;
        const result = app.call('saveSettings', { [key]: value });
        expect(result.ok).toBe(false);
        expect(result.errors[key]).toBeTruthy();
      }
    }
    expect(ws.sheetValues('Настройки')).toEqual(before);
  });

  test('typed by hand into «Настройки», a line break never reaches the sender name, the PDF name or the note title', () => {
    const { ws, app } = district('2021-11-01T09:00:00+03:00');
    app.call('saveSettings', { recipients: 'uo@district.example' });
    setSetting(ws, 'centreName', 'Центр\r\nBcc: spy@evil.example');
    setSetting(ws, 'districtName', 'Невского\r\nX-Evil: 1');
    ws.clock.advanceTo('2021-11-05T07:00:00+03:00');
    const summary = ws.outbox().find((m) => m.subject.includes('сводка'))!;
    expect(summary).toBeDefined();
    for (const header of [summary.subject, summary.name, ...summary.attachments.map((a) => a.name)])
      expect(header).toMatch(CLEAN);
    expect(ws.outbox().some((m) => m.bcc !== '' || m.to.includes('evil'))).toBe(false);
    for (const file of ws.files()) expect(file.name).toMatch(CLEAN);
    expect(app.call('getHealth').problems.join('\n')).toContain('не принято');
  });

  test('one place cleans what older versions queued: a letter in «Почта» with CR/LF in its subject and sender goes out on one line', () => {
    const { ws } = district();
    const mail = ws.spreadsheet().getSheetByName('Почта')!;
    const header = mail.getRange(1, 1, 1, mail.getLastColumn()).getValues()[0]!;
    const row = header.map(() => '' as unknown);
    const at = (title: string) => header.findIndex((h) => String(h).includes(title));
    row[0] = 'alert:old:uo@district.example';
    row[at('Вид')] = 'alert';
    row[at('Кому')] = 'uo@district.example';
    row[at('Тема')] = 'Тема\r\nBcc: spy@evil.example';
    row[at('Текст')] = 'Текст письма';
    row[at('Отправитель')] = 'Центр\nX-Evil: 1';
    row[at('Статус')] = 'в очереди';
    row[at('Поставлено')] = new Date('2021-10-04T09:00:00+03:00');
    mail.getRange(mail.getLastRow() + 1, 1, 1, row.length).setValues([row]);
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    const sent = ws.outbox().find((m) => m.body === 'Текст письма')!;
    expect(sent).toBeDefined();
    expect(sent.subject).toBe('Тема Bcc: spy@evil.example');
    expect(sent.name).toBe('Центр X-Evil: 1');
  });
});

describe('Why: messages echo at most a short excerpt of what was typed', () => {
  test('a 10,000-character period is answered with a short message', () => {
    const { app } = district();
    const period = '2021-10' + 'x'.repeat(10_000);
    for (const call of [
      'generateMonthlyNote',
      'sendMonthlySummary',
      'generateNote',
      'sendSummary',
    ]) {
      const message = errorOf(() => app.call(call, period));
      expect(message).toContain('Месяц');
      expect(message.length).toBeLessThan(250);
    }
  });

  test('a 10,000-character answer in a form is quoted in «Требует проверки» as a short excerpt', () => {
    const { ws } = district();
    ws.submitForm('Регистрация участников', registration());
    ws.submitForm('Приказы о направлении участников', {
      'Образовательное учреждение': 'ГБОУ СОШ № 47',
      'Номер приказа': '7',
      'Дата приказа': 'когда-то ' + 'давно '.repeat(2000),
      Мероприятие: String(registration()['Мероприятие']),
      'Участники (Фамилия Имя, по одному в строке)': 'Иванова Мария\n' + 'Петров'.repeat(2000),
    });
    const [head = [], ...rows] = ws.sheetValues('Требует проверки');
    const problem = head.indexOf('Проблема');
    const echoed = rows.filter((r) => /давно|Петров/.test(String(r[problem])));
    expect(echoed.length).toBe(2);
    for (const row of echoed) {
      expect(String(row[problem]).length).toBeLessThan(300);
      expect(String(row[problem])).toContain('…»');
    }
  });

  test("'0001-01' is refused as a month, never reported as «0-12»", () => {
    const { app } = district();
    const message = errorOf(() => app.call('generateMonthlyNote', '0001-01'));
    expect(message).toContain('Месяц указан неверно');
    expect(message).not.toContain('0-12');
  });
});

describe('Why: missed months are caught up after an outage', () => {
  test('a 40-day outage (the lock busy 2 October – 12 November): September and October notes, summaries and reminders once, oldest first, listed as late', () => {
    const { ws, app } = district('2021-09-01T09:00:00+03:00');
    app.call('saveSettings', { recipients: BOSS });
    ws.clock.advanceTo('2021-10-01T07:30:00+03:00');
    ws.lockHeldElsewhere(true);
    ws.clock.advanceTo('2021-11-12T07:30:00+03:00');
    ws.lockHeldElsewhere(false);
    expect(madeDocuments(ws)).toEqual([]);
    ws.clock.advanceTo('2021-11-13T07:30:00+03:00');
    const notes = madeDocuments(ws).filter((d) => !d.trashed);
    expect(notes.map((d) => d.name.replace(/.*за /, ''))).toEqual([
      `сентябрь 2021${NBSP}г.`,
      `октябрь 2021${NBSP}г.`,
    ]);
    const summaries = ws.outbox().filter((m) => m.subject.includes('сводка'));
    expect(summaries.map((m) => m.subject.replace(/.*сводка /, ''))).toEqual([
      `за сентябрь 2021${NBSP}г.`,
      `за октябрь 2021${NBSP}г.`,
    ]);
    const staffLists = ws
      .outbox()
      .filter((m) => m.to === BOSS && /Должники|должник/i.test(m.subject));
    expect(staffLists).toHaveLength(2);
    // September's reminders go out today; October's missing reports ride in October's letters to
    // ОУ, which wait for the next day (one letter an ОУ a day), and are not repeated as reminders.
    const reminders = (month: string) =>
      ws.outbox().filter((m) => m.subject.startsWith('Напоминание') && m.subject.includes(month));
    expect(reminders('сентябрь')).toHaveLength(4);
    expect(reminders('октябрь')).toHaveLength(0);
    ws.clock.advanceTo('2021-11-14T07:30:00+03:00');
    const letters = ws.outbox().filter((m) => m.subject.startsWith('Участие'));
    expect(letters).toHaveLength(4);
    for (const letter of letters) {
      expect(letter.subject).toContain('октябрь 2021');
      expect(letter.body).toContain('ежемесячный отчёт за октябрь');
    }
    expect(reminders('сентябрь')).toHaveLength(4);
    expect(reminders('октябрь')).toHaveLength(0);
    // «Журнал» and the sidebar say what was late, with its day.
    const late = journal(ws).filter((r) => r[3]!.includes('с опозданием'));
    expect(late.map((r) => r[3]!.slice(0, 60))).toEqual([
      expect.stringContaining('сентябрь'),
      expect.stringContaining('сентябрь'),
      expect.stringContaining('сентябрь'),
      expect.stringContaining('октябрь'),
      expect.stringContaining('октябрь'),
      expect.stringContaining('октябрь'),
      expect.stringContaining('октябрь'),
    ]);
    expect(late[0]![3]).toContain('05.10.2021');
    const health = app.call('getHealth');
    expect(health.late).toHaveLength(7);
    expect(health.late.join('\n')).toContain('срок 05.10.2021');
    // The next days owe nothing more: nothing twice.
    const sent = ws.outbox().length;
    ws.clock.advanceTo('2021-11-20T07:30:00+03:00');
    expect(ws.outbox().length).toBe(sent);
    expect(madeDocuments(ws).filter((d) => !d.trashed)).toHaveLength(2);
  });

  test('a month missed before the system was installed is not owed', () => {
    const { ws } = district('2021-12-10T09:00:00+03:00');
    ws.clock.advanceTo('2022-01-06T07:30:00+03:00');
    const months = madeDocuments(ws).map((d) => d.name.replace(/.*за /, ''));
    expect(months).toEqual([`ноябрь 2021${NBSP}г.`, `декабрь 2021${NBSP}г.`]);
  });
});

describe('Why: periods checked against the calendar', () => {
  test('on 4 October 2021 a note for 2099-01, 9999-12 or any month to come is refused; a summary for May 2022 too — nothing made, nothing mailed', () => {
    const { ws, app } = district();
    app.call('saveSettings', { recipients: BOSS });
    for (const period of ['2099-01', '9999-12', '2021-11']) {
      const message = errorOf(() => app.call('generateMonthlyNote', period));
      expect(message).not.toBe('no error');
      expect(message.length).toBeLessThan(200);
    }
    expect(errorOf(() => app.call('generateMonthlyNote', '2021-11'))).toContain('ещё не начался');
    expect(errorOf(() => app.call('sendMonthlySummary', '2022-05'))).toContain(
      'месяц ещё не закончился',
    );
    expect(errorOf(() => app.call('sendSummary', '2022-05'))).toContain('не закончился');
    expect(madeDocuments(ws)).toEqual([]);
    expect(ws.outbox()).toEqual([]);
  });

  test('the current month only on demand, titled «предварительные данные», and never mailed: the summary goes with the final note', () => {
    const { ws, app } = district('2021-10-20T09:00:00+03:00');
    app.call('saveSettings', { recipients: BOSS });
    const id = app.call('generateMonthlyNote', '2021-10') as string;
    const preliminary = madeDocuments(ws).find((d) => d.id === id)!;
    expect(preliminary.name).toContain('(предварительные данные)');
    expect(preliminary.text()).toContain('данные предварительные');
    expect(errorOf(() => app.call('sendMonthlySummary', '2021-10'))).toContain('не закончился');
    expect(ws.outbox()).toEqual([]);
    ws.clock.advanceTo('2021-11-05T07:30:00+03:00');
    const summary = ws.outbox().find((m) => m.subject.includes('сводка'))!;
    expect(summary.attachments.map((a) => a.name)).toEqual([
      expect.not.stringContaining('предварительные'),
    ]);
    const live = madeDocuments(ws).filter((d) => !d.trashed && d.name.includes('октябрь'));
    expect(live.map((d) => d.name)).toEqual([expect.not.stringContaining('предварительные')]);
  });

  test('a summary only for a finished month with its final note: a preliminary note is made anew first', () => {
    const { ws, app } = district('2021-09-20T09:00:00+03:00');
    app.call('saveSettings', { recipients: BOSS });
    app.call('generateMonthlyNote', '2021-09');
    ws.clock.advanceTo('2021-10-02T09:00:00+03:00'); // before the note day
    app.call('sendMonthlySummary', '2021-09');
    const summary = ws.outbox().find((m) => m.subject.includes('сводка'))!;
    expect(summary.attachments[0]!.name).not.toContain('предварительные');
    expect(summary.body).not.toContain('предварительные');
  });
});

describe('Why: the report form and the reminders at the 1 September boundary', () => {
  function monthChoices(ws: Ws): string[] {
    const form = ws.forms().find((f) => f.title === 'Ежемесячный отчёт ОУ')!;
    return form.items.find((i) => i.title === 'Отчётный месяц')!.choices;
  }

  test('August stays in the month list until its deadline has passed; the reminders of 6 September never ask for it', () => {
    const { ws } = district('2022-08-20T09:00:00+03:00');
    ws.clock.advanceTo('2022-09-01T07:30:00+03:00');
    expect(monthChoices(ws)[0]).toBe('август 2022');
    expect(monthChoices(ws)).toContain('сентябрь 2022');
    // A school answers for August on 3 September: the form offers it, the answer is placed.
    ws.clock.advanceTo('2022-09-03T10:00:00+03:00');
    ws.submitForm('Ежемесячный отчёт ОУ', {
      'Образовательное учреждение': 'ГБОУ СОШ № 47',
      'Отчётный месяц': 'август 2022',
      'Проведено занятий по подготовке': '2',
      'Обучающихся в подготовке': '5',
      'Педагогов-наставников': '1',
      'Контактное лицо': 'Сидорова Анна',
    });
    expect(ws.sheetValues('Отчёты ОУ')).toHaveLength(2);
    ws.clock.advanceTo('2022-09-06T07:30:00+03:00');
    expect(monthChoices(ws)).not.toContain('август 2022');
    expect(monthChoices(ws)[0]).toBe('сентябрь 2022');
    const reminders = ws.outbox().filter((m) => /Напоминание|Должники/.test(m.subject));
    expect(reminders.filter((m) => /август/.test(m.body))).toEqual([]);
    expect(journal(ws).some((r) => r[3]!.includes('форма отчёта больше не предлагает'))).toBe(true);
  });
});

describe('Why: no name is a key of a plain object', () => {
  const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

  test('competencies and ОУ named constructor, __proto__, toString, hasOwnProperty, valueOf count like any other', () => {
    const { ws, app } = district();
    scheduleFirstEvent(ws, '2021-10-20', '2021-10-22', '2021-10-15');
    const schools: School[] = NAMES.map((name, i) => ({
      ...SCHOOLS[0]!,
      key: name,
      number: String(901 + i),
      officialName: `ГБОУ СОШ № ${901 + i}`,
      shortName: name,
      emails: [`s${901 + i}@school.example`],
    }));
    const registry = ws.spreadsheet().getSheetByName('ОУ')!;
    registry
      .getRange(SCHOOLS.length + 2, 1, schools.length, SCHOOLS_SCHEMA.columns.length)
      .setValues(schools.map((school) => toRow(SCHOOLS_SCHEMA, school)) as never);
    const competencies = ws.spreadsheet().getSheetByName('Компетенции')!;
    competencies
      .getRange(competencies.getLastRow() + 1, 1, NAMES.length, COMPETENCIES_SCHEMA.columns.length)
      .setValues(
        NAMES.map((name) =>
          toRow(COMPETENCIES_SCHEMA, {
            name,
            programme: 'JuniorSkills',
            ageCategories: ['10+'],
            active: true,
            aliases: [],
          }),
        ) as never,
      );
    app.call('setupSystem');
    NAMES.forEach((name, i) => {
      ws.submitForm(
        'Регистрация участников',
        registration({
          'Образовательное учреждение': name,
          Компетенция: name,
          'Участник 1: фамилия': ['Иванова', 'Петрова', 'Сидорова', 'Козлова', 'Орлова'][i]!,
        }),
      );
    });
    ws.submitForm('Результаты участия', {
      'Образовательное учреждение': '__proto__',
      Мероприятие: String(registration()['Мероприятие']),
      Компетенция: '__proto__',
      'Участник (Фамилия Имя)': 'Петрова Мария',
      Результат: 'Победитель (1 место)',
      Баллы: '95',
    });
    const placed = ws.sheetValues('Участники').slice(1);
    expect(placed.map((r) => r[3]).sort()).toEqual([...NAMES].sort());
    const id = app.call('generateMonthlyNote', '2021-10') as string;
    const note = madeDocuments(ws).find((d) => d.id === id)!;
    const stats = ws
      .sheetValues('Статистика')
      .map((r) => r.map(String).join(' | '))
      .join('\n');
    for (const text of [stats, note.text()]) {
      expect(text).not.toMatch(/native code|function|NaN|undefined|\[object/);
    }
    // Each name counts once in the competency table; the totals add up.
    const table = note.tables().find((t) => t.some((row) => row[0] === 'valueOf'))!;
    expect(table).toBeDefined();
    for (const name of NAMES) {
      const row = table.find((r) => r[0] === name)!;
      expect(row).toBeDefined();
      expect(row.slice(1)).toContain('1');
    }
    const dashboard = app.call('getDashboard');
    expect(dashboard.month.participants).toBe(5);
    expect(dashboard.month.schoolsParticipating).toBe(5);
    expect(dashboard.month.winners).toBe(1);
    // Reminders to ОУ keyed so go out once each, and not again the next day.
    ws.clock.advanceTo('2021-11-06T07:30:00+03:00');
    const to = ws
      .outbox()
      .filter((m) => m.subject.startsWith('Напоминание'))
      .map((m) => m.to);
    for (let i = 0; i < NAMES.length; i++) expect(to).toContain(`s${901 + i}@school.example`);
    const count = to.length;
    ws.clock.advanceTo('2021-11-07T07:30:00+03:00');
    expect(ws.outbox().filter((m) => m.subject.startsWith('Напоминание'))).toHaveLength(count);
  });
});

describe("Why: two events of one name, last year's and this year's", () => {
  const KIDSKILLS = 'Районный отборочный этап KidSkills';
  const day = (iso: string): Date => new Date(`${iso}T00:00:00+03:00`);

  /** Last year's row of the same event put above this year's, as staff keep «Мероприятия». */
  function withLastYear(ws: Ws): void {
    const sheet = ws.spreadsheet().getSheetByName('Мероприятия')!;
    const rows = sheet.getDataRange().getValues();
    const lastYear = [...rows.find((r) => r[0] === KIDSKILLS)!];
    lastYear.splice(4, 3, day('2020-11-16'), day('2020-11-20'), day('2020-11-02'));
    sheet
      .getRange(1, 1, rows.length + 1, rows[0]!.length)
      .setValues([rows[0]!, lastYear, ...rows.slice(1)] as never);
  }

  function queue(ws: Ws): string {
    return ws
      .sheetValues('Требует проверки')
      .map((r) => r.map(String).join(' | '))
      .join('\n');
  }

  test("a registration for this year's event is placed in this year's, not queued as «регистрация закрылась»", () => {
    const { ws, app } = district('2021-10-05T09:00:00+03:00');
    withLastYear(ws);
    app.call('setupSystem');
    // Last year's answer (as if the form had been in use then): the November 2020 stage.
    ws.seedResponses('Регистрация участников', [
      {
        at: '2020-10-20T10:00:00+03:00',
        answers: registration({ Мероприятие: KIDSKILLS, 'Участник 1: фамилия': 'Старова' }),
      },
    ]);
    // This year: a registration for the November 2021 stage, open until 1 November 2021.
    ws.clock.advanceTo('2021-10-20T10:00:00+03:00');
    ws.submitForm(
      'Регистрация участников',
      registration({ Мероприятие: KIDSKILLS, 'Участник 1: фамилия': 'Новикова' }),
    );
    expect(
      ws
        .sheetValues('Участники')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(expect.arrayContaining(['Старова', 'Новикова']));
    expect(queue(ws)).not.toContain('регистрация на мероприятие');
    // A registration after this year's deadline is still late — by this year's date.
    ws.clock.advanceTo('2021-11-05T10:00:00+03:00');
    ws.submitForm(
      'Регистрация участников',
      registration({ Мероприятие: KIDSKILLS, 'Участник 1: фамилия': 'Позднякова' }),
    );
    expect(queue(ws)).toContain('закрылась 01.11.2021');
    expect(queue(ws)).not.toContain('закрылась 02.11.2020');
    // Each child counts in the month of its own edition: November 2021 has this year's two.
    ws.clock.advanceTo('2021-11-20T10:00:00+03:00');
    expect(app.call('getDashboard').month.participants).toBe(2);
    // rebuildAll says the same.
    app.call('rebuildAll');
    expect(queue(ws)).not.toContain('02.11.2020');
    expect(app.call('getDashboard').month.participants).toBe(2);
  });

  test("the same child in the same event and competency two years running is two participants; this year's result is this year's", () => {
    // Set up in August 2021 (school year 2020/21): last year's ids stay as they were.
    const { ws, app } = district('2021-08-25T09:00:00+03:00');
    withLastYear(ws);
    app.call('setupSystem');
    const child = { Мероприятие: KIDSKILLS, 'Участник 1: фамилия': 'Новикова' };
    ws.seedResponses('Регистрация участников', [
      { at: '2020-10-20T10:00:00+03:00', answers: registration(child) },
    ]);
    ws.clock.advanceTo('2021-10-20T10:00:00+03:00');
    ws.submitForm('Регистрация участников', registration(child));
    const participants = () => {
      const [head, ...rows] = ws.sheetValues('Участники');
      const at = (name: string) => head!.indexOf(name);
      return rows
        .filter((r) => r[at('Фамилия')] === 'Новикова')
        .map((r) => ({ id: String(r[at('ID участника')]), result: r[at('Результат')] }));
    };
    expect(participants()).toHaveLength(2);
    expect(new Set(participants().map((p) => p.id)).size).toBe(2);
    ws.clock.advanceTo('2021-11-20T10:00:00+03:00');
    expect(app.call('getDashboard').month.participants).toBe(1);
    ws.submitForm('Результаты участия', {
      'Образовательное учреждение': 'ГБОУ СОШ № 47',
      Мероприятие: KIDSKILLS,
      Компетенция: 'Мобильная робототехника',
      'Участник (Фамилия Имя)': 'Новикова Мария',
      Результат: 'Победитель (1 место)',
      Баллы: '95',
    });
    expect(participants().map((p) => p.result)).toEqual(['', 'Победитель (1 место)']);
    expect(app.call('getDashboard').month.winners).toBe(1);
  });

  test('only a true ambiguity (a row of the name without a date) is queued, and the answer is placed', () => {
    const { ws, app } = district('2021-10-05T09:00:00+03:00');
    withLastYear(ws);
    const sheet = ws.spreadsheet().getSheetByName('Мероприятия')!;
    sheet.getRange(2, 5, 1, 3).setValues([['', '', '']] as never);
    app.call('setupSystem');
    ws.submitForm(
      'Регистрация участников',
      registration({ Мероприятие: KIDSKILLS, 'Участник 1: фамилия': 'Новикова' }),
    );
    expect(ws.sheetValues('Участники').some((r) => r[1] === 'Новикова')).toBe(true);
    expect(queue(ws)).toContain('несколько строк с названием');
  });
});

describe('Why: only real uploads are moved', () => {
  const ORDER = 'Приказы о направлении участников';
  const ORDER_ANSWERS = {
    'Образовательное учреждение': 'ГБОУ СОШ № 47',
    'Номер приказа': '9',
    'Дата приказа': '01.10.2021',
    'Участники (Фамилия Имя, по одному в строке)': 'Иванова Мария',
  };

  function orderSheet(ws: Ws) {
    const formId = ws.forms().find((f) => f.title === ORDER)!.id;
    return ws
      .spreadsheet()
      .getSheets()
      .find((s) => (s.getFormUrl() ?? '').includes(formId))!;
  }

  test("an id typed into the response sheet — the master spreadsheet's — is never moved, by the daily run nor by rebuildAll; the row is flagged", () => {
    const { ws, app } = district();
    app.call('saveSettings', { staff: OWNER });
    ws.uploadFileItem(ORDER, 'Файл приказа');
    ws.submitForm('Регистрация участников', registration());
    // A real upload is moved, as before.
    ws.submitForm(ORDER, {
      ...ORDER_ANSWERS,
      Мероприятие: String(registration()['Мероприятие']),
      'Файл приказа': ['prikaz-9.pdf'],
    });
    const file = (name: string) => ws.files().find((f) => f.name.startsWith(name))!;
    expect(file('prikaz-9').path).toContain('Банк приказов/ШКОЛА-47');
    const masterId = ws.spreadsheet().getId();
    const masterPath = () => ws.files().find((f) => f.id === masterId)!.path;
    const before = masterPath();

    const sheet = orderSheet(ws);
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const typed: Record<string, unknown> = {
      ...ORDER_ANSWERS,
      'Номер приказа': '10',
      Мероприятие: String(registration()['Мероприятие']),
      'Файл приказа': `https://drive.google.com/open?id=${masterId}`,
    };
    const row = headers.map((h, i) =>
      i === 0 ? new Date('2021-10-04T12:00:00+03:00') : (typed[h] ?? ''),
    );
    // The response sheets are protected like every tab: a non-staff editor cannot append a row…
    ws.actAs(STRANGER);
    expect(errorOf(() => sheet.appendRow(row))).not.toBe('no error');
    ws.actAs(OWNER);
    // …and a row that gets there anyway (typed by hand) moves nothing.
    sheet.appendRow(row);
    ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
    expect(masterPath()).toBe(before);
    app.call('rebuildAll');
    expect(masterPath()).toBe(before);
    expect(file('prikaz-9').path).toContain('Банк приказов/ШКОЛА-47');
    const queue = ws.sheetValues('Требует проверки').map((r) => r.map(String).join(' | '));
    const flagged = queue.filter((r) => r.includes('не был загружен через форму'));
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toContain('Файл не перенесён в «Банк приказов»');
    expect(journal(ws).some((r) => r.join(' ').includes('не был загружен через форму'))).toBe(true);
    // The next runs do not ask again, nor flag twice.
    ws.clock.advanceTo('2021-10-06T07:00:00+03:00');
    expect(masterPath()).toBe(before);
    expect(
      ws
        .sheetValues('Требует проверки')
        .filter((r) => r.map(String).join(' ').includes('не был загружен через форму')),
    ).toHaveLength(1);
  });
});

describe('Why: Drive that heals', () => {
  const ORDER = 'Приказы о направлении участников';

  /** What a staff member does by hand in Drive, as a script of their own over the same Drive. */
  function staffDrive(ws: Ws) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-drive-'));
    fs.writeFileSync(
      path.join(dir, 'Code.js'),
      'function trash(id) { DriveApp.getFolderById(id).setTrashed(true); }\n' +
        'function moveFile(id) { DriveApp.getFileById(id).moveTo(DriveApp.getRootFolder()); }\n' +
        'function moveFolder(id, name) { DriveApp.getFolderById(id).setName(name).moveTo(DriveApp.getRootFolder()); }\n',
    );
    return ws.loadBundle(dir, { container: 'standalone', name: 'Руками' });
  }

  const folder = (ws: Ws, name: string) =>
    ws.files().find((f) => f.name === name && f.mimeType === 'application/vnd.google-apps.folder')!;

  function orderWithFile(ws: Ws, number: string, file: string): void {
    ws.submitForm(ORDER, {
      'Образовательное учреждение': 'ГБОУ СОШ № 47',
      'Номер приказа': number,
      'Дата приказа': '01.10.2021',
      Мероприятие: String(registration()['Мероприятие']),
      'Участники (Фамилия Имя, по одному в строке)': 'Иванова Мария',
      'Файл приказа': [file],
    });
  }

  test('a bank folder trashed in October is noticed by the next daily run: restored with the October upload, journaled, shown in the health', () => {
    const { ws, app } = district();
    ws.uploadFileItem(ORDER, 'Файл приказа');
    ws.submitForm('Регистрация участников', registration());
    orderWithFile(ws, '9', 'prikaz-9.pdf');
    const file = () => ws.files().find((f) => f.name.startsWith('prikaz-9'))!;
    expect(file().path).toMatch(/Банк приказов\/ШКОЛА-47$/);
    const bank = folder(ws, 'Банк приказов');
    // Staff trash «Банк приказов» on 20 October; the daily runs go on.
    ws.clock.advanceTo('2021-10-20T12:00:00+03:00');
    staffDrive(ws).call('trash', bank.id);
    expect(file().trashed).toBe(true);
    ws.clock.advanceTo('2021-10-21T07:30:00+03:00');
    // Restored, not remade: the same folder, the upload in its place, nothing left in the trash.
    expect(folder(ws, 'Банк приказов').id).toBe(bank.id);
    expect(folder(ws, 'Банк приказов').trashed).toBe(false);
    expect(file().trashed).toBe(false);
    expect(file().path).toMatch(/Банк приказов\/ШКОЛА-47$/);
    const lines = journal(ws).filter((r) => r[3]!.includes('была в корзине Google Диска'));
    expect(lines).toHaveLength(1);
    expect(lines[0]![3]).toContain('Банк приказов');
    expect(app.call('getHealth').drive).toEqual([
      expect.stringContaining('«Мониторинг чемпионатов/Банк приказов» восстановлена из корзины'),
    ]);
    // Thirty days later Drive would have emptied the trash: in November the file is still there.
    ws.clock.advanceTo('2021-11-25T07:30:00+03:00');
    expect(file().trashed).toBe(false);
    expect(file().path).toMatch(/Банк приказов\/ШКОЛА-47$/);
  });

  test('an October upload taken out of its folder by hand is put back by the next catch-up in November (however old); a trashed ОУ folder is restored by rebuildAll', () => {
    const { ws, app } = district();
    ws.uploadFileItem(ORDER, 'Файл приказа');
    ws.submitForm('Регистрация участников', registration());
    orderWithFile(ws, '9', 'prikaz-9.pdf');
    const file = () => ws.files().find((f) => f.name.startsWith('prikaz-9'))!;
    const staff = staffDrive(ws);
    // A month later the file is moved out to My Drive by hand: the daily runs' weekly full pass
    // compares what is placed with what the folder holds and moves it back.
    ws.clock.advanceTo('2021-11-10T12:00:00+03:00');
    staff.call('moveFile', file().id);
    expect(file().path).toBe('');
    ws.clock.advanceTo('2021-11-18T07:30:00+03:00');
    expect(file().path).toMatch(/Банк приказов\/ШКОЛА-47$/);
    // The ОУ folder trashed: «Пересобрать данные» restores it with the file.
    const school = folder(ws, 'ШКОЛА-47');
    staff.call('trash', school.id);
    expect(file().trashed).toBe(true);
    app.call('rebuildAll');
    expect(folder(ws, 'ШКОЛА-47').id).toBe(school.id);
    expect(file().trashed).toBe(false);
    expect(file().path).toMatch(/Банк приказов\/ШКОЛА-47$/);
    expect(journal(ws).some((r) => r[3]!.includes('ШКОЛА-47» была в корзине'))).toBe(true);
  });

  test('a bank folder moved and renamed by hand is still the bank: found by id, no second «Банк приказов» made', () => {
    const { ws } = district();
    ws.uploadFileItem(ORDER, 'Файл приказа');
    ws.submitForm('Регистрация участников', registration());
    orderWithFile(ws, '9', 'prikaz-9.pdf');
    const bank = folder(ws, 'Банк приказов');
    staffDrive(ws).call('moveFolder', bank.id, 'Приказы (архив)');
    ws.clock.advanceTo('2021-10-05T07:30:00+03:00');
    orderWithFile(ws, '10', 'prikaz-10.pdf');
    const file = ws.files().find((f) => f.name.startsWith('prikaz-10'))!;
    expect(file.path).toBe('Приказы (архив)/ШКОЛА-47');
    expect(ws.files().filter((f) => f.name === 'Банк приказов')).toHaveLength(0);
  });

  test('a bank folder deleted for good (trash emptied during an outage) is made again, and «Журнал» says its files are lost', () => {
    const { ws, app } = district();
    ws.uploadFileItem(ORDER, 'Файл приказа');
    ws.submitForm('Регистрация участников', registration());
    orderWithFile(ws, '9', 'prikaz-9.pdf');
    const bank = folder(ws, 'Банк приказов');
    ws.lockHeldElsewhere(true);
    staffDrive(ws).call('trash', bank.id);
    ws.clock.advanceTo('2021-11-06T07:00:00+03:00'); // 30 days on: Drive empties the trash
    expect(ws.files().some((f) => f.id === bank.id)).toBe(false);
    ws.lockHeldElsewhere(false);
    ws.clock.advanceTo('2021-11-07T07:30:00+03:00');
    const made = folder(ws, 'Банк приказов');
    expect(made.id).not.toBe(bank.id);
    expect(made.trashed).toBe(false);
    expect(journal(ws).some((r) => r[3]!.includes('удалена с Google Диска навсегда'))).toBe(true);
    expect(app.call('getHealth').drive[0]).toContain('создана заново');
  });
});
