/**
 * closeSchoolYear on the real bundle after a generated season (issue 23, «Done when»): no child's
 * name of the season is left in any tab or stored form response, the archive's totals equal the
 * year's «Статистика», the annual note exists once, September starts clean, the preview and a
 * second close change nothing, and a close cut in the middle completes on the next call.
 */
import { simulateSeason, type SimulatedSeason } from '../../scripts/start';
import { normalizePersonName, splitFullName, splitNameLines } from '../../src/domain/text/names';
import { FORMS_RU } from '../../src/i18n/ru/forms';
import { PARTICIPANTS_SCHEMA, columnIndex } from '../../src/domain/schema';
import {
  madeDocuments,
  registration,
  rememberFirstEvent,
  scheduleFirstEvent,
  setUpDistrict,
  addNextYearEvent,
  NEXT_YEAR_EVENT,
} from './harness';

const Q = FORMS_RU.questions;
const T = FORMS_RU.titles;
const YEAR = '2021/2022';
/** The months of the school year whose notes a close needs, September to May. */
const YEAR_MONTHS = [
  '2021-09',
  '2021-10',
  '2021-11',
  '2021-12',
  '2022-01',
  '2022-02',
  '2022-03',
  '2022-04',
  '2022-05',
];
const NEW_EVENT = NEXT_YEAR_EVENT;

let season: SimulatedSeason;
let ownArchive = '';
/** «фамилия имя» (lower case, ё as е) of every child named in the season's responses. */
const seasonPairs = new Set<string>();
let statsBefore: { participants: number; winners: number; prizeWinners: number };
let idsBefore: string[];

const fold = (s: string): string => s.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
const pair = (surname: string, name: string): string => fold(`${surname} ${name}`);

/** Every tab of the master as rows of text. */
function masterRows(ws: SimulatedSeason['ws']): Array<{ tab: string; text: string }> {
  return ws
    .spreadsheet()
    .getSheets()
    .flatMap((sheet) =>
      ws.sheetValues(sheet.getName()).map((row) => ({
        tab: sheet.getName(),
        text: row.map((c) => (c instanceof Date ? '' : String(c))).join(' | '),
      })),
    );
}

/** Every tab of the master (but `except`) as text by tab, to compare before and after a call. */
function snapshot(ws: SimulatedSeason['ws'], except: string[] = []): Record<string, string> {
  const tabs: Record<string, string> = {};
  for (const s of ws.spreadsheet().getSheets()) {
    if (!except.includes(s.getName()))
      tabs[s.getName()] = JSON.stringify(ws.sheetValues(s.getName()));
  }
  return tabs;
}

/** The tabs whose text differs between two snapshots. */
function changedTabs(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]);
}

/** The season's pairs found in `text`, except in an adult's full name (a patronymic follows). */
function namesIn(text: string): string[] {
  const words = fold(text)
    .split(/[^a-zа-я'-]+/)
    .filter(Boolean);
  const found: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) {
    const next = words[i + 2] ?? '';
    if (/(вич|вна|ична)$/.test(next)) continue;
    for (const key of [`${words[i]} ${words[i + 1]}`, `${words[i + 1]} ${words[i]}`]) {
      if (seasonPairs.has(key)) found.push(key);
    }
  }
  return found;
}

/** The text of every stored response of every form of the app. */
function storedResponses(s: SimulatedSeason): string[] {
  const FormApp = (s.app.context as unknown as { FormApp: GoogleAppsScript.Forms.FormApp }).FormApp;
  return s.ws.forms().flatMap((f) =>
    FormApp.openById(f.id)
      .getResponses()
      .map((r) =>
        r
          .getItemResponses()
          .map((i) => String(i.getResponse()))
          .join(' | '),
      ),
  );
}

function ytdFigures(ws: SimulatedSeason['ws']) {
  const rows = ws.sheetValues('Статистика');
  const header = rows.findIndex((r) => r[0] === 'Показатель');
  const ytd = rows[header]!.indexOf('С начала учебного года');
  const value = (label: string): number => Number(rows.find((r) => r[0] === label)![ytd]);
  return {
    participants: value('Участники, чел.'),
    winners: value('Победители (1 место)'),
    prizeWinners: value('Призёры (2–3 место)'),
  };
}

function registerForNewYear(s: SimulatedSeason, surname: string, name: string): void {
  const choices = s.ws.forms().find((f) => f.title === T.registration)!.items;
  const school = choices.find((i) => i.title === Q.school)!.choices[0]!;
  s.ws.submitForm(T.registration, {
    [Q.school]: school,
    [Q.event]: NEW_EVENT,
    [Q.competency]: 'Мобильная робототехника',
    [Q.ageCategory]: '10+',
    [Q.p1Surname]: surname,
    [Q.p1Name]: name,
    [Q.p1Class]: '5А',
    [Q.mentorName]: 'Осенняя Вера Павловна',
    [Q.mentorEmail]: 'osen@school.example',
    [Q.consent]: ['Да, согласие получено'],
  });
}

describe('closeSchoolYear after a season', () => {
  beforeAll(() => {
    season = simulateSeason({
      seed: 23,
      schools: 10,
      participants: 150,
      from: '2021-09-01',
      to: '2022-06-06',
    });
    const { ws } = season;
    const sheet = (title: string) =>
      ws
        .spreadsheet()
        .getSheets()
        .find((s) => s.getFormUrl() && s.getName().includes(title))!;
    for (const title of [T.registration, T.order, T.results]) {
      const [header, ...rows] = ws.sheetValues(sheet(title).getName());
      const at = (q: string) => header!.indexOf(q);
      for (const row of rows) {
        if (title === T.registration) {
          for (const [s, n] of [
            [Q.p1Surname, Q.p1Name],
            [Q.p2Surname, Q.p2Name],
          ] as const) {
            const surname = String(row[at(s)] ?? '');
            const name = String(row[at(n)] ?? '');
            if (!surname || !name) continue;
            seasonPairs.add(pair(surname, name));
            seasonPairs.add(pair(normalizePersonName(surname), normalizePersonName(name)));
          }
        } else {
          const cell = String(
            row[at(title === T.order ? Q.orderParticipants : Q.resultParticipant)],
          );
          for (const line of splitNameLines(cell)) {
            const person = splitFullName(line);
            if (person) seasonPairs.add(pair(person.surname, person.name));
          }
        }
      }
    }
    // Staff add next year's first event; a school registers for it before the year is closed.
    addNextYearEvent(ws, season.app);
    registerForNewYear(season, 'Сентябрёва', 'Злата');
    // A methodologist's own table in My Drive that happens to bear the archive's title.
    ownArchive = ws.createSpreadsheet('Архив 2021/2022');
    statsBefore = ytdFigures(ws);
    idsBefore = ws
      .sheetValues('Участники')
      .slice(1)
      .map((r) => String(r[columnIndex(PARTICIPANTS_SCHEMA, 'id')]))
      .filter((id) => id !== '');
  }, 120000);

  test('the season names children everywhere before the close (the checks below can fail)', () => {
    expect(seasonPairs.size).toBeGreaterThan(100);
    expect(masterRows(season.ws).filter((r) => namesIn(r.text).length > 0).length).toBeGreaterThan(
      100,
    );
    expect(storedResponses(season).some((r) => namesIn(r).length > 0)).toBe(true);
  });

  test('before 1 June, or a year not understood, it is refused in Russian', () => {
    expect(() => season.app.call('closeSchoolYear', '2022/2023')).toThrow(/можно с 01\.06\.2023/);
    expect(() => season.app.call('closeSchoolYear', '21 год')).toThrow(/не распознан/);
  });

  test('the preview lists what will be archived, removed and kept, and changes nothing', () => {
    const before = snapshot(season.ws);
    const files = season.ws.files().length;
    const answer = season.app.call('closeSchoolYear', YEAR) as {
      preview: boolean;
      closed: boolean;
      lines: string[];
    };
    expect(answer.preview).toBe(true);
    expect(answer.closed).toBe(false);
    const text = answer.lines.join('\n');
    expect(text).toContain('Архив 2021/2022');
    expect(text).toContain(`участников — ${statsBefore.participants}`);
    expect(text).toMatch(
      /Лист ответов «Регистрация участников»: ответов закрываемого года — \d+; имён детей, которые заменяются ID участника, — [1-9]\d*/,
    );
    expect(text).toMatch(
      /Форма «Результаты участия»: ответов закрываемого года, которые удаляются из хранилища формы, — [1-9]/,
    );
    expect(text).toContain('историю версий таблицы');
    expect(text).toContain('сканы приказов');
    expect(changedTabs(before, snapshot(season.ws))).toEqual([]);
    expect(season.ws.files().length).toBe(files);
  });

  test('a close cut in the middle leaves the same participant ids for a rebuild, and the next call completes it', () => {
    season.ws.faults.fail('Form.deleteResponse', { times: 1, error: 'Service Forms failed' });
    expect(() => season.app.call('closeSchoolYear', YEAR, true)).toThrow('Service Forms failed');
    // Archive, note and names are done: the raw sheets hold ids, read back as the same ids.
    const journal = season.ws.sheetValues('Журнал').map((r) => r.join(' '));
    expect(journal.some((l) => l.includes('имена в листах ответов'))).toBe(true);
    season.app.call('rebuildAll');
    const ids = season.ws
      .sheetValues('Участники')
      .slice(1)
      .map((r) => String(r[columnIndex(PARTICIPANTS_SCHEMA, 'id')]))
      .filter((id) => id !== '');
    expect(ids).toEqual(idsBefore);
    const answer = season.app.call('closeSchoolYear', YEAR, true) as { closed: boolean };
    expect(answer.closed).toBe(true);
  });

  test('no child of the season is named in any row of any tab or in any stored form response', () => {
    const left = masterRows(season.ws).flatMap((r) =>
      namesIn(r.text).map((name) => `${r.tab}: ${name}`),
    );
    expect(left).toEqual([]);
    expect(storedResponses(season).flatMap(namesIn)).toEqual([]);
    // Next year's registration keeps its name; mentors (adults) are kept.
    const rows = masterRows(season.ws).map((r) => r.text);
    expect(rows.some((t) => t.includes('Сентябрёва | Злата'))).toBe(true);
    expect(rows.some((t) => t.includes('Осенняя Вера Павловна'))).toBe(true);
  });

  test('the archive holds the year’s «Статистика» totals and no names; the annual note exists once', () => {
    const archive = season.ws
      .files()
      .filter((f) => f.name === 'Архив 2021/2022' && !f.trashed && f.id !== ownArchive);
    expect(archive).toHaveLength(1);
    // Leftovers of the close's own attempts are swept; staff's file of that title made before is not.
    expect(season.ws.files().find((f) => f.id === ownArchive)).toMatchObject({ trashed: false });
    const year = season.ws.sheetValues('Год', archive[0]!.id);
    const value = (key: string): number => Number(year.find((r) => r[2] === key)![1]);
    expect({
      participants: value('participants'),
      winners: value('winners'),
      prizeWinners: value('prizeWinners'),
    }).toEqual(statsBefore);
    const ids = season.ws.sheetValues('Участники (ID)', archive[0]!.id).slice(1);
    expect(ids).toHaveLength(statsBefore.participants);
    const archived = season.ws
      .spreadsheet(archive[0]!.id)
      .getSheets()
      .flatMap((s) => season.ws.sheetValues(s.getName(), archive[0]!.id))
      .map((r) => r.join(' '));
    expect(archived.flatMap(namesIn)).toEqual([]);
    const notes = season.ws
      .documents()
      .filter((d) => !d.trashed && d.name.includes('за 2021/2022 учебный год'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.folderPath).toBe(archive[0]!.path);
    // The annual note keeps «№» on the line of its number (a no-break space).
    const note = notes[0]!;
    const whole = [note.headerText(), note.text(), ...note.tables().flat(2), note.footerText()];
    expect(whole.join('\n')).toMatch(/ГБОУ СОШ №\u00A0\d/);
    expect(whole.join('\n')).not.toMatch(/№[ \t]/);
    expect(archive[0]!.path).toMatch(/Справки\/2021-2022$/);
  });

  test('a second close changes nothing', () => {
    const before = snapshot(season.ws);
    const files = season.ws.files().length;
    const answer = season.app.call('closeSchoolYear', YEAR, true) as {
      closed: boolean;
      message: string;
    };
    expect(answer.closed).toBe(true);
    expect(answer.message).toContain('уже закрыт');
    expect(changedTabs(before, snapshot(season.ws))).toEqual([]);
    expect(season.ws.files().length).toBe(files);
  });

  test('rebuildAll after the close changes nothing but its journal line', () => {
    const before = snapshot(season.ws, ['Журнал']);
    season.app.call('rebuildAll');
    expect(changedTabs(before, snapshot(season.ws, ['Журнал']))).toEqual([]);
  });

  test('a late answer for the closed year stays out of the derived tabs, and a repeated close removes its name', () => {
    const { ws, app } = season;
    const form = ws.forms().find((f) => f.title === T.results)!.items;
    ws.submitForm(T.results, {
      [Q.school]: form.find((i) => i.title === Q.school)!.choices[0]!,
      [Q.event]: 'Школьный турнир по робототехнике JuniorSkills',
      [Q.competency]: form.find((i) => i.title === Q.competency)!.choices[0]!,
      [Q.resultParticipant]: 'Запоздалова Анна',
      [Q.result]: 'Участник',
    });
    const rows = () => masterRows(ws).filter((r) => r.text.includes('Запоздалова'));
    expect(rows().map((r) => r.tab)).toEqual([expect.stringContaining('Ответы')]);
    const answer = app.call('closeSchoolYear', YEAR, true) as { closed: boolean; message: string };
    expect(answer.message).toContain('пришедших после закрытия');
    expect(rows()).toEqual([]);
    expect(storedResponses(season).some((r) => r.includes('Запоздалова'))).toBe(false);
  });

  test('September starts clean: the new months in the report form, empty derived tabs, a registration placed', () => {
    const { ws, app } = season;
    const months = ws
      .forms()
      .find((f) => f.title === T.report)!
      .items.find((i) => i.title === Q.month)!.choices;
    expect(months[0]).toBe('сентябрь 2022');
    expect(
      ws
        .sheetValues('Участники')
        .slice(1)
        .filter((r) => r.some((c) => c !== '')),
    ).toHaveLength(1);
    expect(
      ws
        .sheetValues('Результаты')
        .slice(1)
        .filter((r) => r.some((c) => c !== '')),
    ).toHaveLength(0);
    expect(
      ws
        .sheetValues('Отчёты ОУ')
        .slice(1)
        .filter((r) => r.some((c) => c !== '')),
    ).toHaveLength(0);
    expect(ws.sheetValues('Статистика')[0]![0]).toContain('сентябрь 2022');
    ws.clock.advanceTo('2022-09-05T10:00:00+03:00');
    registerForNewYear(season, 'Листопадова', 'Алиса');
    const names = ws.sheetValues('Участники').map((r) => r.join(' '));
    expect(names.some((r) => r.includes('Листопадова Алиса'))).toBe(true);
    // The new year's dynamics compare with the archived year.
    app.call('refreshStatistics');
    const stats = ws.sheetValues('Статистика');
    const header = stats.find((r) => r[0] === 'Показатель')!;
    const last = header.indexOf('Аналогичный период прошлого учебного года');
    const participants = stats.find((r) => r[0] === 'Участники, чел.')!;
    const archive = ws
      .files()
      .find((f) => f.name === 'Архив 2021/2022' && !f.trashed && f.id !== ownArchive)!;
    const [monthsHeader, ...archivedMonths] = ws.sheetValues('Месяцы', archive.id);
    const september = archivedMonths.find((r) => r[0] === '2021-09')!;
    const archived = september[monthsHeader!.indexOf('С начала года: Участников')];
    expect(Number(archived)).toBeGreaterThan(0);
    expect(participants[last]).toBe(archived);
  });
});

describe('closeSchoolYear on a small district', () => {
  function juneDistrict() {
    const { ws, app } = setUpDistrict('2022-06-02T09:00:00+03:00');
    rememberFirstEvent(ws.sheetValues('Мероприятия'));
    scheduleFirstEvent(ws, '2021-11-15', '2021-11-16', '2021-11-10');
    app.call('syncFormChoices');
    ws.submitForm('Регистрация участников', registration());
    return { ws, app };
  }

  test('refused by name of every month whose note is missing; a non-staff editor is refused', () => {
    const { ws, app } = juneDistrict();
    expect(() => app.call('closeSchoolYear', YEAR)).toThrow(
      'Нет справок: сентябрь 2021, октябрь 2021, ноябрь 2021, декабрь 2021, январь 2022, февраль 2022, март 2022, апрель 2022, май 2022',
    );
    for (const p of YEAR_MONTHS.slice(0, -1)) app.call('generateMonthlyNote', p);
    expect(() => app.call('closeSchoolYear', YEAR)).toThrow('Нет справок: май 2022.');
    app.call('generateMonthlyNote', '2022-05');
    expect((app.call('closeSchoolYear', YEAR) as { preview: boolean }).preview).toBe(true);
    app.call('saveSettings', { staff: 'metodist@center.example' });
    ws.actAs('stranger@example.org');
    expect(() => app.call('closeSchoolYear', YEAR)).toThrow(/доступ/);
  });

  test('a close cut by a fault is finished by the next morning’s daily run, and the year’s months are skipped', () => {
    const { ws, app } = juneDistrict();
    for (const p of YEAR_MONTHS) app.call('generateMonthlyNote', p);
    ws.faults.fail('Form.deleteAllResponses', { times: 1, error: 'Service Forms failed' });
    expect(() => app.call('closeSchoolYear', YEAR, true)).toThrow('Service Forms failed');
    expect(
      ws
        .sheetValues('Участники')
        .map((r) => r.join(' '))
        .join('\n'),
    ).toContain('P-');
    ws.clock.advanceTo('2022-06-03T07:00:00+03:00');
    const journal = ws.sheetValues('Журнал').map((r) => r.join(' '));
    expect(
      journal.some((l) => l.includes('учебный год закрыт: архив и годовая справка сохранены')),
    ).toBe(true);
    expect(
      ws
        .sheetValues('Участники')
        .slice(1)
        .filter((r) => r.some((c) => c !== '')),
    ).toEqual([]);
    expect(ws.forms().find((f) => f.title === 'Регистрация участников')!.responses).toBe(0);
    // A note for a month of the closed year is refused in plain Russian.
    expect(() => app.call('generateMonthlyNote', '2022-05')).toThrow(/учебный год закрыт/);
    ws.clock.advanceTo('2022-07-06T07:00:00+03:00');
    const july = ws.sheetValues('Журнал').map((r) => r.join(' '));
    expect(july.some((l) => l.includes('июнь 2022: учебный год закрыт'))).toBe(true);
    // A month of the closed year owed nothing: skipped, never listed as done late.
    expect(july.filter((l) => l.includes('с опозданием'))).toEqual([]);
    expect(madeDocuments(ws).filter((d) => !d.trashed && d.name.includes('за июнь 2022'))).toEqual(
      [],
    );
  });
});
