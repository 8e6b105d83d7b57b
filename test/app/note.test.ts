/**
 * «Статистика» and the monthly analytic note on the real bundle: the note is a Google Doc in the
 * school year's folder with tables and a chart image, its figures equal the tab's, re-generation
 * replaces without duplicates, and a failure midway leaves the previous note current.
 */
import {
  firstEvent,
  madeDocuments,
  plain,
  registration,
  rememberFirstEvent,
  scheduleFirstEvent,
  setUpDistrict,
  type Ws,
} from './harness';
import { NOTE_RU } from '../../src/i18n/ru/note';
import { OUTPUTS_RU } from '../../src/i18n/ru/outputs';
import { NBSP, formatNumber } from '../../src/domain/text';

const OCTOBER_NOTE = 'за октябрь 2021' + NBSP + 'г.';

function season() {
  const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00');
  rememberFirstEvent(ws.sheetValues('Мероприятия'));
  // The event is held in October, the month these tests look at.
  scheduleFirstEvent(ws, '2021-10-20', '2021-10-22', '2021-10-15');
  ws.submitForm(
    'Регистрация участников',
    registration({
      'Участник 2: фамилия': 'Смирнов',
      'Участник 2: имя': 'Олег',
      'Участник 2: класс / группа': '6 «А»',
    }),
  );
  ws.submitForm(
    'Регистрация участников',
    registration({
      'Образовательное учреждение': 'ГБОУ СОШ № 51',
      'Участник 1: фамилия': 'Козлова',
      'Участник 1: имя': 'Анна',
    }),
  );
  ws.submitForm('Результаты участия', {
    'Образовательное учреждение': 'ГБОУ СОШ № 47',
    Мероприятие: firstEvent,
    Компетенция: 'Мобильная робототехника',
    'Участник (Фамилия Имя)': 'Иванова Мария',
    Результат: 'Победитель (1 место)',
    Баллы: '91',
  });
  return { ws, app };
}

function notes(ws: Ws) {
  // Made on 4 October, the October note is preliminary: its title says so after the month.
  return madeDocuments(ws).filter((d) => d.name.includes(OCTOBER_NOTE));
}

/** Rows of a titled block of «Статистика» (below its header, up to the blank row). */
function tabBlock(ws: Ws, title: string): unknown[][] {
  const values = ws.sheetValues('Статистика');
  const at = values.findIndex((r) => r[0] === title);
  if (at < 0) throw new Error('no block ' + title);
  const out: unknown[][] = [];
  for (let i = at + 2; i < values.length && values[i]!.some((c) => c !== ''); i++) {
    out.push(values[i]!);
  }
  return out;
}

describe('generateMonthlyNote', () => {
  test('makes one note with tables and a chart; its figures equal «Статистика»', () => {
    const { ws, app } = season();
    const id = app.call('generateMonthlyNote', '2021-10') as string;

    const made = notes(ws);
    expect(made).toHaveLength(1);
    const note = made[0]!;
    expect(note.id).toBe(id);
    expect(note.trashed).toBe(false);
    expect(note.name).toMatch(/^Аналитическая справка .*Невского района/);
    expect(note.folderPath).toBe('Мониторинг чемпионатов/Справки/2021-2022');
    expect(note.images()).toHaveLength(2); // both note charts reuse the tab’s charts
    expect(note.images()[0]!.getContentType()).toBe('image/png');
    const headings = note.paragraphs().filter((p) => p.heading === 'HEADING2');
    expect(headings.map((h) => h.text)).toEqual(
      expect.arrayContaining(['5. ' + NOTE_RU.headings.coverage, '14. Выводы', '15. Рекомендации']),
    );
    // A single title line of the template (its own look, not Docs' 26-point TITLE style).
    expect(note.paragraphs().filter((p) => p.text === note.name)).toEqual([
      { text: note.name, heading: 'NORMAL', type: 'PARAGRAPH' },
    ]);
    expect(note.footerText()).toContain(note.name);

    // The key figures of the tab.
    const key = tabBlock(ws, OUTPUTS_RU.stats.keyFigures);
    const participants = key.find((r) => r[0] === OUTPUTS_RU.stats.indicators.participants)!;
    expect(participants[1]).toBe(3);
    const winners = key.find((r) => r[0] === OUTPUTS_RU.stats.indicators.winners)!;
    expect(winners[1]).toBe(1);

    // The note's rating table equals the tab's rating block, row by row; the note keeps «№ 47»
    // on one line (a no-break space), the tab keeps the name as typed.
    const tables = note.tables();
    expect(tables.length).toBeGreaterThanOrEqual(4);
    const rating = tables.find((t) => t[0]!.join('|') === NOTE_RU.ratingHeader.join('|'))!;
    expect(rating).toBeDefined();
    const tabRating = tabBlock(ws, OUTPUTS_RU.stats.ratingMonth);
    expect(rating.slice(1).map((r) => r[0])).toEqual([
      'ГБОУ СОШ №' + NBSP + '47',
      'ГБОУ СОШ №' + NBSP + '51',
    ]);
    expect(tabRating.map((r) => r[0])).toEqual(['ГБОУ СОШ № 47', 'ГБОУ СОШ № 51']);
    expect(rating.slice(1).map((r) => [plain(r[0]!), r[1], r[2], r[3], plain(r[4]!)])).toEqual(
      tabRating.map((r) => [
        r[0],
        String(r[1]),
        String(r[2]),
        String(r[3]),
        plain(formatNumber(r[5] as number, 1)),
      ]),
    );
    expect(tabRating.map((r) => r[1])).toEqual([2, 1]);

    // The competency × age table's grand total is the tab's participants figure.
    const cross = tables.find((t) => t[0]![0] === NOTE_RU.headerCompetency)!;
    const totalRow = cross[cross.length - 1]!;
    expect(totalRow[0]).toBe(NOTE_RU.total);
    expect(totalRow[totalRow.length - 1]).toBe(String(participants[1]));

    // «Статистика» has its charts once, and the journal links the note.
    const sheet = ws.spreadsheet().getSheetByName('Статистика')!;
    expect(sheet.getCharts()).toHaveLength(3);
    const journal = ws.sheetValues('Журнал').slice(1);
    const entry = journal.find((r) => r[1] === OUTPUTS_RU.note.job)!;
    expect(entry[2]).toBe('выполнено');
    expect(String(entry[4])).toContain(id);
  });

  test('re-generation replaces the month’s note: one live note, the old one trashed', () => {
    const { ws, app } = season();
    const first = app.call('generateMonthlyNote', '2021-10') as string;
    const second = app.call('generateMonthlyNote', '2021-10') as string;
    expect(second).not.toBe(first);
    const live = notes(ws).filter((d) => !d.trashed);
    expect(live.map((d) => d.id)).toEqual([second]);
    expect(notes(ws).find((d) => d.id === first)!.trashed).toBe(true);
    const sheet = ws.spreadsheet().getSheetByName('Статистика')!;
    expect(sheet.getCharts()).toHaveLength(3); // charts are replaced, not stacked
  });

  test('a note for a past month has its charts, and «Статистика» goes back to the current month', () => {
    const { ws, app } = season();
    const id = app.call('generateMonthlyNote', '2021-09') as string;
    const note = madeDocuments(ws).find((d) => d.id === id)!;
    expect(note.name).toContain('за сентябрь 2021');
    expect(note.images().length).toBeGreaterThan(0);
    expect(String(ws.sheetValues('Статистика')[0]![0])).toContain('за октябрь 2021');
  });

  test('a failure while writing leaves the previous note current and no half-made note live', () => {
    const { ws, app } = season();
    const first = app.call('generateMonthlyNote', '2021-10') as string;
    ws.faults.fail('Body.insertTable', { times: 1, error: 'Service unavailable' });
    expect(() => app.call('generateMonthlyNote', '2021-10')).toThrow('Service unavailable');
    expect(
      notes(ws)
        .filter((d) => !d.trashed)
        .map((d) => d.id),
    ).toEqual([first]);
    const last = ws.sheetValues('Журнал').slice(-1)[0]!;
    expect(last[2]).toBe('ошибка');
    expect(String(last[5])).toContain('Service unavailable');
  });

  test('a malformed month is refused in plain Russian, nothing is created', () => {
    const { ws, app } = season();
    expect(() => app.call('generateMonthlyNote', 'октябрь')).toThrow(/Месяц указан неверно/);
    expect(() => app.call('generateMonthlyNote', '2021-13')).toThrow(/ГГГГ-ММ/);
    expect(madeDocuments(ws)).toHaveLength(0);
  });

  test('refreshStatistics rewrites the tab in one setValues', () => {
    const { ws, app } = season();
    const message = app.call('refreshStatistics', '2021-10') as string;
    expect(message).toContain('октябрь 2021');
    const runs = ws.costs().executions.filter((e) => e.functionName === 'refreshStatistics');
    expect(runs[runs.length - 1]!.calls['Range.setValues']).toBe(1);
    const values = ws.sheetValues('Статистика');
    const coverageRow = values.findIndex(
      (r) => r[0] === OUTPUTS_RU.stats.indicators.coveragePercent,
    );
    const sheet = ws.spreadsheet().getSheetByName('Статистика')!;
    expect(sheet.getRange(coverageRow + 1, 2).getNumberFormat()).toBe('0.0');
    expect(sheet.getRange(coverageRow, 2).getNumberFormat()).not.toBe('0.0');
    expect(values[0]![0]).toBe(OUTPUTS_RU.stats.title.replace('{forMonth}', OCTOBER_NOTE));
  });
});
