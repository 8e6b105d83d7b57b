import { buildMonthlyNote, participationSentence, trendPhrase } from '../../src/domain/note';
import type { NoteSettings } from '../../src/domain/note';
import { computeStatistics, listWinners } from '../../src/domain/statistics';
import type { Statistics } from '../../src/domain/statistics';
import { documentText } from '../../src/domain/document';
import type { DocumentBlock, TableBlock } from '../../src/domain/document';
import { NOTE_RU } from '../../src/i18n/ru/note';
import { NBSP, MINUS, formatNumber, pluralAnimateAccusative } from '../../src/domain/text';
import { DISTRICT, EMPTY_DISTRICT, PARTICIPANTS, SCHOOLS, msk } from './district.fixture';

const SETTINGS: NoteSettings = {
  districtName: 'Невского',
  centreName: 'Опорный центр по координации деятельности ОУ Невского района',
  signaturePosition: 'Руководитель опорного центра',
  signatureName: 'Е.В. Французан',
  nameWinners: false,
};

const GENERATED = msk(2021, 11, 5, 6, 0);

/** Replaces NBSP by a plain space so expectations stay readable. */
function plain(s: string): string {
  return s.split(NBSP).join(' ');
}

function section(note: ReturnType<typeof buildMonthlyNote>, heading: string): DocumentBlock[] {
  const found = note.sections.find((s) => s.heading.endsWith(heading));
  if (!found) throw new Error('no section ' + heading);
  return found.blocks;
}

function paragraphs(blocks: DocumentBlock[]): string[] {
  return blocks.flatMap((b) => (b.type === 'paragraph' ? [plain(b.text)] : []));
}

function tables(blocks: DocumentBlock[]): TableBlock[] {
  return blocks.filter((b): b is TableBlock => b.type === 'table');
}

/** Every way a number of the statistics may be printed. */
function allowedNumbers(stats: Statistics): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown): void => {
    if (typeof v === 'number') {
      for (const d of [0, 1]) {
        const text = plain(formatNumber(v, d));
        out.add(text);
        out.add(text.replace(MINUS, ''));
      }
    } else if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object' && !(v instanceof Date)) Object.values(v).forEach(visit);
  };
  visit(stats);
  // Derived in prose: lengths of lists the statistics carry.
  visit(stats.discipline.missingReports.length);
  visit(stats.discipline.lateReports.length);
  visit(stats.discipline.schoolsWithoutOrders.length);
  visit(stats.schoolsWithoutParticipation.length);
  return out;
}

/** Numbers in running text, minus dates, years of the period and fixed place names. */
function numbersIn(text: string): string[] {
  const cleaned = plain(text)
    .replace(/\d{2}\.\d{2}\.\d{4}/g, '')
    .replace(/\(1 место\)|\(2–3 место\)/g, '')
    .replace(/\d{4}\/\d{4}/g, '')
    .replace(/\b20\d\d г\./g, '');
  return cleaned.match(/\d+(?: \d{3})*(?:,\d+)?/g) ?? [];
}

describe('buildMonthlyNote on the hand-built district', () => {
  const stats = computeStatistics(DISTRICT, '2021-10');
  const note = buildMonthlyNote(stats, SETTINGS, GENERATED);

  it('has the title and the skeleton of DOMAIN.md', () => {
    expect(plain(note.title)).toBe(
      'Аналитическая справка о результатах мониторинга участия образовательных учреждений Невского района в чемпионатах профессионального мастерства за октябрь 2021 г.',
    );
    expect(note.sections.map((s) => s.heading)).toEqual([
      '1. Основание',
      '2. Цель',
      '3. Отчётный период',
      '4. Источники данных',
      '5. Охват образовательных учреждений',
      '6. Участники по компетенциям и возрастным категориям',
      '7. Подготовка участников',
      '8. Результаты участия',
      '9. Анализ результатов',
      '10. Динамика',
      '11. Рейтинг ОУ',
      '12. ОУ, не принявшие участие',
      '13. Исполнительская дисциплина',
    ]);
    expect(paragraphs(section(note, 'Отчётный период'))).toEqual([
      'с 01.10.2021 по 31.10.2021 (2021/2022 учебный год).',
    ]);
    expect(note.signature).toEqual({
      position: 'Руководитель опорного центра',
      name: 'Е.В. Французан',
      date: '05.11.2021',
    });
  });

  it('writes agreeing sentences from the figures', () => {
    expect(paragraphs(section(note, 'Охват образовательных учреждений'))[0]).toBe(
      'В отчётном периоде в чемпионатах приняли участие 7 обучающихся из 4 образовательных учреждений. Охват составил 66,7 % (4 из 6 ОУ района).',
    );
    expect(paragraphs(section(note, 'Результаты участия'))[1]).toBe(
      'Результаты мероприятия «Неизвестное событие» ожидаются; его участники не учитываются при расчёте результативности.',
    );
    expect(paragraphs(section(note, 'Результаты участия'))[0]).toBe(
      'Победителем (1 место) стал 1 участник, призёрами (2–3 место) стали 2 участника. Все эти результаты подтверждены сотрудниками центра. Медальон за профессионализм получил 1 участник. Результативность участия (доля победителей и призёров среди участников мероприятий, результаты которых поступили) составила 50,0 %.',
    );
    expect(paragraphs(section(note, 'Динамика'))[0]).toBe(
      'По сравнению с предыдущим месяцем наблюдается положительная динамика (+3 участника, +75,0 %).',
    );
  });

  it('puts the statistics into its tables unchanged', () => {
    const [byType] = tables(section(note, 'Охват образовательных учреждений'));
    expect(byType!.header).toEqual(['Тип ОУ', 'Всего', 'Участвуют', 'Доля, %']);
    expect(byType!.rows).toEqual([
      ['ДОУ', '2', '1', '50,0'],
      ['Школы', '3', '3', '100,0'],
      ['Учреждения ДО', '1', '0', '0,0'],
      ['Итого', '6', '4', '66,7'],
    ]);
    const [rating] = tables(section(note, 'Рейтинг ОУ'));
    expect(rating!.header).toEqual(NOTE_RU.ratingHeader);
    expect(rating!.rows).toEqual(
      stats.ratingMonth.map((r) => [
        r.name,
        String(r.participants),
        String(r.winners),
        String(r.prizeWinners),
        r.effectivenessPercent === null ? '—' : plain(formatNumber(r.effectivenessPercent, 1)),
      ]),
    );
    const [cross] = tables(section(note, 'Участники по компетенциям и возрастным категориям'));
    expect(cross!.header).toEqual(['Компетенция', '5–7 лет', '10+', '14+', 'Всего']);
    expect(cross!.rows[cross!.rows.length - 1]).toEqual(['Итого', '2', '2', '3', '7']);
    const [mom] = tables(section(note, 'Динамика'));
    expect(mom!.header).toEqual(['Показатель', 'Прошлый период', 'Отчётный', 'Изменение']);
    expect(mom!.rows[0]!.map(plain)).toEqual(['Участники, чел.', '4', '7', '+3 (+75,0 %)']);
    expect(mom!.rows[2]!.map(plain)).toEqual(['Охват ОУ, %', '33,3', '66,7', '+33,4 п. п.']);
  });

  it('prints no number that is not in the statistics', () => {
    const allowed = allowedNumbers(stats);
    const prose = [
      ...note.sections.flatMap((s) => paragraphs(s.blocks)),
      ...note.conclusions,
      ...note.recommendations,
    ];
    for (const text of prose) {
      for (const n of numbersIn(text)) {
        expect({ text, n, ok: allowed.has(n) }).toEqual({ text, n, ok: true });
      }
    }
  });

  it('chooses conclusions and recommendations by rules', () => {
    const conclusions = note.conclusions.map(plain);
    expect(conclusions[0]).toBe(
      'В чемпионатах отчётного периода приняли участие 7 обучающихся из 4 образовательных учреждений. Охват составил 66,7 % (4 из 6 ОУ района).',
    );
    expect(conclusions).toContain(
      'Результативность участия составила 50,0 %: победителей — 1, призёров — 2.',
    );
    expect(conclusions.join('\n')).not.toMatch(/снизилась/); // 50,0 % in both months
    expect(conclusions).toContain(
      'Наименьшая доля участвующих ОУ — среди учреждений типа «ДО» (0,0 %).',
    );
    expect(conclusions).toContain(
      'Не представили ежемесячные отчёты 2 ОУ, представили не в срок — 1.',
    );
    expect(note.recommendations).toEqual([
      NOTE_RU.recommendReports,
      NOTE_RU.recommendOrders,
      NOTE_RU.recommendUndated,
      NOTE_RU.recommendContinue,
    ]);
  });

  it('names nobody unless allowed', () => {
    const text = documentText(note).join('\n');
    for (const p of PARTICIPANTS) expect(text).not.toContain(p.surname);
    expect(text).toContain(NOTE_RU.winnersNotNamed);
    const named = buildMonthlyNote(
      stats,
      { ...SETTINGS, nameWinners: true, winners: listWinners(DISTRICT, '2021-10') },
      GENERATED,
    );
    const [winners] = tables(section(named, 'Результаты участия'));
    expect(winners!.rows[0]).toEqual([
      'Фамилияp1 Имяp1',
      'ГБОУ СОШ № 47',
      'Мобильная робототехника (10+)',
      'Победитель (1 место)',
    ]);
    // Allowed but no list supplied: still no names, counts only.
    const noList = buildMonthlyNote(stats, { ...SETTINGS, nameWinners: true }, GENERATED);
    expect(documentText(noList).join('\n')).not.toContain('Фамилия');
  });

  it('lists ОУ without participation and the discipline details', () => {
    const blocks = section(note, 'ОУ, не принявшие участие');
    expect(paragraphs(blocks)[0]).toBe('Участие в отчётном периоде не зафиксировано у 2 ОУ из 6:');
    expect(blocks[1]).toEqual({ type: 'numbered', items: ['ГБДОУ № 106', 'ЦДЮТТ «Охта»'] });
    const discipline = paragraphs(section(note, 'Исполнительская дисциплина'));
    expect(discipline[0]).toBe(
      'Получено ежемесячных отчётов: 4 из 6 (66,7 %), в том числе не в срок — 1.',
    );
    expect(discipline).toContain(
      'На конец отчётного периода приказы о направлении не представлены на 3 участников из 3 ОУ (учитываются участники мероприятий, которые уже прошли или начинаются в течение 14 дней).',
    );
    const [orders] = tables(section(note, 'Исполнительская дисциплина'));
    expect(orders!.header).toEqual(['ОУ', 'Участников без приказа']);
    expect(orders!.rows).toEqual([
      ['ГБДОУ № 21', '1'],
      ['ГБОУ СОШ № 47', '1'],
      ['ГБОУ СОШ № 51', '1'],
    ]);
  });
});

describe('buildMonthlyNote edge cases', () => {
  it('writes a sensible note for an empty month', () => {
    const stats = computeStatistics(EMPTY_DISTRICT, '2021-12');
    const note = buildMonthlyNote(stats, SETTINGS, GENERATED);
    expect(paragraphs(section(note, 'Охват образовательных учреждений'))).toEqual([
      NOTE_RU.noParticipation,
    ]);
    expect(tables(note.sections.flatMap((s) => s.blocks)).map((t) => t.caption)).toEqual([
      'Таблица 1. Динамика к предыдущему месяцу (ноябрь 2021 — декабрь 2021)',
    ]);
    expect(note.conclusions[0]).toBe(NOTE_RU.noParticipation);
    expect(note.recommendations).toEqual([
      NOTE_RU.recommendEmpty,
      NOTE_RU.recommendReports,
      NOTE_RU.recommendContinue,
    ]);
    expect(documentText(note).join(' ')).not.toMatch(/undefined|NaN|null/);
  });

  it('agrees with one participant from one ОУ', () => {
    const one = {
      ...EMPTY_DISTRICT,
      participants: PARTICIPANTS.filter((p) => p.id === 'p8'),
    };
    const stats = computeStatistics(one, '2021-10');
    const note = buildMonthlyNote(stats, SETTINGS, GENERATED);
    expect(paragraphs(section(note, 'Охват образовательных учреждений'))[0]).toBe(
      'В отчётном периоде в чемпионатах принял участие 1 обучающийся из 1 образовательного учреждения. Охват составил 16,7 % (1 из 6 ОУ района).',
    );
    // p8's event is not in «Мероприятия» and has no results: nothing is 0 %, results are awaited.
    expect(paragraphs(section(note, 'Результаты участия'))[0]).toBe(NOTE_RU.noResultsYet);
    expect(note.conclusions).toContain(NOTE_RU.conclusionResultsAwaited);
    expect(note.recommendations).toContain(NOTE_RU.recommendCoverage);
  });

  it('words participation and trends with agreement', () => {
    expect(plain(participationSentence(21, 21))).toBe(
      'В отчётном периоде в чемпионатах принял участие 21 обучающийся из 21 образовательного учреждения.',
    );
    expect(plain(participationSentence(73, 16))).toBe(
      'В отчётном периоде в чемпионатах приняли участие 73 обучающихся из 16 образовательных учреждений.',
    );
    expect(plain(participationSentence(1234, 2))).toBe(
      'В отчётном периоде в чемпионатах приняли участие 1 234 обучающихся из 2 образовательных учреждений.',
    );
    const row = {
      indicator: 'participants' as const,
      unit: 'count' as const,
      previous: 61,
      current: 73,
      change: 12,
      changePercent: 19.7,
    };
    expect(plain(trendPhrase(row))).toBe(
      'наблюдается положительная динамика (+12 участников, +19,7 %)',
    );
    expect(plain(trendPhrase({ ...row, change: -1, changePercent: -1.6 }))).toBe(
      `наблюдается отрицательная динамика (${MINUS}1 участник, ${MINUS}1,6 %)`,
    );
    expect(
      plain(trendPhrase({ ...row, previous: 0, current: 2, change: 2, changePercent: null })),
    ).toBe('наблюдается положительная динамика (+2 участника)');
    expect(trendPhrase({ ...row, previous: 73, change: 0, changePercent: 0 })).toBe(
      'количество участников не изменилось (73 участника)',
    );
  });

  it('uses the registry size from the statistics', () => {
    expect(computeStatistics(DISTRICT, '2021-10').schoolsTotal).toBe(SCHOOLS.length);
  });
});

describe('agreement after «на» (accusative, animate)', () => {
  test('«на 1 участника», «на 3 участников», «на 21 участника», «на 25 участников», «на 73 участника»', () => {
    const forms = NOTE_RU.participantsAccusative;
    expect(
      [1, 3, 21, 25, 11, 22, 73].map((n) => `на ${n} ${pluralAnimateAccusative(n, forms)}`),
    ).toEqual([
      'на 1 участника',
      'на 3 участников',
      'на 21 участника',
      'на 25 участников',
      'на 11 участников',
      'на 22 участника',
      'на 73 участника',
    ]);
  });
});
