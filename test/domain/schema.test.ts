import type { MonthlyReport, Participant, School } from '../../src/domain/model';
import { safeRows, type Row } from '../../src/workspace/table';
import {
  checkHeaders,
  COLUMN_FORMAT,
  fromRow,
  headers,
  PARTICIPANTS_SCHEMA,
  PLAN_SCHEMA,
  QUALITY_SCHEMA,
  REPORTS_SCHEMA,
  RESULTS_SCHEMA,
  rowKey,
  SCHOOLS_SCHEMA,
  toRow,
} from '../../src/domain/schema';
import { TABS } from '../../src/domain/formRegistry';
import {
  categoryGradeRange,
  DEFAULT_AGE_CATEGORIES,
  DEFAULT_COMPETENCIES,
  parseResultKind,
  RESULT_KINDS,
  SAMPLE_EVENTS,
} from '../../src/domain/reference';
import { FORMS } from '../../src/domain/forms';

const participant: Participant = {
  id: 'P-1SFA3KED8C',
  surname: 'Семёнова',
  name: 'Алёна',
  schoolKey: 'ШКОЛА-47',
  classOrGroup: '4А',
  ageCategory: '3–4 класс',
  competency: 'Мехатроника',
  event: 'Районный отборочный этап KidSkills',
  team: 'T-ABCDEFGH',
  mentor: '=Петрова()',
  consent: true,
  registeredAt: new Date('2021-10-05T08:00:00Z'),
  orderStatus: 'есть',
  result: 'Участник',
  sourceResponseId: 'REG-2',
};

describe('tabs', () => {
  it('has the tab names of PRODUCT.md with unique headers', () => {
    expect(TABS.map((t) => t.name)).toEqual([
      'Участники',
      'Приказы',
      'Отчёты ОУ',
      'Результаты',
      'Требует проверки',
      'ОУ',
      'Мероприятия',
      'Компетенции',
      'Возрастные категории',
      'План работы',
      'Грамоты',
      'Настройки',
      'Журнал',
      'Почта',
    ]);
    for (const tab of TABS) {
      expect(tab.header.length).toBeGreaterThan(0);
      expect(new Set(tab.header).size).toBe(tab.header.length);
    }
    expect(TABS.find((t) => t.name === 'Результаты')?.owner).toBe('derived+staff');
    expect(TABS.find((t) => t.name === 'ОУ')?.owner).toBe('staff');
  });

  it('has a number format for every column kind', () => {
    expect(COLUMN_FORMAT.text).toBe('@');
    expect(COLUMN_FORMAT.date).toBe('dd.MM.yyyy');
  });
});

describe('record ↔ row', () => {
  it('round-trips a participant; formulas are guarded where rows are written', () => {
    const row = toRow(PARTICIPANTS_SCHEMA, participant);
    expect(row).toHaveLength(headers(PARTICIPANTS_SCHEMA).length);
    expect(row[9]).toBe('=Петрова()');
    expect(safeRows([row as Row], row.length)[0]![9]).toBe("'=Петрова()");
    expect(row[10]).toBe('да');
    expect(row[11]).toBeInstanceOf(Date);
    expect(fromRow(PARTICIPANTS_SCHEMA, row)).toEqual(participant);
  });

  it('reads what Sheets gives back: numbers for digit strings, Dates for periods', () => {
    const school: School = {
      key: 'ШКОЛА-47',
      type: 'школа',
      number: '47',
      officialName: 'ГБОУ СОШ № 47',
      shortName: 'Школа № 47',
      district: 'Невский',
      emails: ['a@school47.ru', 'b@school47.ru'],
      responsible: '',
      aliases: ['сош 47', 'школа 47'],
    };
    const row = toRow(SCHOOLS_SCHEMA, school);
    expect(row[6]).toBe('a@school47.ru; b@school47.ru');
    row[2] = 47; // Sheets turned «47» into a number
    expect(fromRow(SCHOOLS_SCHEMA, row)).toEqual(school);

    const report: MonthlyReport = {
      schoolKey: 'ДОУ-21',
      period: '2021-10',
      sessions: 12,
      pupilsInTraining: 25,
      mentors: 3,
      eventsHeld: '',
      contests: '',
      difficulties: '',
      postReleaseUrl: '',
      contact: 'Сидорова',
      submittedAt: new Date('2021-11-01T09:00:00Z'),
      onTime: true,
      sourceResponseId: 'REP-2',
    };
    const reportRow = toRow(REPORTS_SCHEMA, report);
    reportRow[1] = new Date('2021-09-30T21:00:00Z'); // «2021-10» auto-converted to 01.10.2021
    reportRow[2] = '12';
    expect(fromRow(REPORTS_SCHEMA, reportRow)).toEqual(report);
  });

  it('writes checkboxes as booleans and reads a blank score as null', () => {
    const row = toRow(RESULTS_SCHEMA, {
      participantId: 'P-1',
      schoolKey: 'ШКОЛА-47',
      event: 'E',
      competency: 'C',
      participantName: 'Иванов Пётр',
      result: 'Участник',
      score: null,
      confirmed: false,
      confirmedAs: '',
      submittedAt: new Date('2021-11-01T09:00:00Z'),
      sourceResponseId: 'RES-3',
    });
    expect(row[6]).toBe('');
    expect(row[7]).toBe(false);
    const back = fromRow(RESULTS_SCHEMA, row);
    expect(back.score).toBeNull();
    expect(back.confirmed).toBe(false);
  });

  it('reads a short plan row: missing cells are empty, missing dates null', () => {
    const item = fromRow(PLAN_SCHEMA, [
      '2021/2022 учебный год',
      '5. Мониторинг',
      '5.1.',
      'Создание приложения',
      'Сентябрь 2021',
    ]);
    expect(item).toMatchObject({
      number: '5.1.',
      deadlineText: 'Сентябрь 2021',
      deadlineFrom: null,
      mark: '',
    });
  });

  it('keys rows case- and ё-insensitively', () => {
    expect(rowKey(PARTICIPANTS_SCHEMA, participant)).toBe('p-1sfa3ked8c');
    expect(QUALITY_SCHEMA.defaults.status).toBe('Новая');
  });
});

describe('header check', () => {
  it('finds reordered columns and ignores case, ё and spaces', () => {
    const header = [...headers(SCHOOLS_SCHEMA)].reverse().map((h) => ` ${h.toUpperCase()} `);
    header.push('Комментарий методиста');
    const check = checkHeaders(SCHOOLS_SCHEMA, header);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    const row = [
      ...toRow(SCHOOLS_SCHEMA, {
        key: 'ДОУ-21',
        type: 'ДОУ',
        number: '21',
        officialName: 'ГБДОУ № 21',
        shortName: 'Детский сад № 21',
        district: '',
        emails: [],
        responsible: '',
        aliases: [],
      }),
    ].reverse();
    row.push('заметка');
    expect(check.fromRow(row)).toMatchObject({ key: 'ДОУ-21', shortName: 'Детский сад № 21' });
  });

  it('says in Russian which columns are missing', () => {
    const header = headers(SCHOOLS_SCHEMA).filter((h) => h !== 'Ключ' && h !== 'Район');
    const check = checkHeaders(SCHOOLS_SCHEMA, header);
    expect(check).toMatchObject({ ok: false, missing: ['Ключ', 'Район'] });
    if (!check.ok) {
      expect(check.message).toBe(
        'На листе «ОУ» нет столбцов «Ключ», «Район». Верните их в строку заголовков или запустите «Настроить систему».',
      );
    }
    const one = checkHeaders(SCHOOLS_SCHEMA, headers(SCHOOLS_SCHEMA).slice(1));
    if (!one.ok) expect(one.message).toContain('нет столбца «Ключ». Верните его');
  });
});

describe('reference data', () => {
  const categoryNames = new Set(DEFAULT_AGE_CATEGORIES.map((c) => c.name));

  it('names every competency of DOMAIN.md, each with known categories', () => {
    expect(DEFAULT_COMPETENCIES.length).toBeGreaterThanOrEqual(29);
    for (const c of DEFAULT_COMPETENCIES) {
      expect(c.ageCategories.length).toBeGreaterThan(0);
      for (const name of c.ageCategories) expect(categoryNames.has(name)).toBe(true);
    }
    const names = DEFAULT_COMPETENCIES.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['Нейропилотирование', 'Эксплуатация БАС', 'Сити-фермерство']),
    );
  });

  it('has sample events in the 2021/2022 school year with deadlines before the start', () => {
    for (const e of SAMPLE_EVENTS) {
      expect(e.start!.getTime()).toBeGreaterThanOrEqual(Date.UTC(2021, 7, 31, 21));
      expect(e.end!.getTime()).toBeLessThan(Date.UTC(2022, 7, 31, 21));
      expect(e.registrationDeadline!.getTime()).toBeLessThan(e.start!.getTime());
    }
  });

  it('gives grade ranges of categories', () => {
    const byName = (n: string) => DEFAULT_AGE_CATEGORIES.find((c) => c.name === n)!;
    expect(categoryGradeRange(byName('3–4 класс'))).toEqual({ min: 3, max: 4 });
    expect(categoryGradeRange(byName('14+'))).toEqual({ min: 6, max: 11 });
    expect(categoryGradeRange({ name: 'x', programme: '', bounds: 'по положению' })).toBeNull();
  });

  it('reads every result kind of the dropdown back as itself', () => {
    for (const r of RESULT_KINDS) expect(parseResultKind(r.kind)).toBe(r.kind);
    expect(parseResultKind('Призер (3 место)')).toBe('Призёр (3 место)');
    expect(parseResultKind('')).toBeNull();
  });

  it('offers in the forms the result kinds the domain knows', () => {
    const results = FORMS.find((f) => f.kind === 'results')!;
    expect(results.questions.some((q) => q.choicesFrom === 'resultKinds')).toBe(true);
  });
});
