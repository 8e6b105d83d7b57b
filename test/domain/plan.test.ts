import {
  buildPlanAnalysis,
  calendarYearPlanPeriod,
  detectPlanPeriod,
  isOverdue,
  parseDeadline,
  parsePlanMark,
  parsePlanText,
  planItemStatus,
  schoolYearPlanPeriod,
} from '../../src/domain/plan';
import type { ParsedDeadline, ParsedPlanItem } from '../../src/domain/plan';
import { documentText } from '../../src/domain/document';
import { formatDateNumeric, moscowMidnight, NBSP } from '../../src/domain/text';
import { readSeed as seed } from '../fixtures/seeds';

function range(d: ParsedDeadline): string {
  return (d.from ? formatDateNumeric(d.from) : '…') + '–' + (d.to ? formatDateNumeric(d.to) : '…');
}

function item(items: ParsedPlanItem[], number: string, section?: string): ParsedPlanItem {
  const found = items.find(
    (i) => i.number === number && (section === undefined || i.section === section),
  );
  if (!found) throw new Error('no item ' + number);
  return found;
}

const SY2021 = schoolYearPlanPeriod(2021);

describe('parseDeadline', () => {
  it.each([
    ['Апрель 2021', 'month', '01.04.2021–30.04.2021'],
    ['Май – июнь 2021', 'range', '01.05.2021–30.06.2021'],
    ['Октябрь-декабрь 2021', 'range', '01.10.2021–31.12.2021'],
    ['Июнь 2021 – май 2022', 'range', '01.06.2021–31.05.2022'],
    ['Июнь- 2021 – май 2022', 'range', '01.06.2021–31.05.2022'],
    ['ноябрь-январь 2022', 'range', '01.11.2021–31.01.2022'],
    ['2021-2022 уч. год', 'year', '01.09.2021–31.08.2022'],
    ['в течение года', 'year', '01.09.2021–31.08.2022'],
    ['ежемесячно', 'recurring', '01.09.2021–31.08.2022'],
    ['1 раз в четверть', 'recurring', '01.09.2021–31.08.2022'],
    ['Сентябрь 2021, далее постоянно', 'recurring', '01.09.2021–31.08.2022'],
    ['до 15 октября 2021', 'until', '…–15.10.2021'],
    ['до 15.10.2021', 'until', '…–15.10.2021'],
    ['с 01.10.2021 по 31.10.2021', 'range', '01.10.2021–31.10.2021'],
    ['март 2022', 'month', '01.03.2022–31.03.2022'],
    ['февраль 2024', 'month', '01.02.2024–29.02.2024'],
    // A quarter is a calendar quarter; a half-year and a term are of the school year.
    ['I квартал 2022', 'range', '01.01.2022–31.03.2022'],
    ['1 квартал 2022 г.', 'range', '01.01.2022–31.03.2022'],
    ['четвёртый квартал 2021', 'range', '01.10.2021–31.12.2021'],
    ['с I по III квартал 2022', 'range', '01.01.2022–30.09.2022'],
    ['I–II квартал 2022', 'range', '01.01.2022–30.06.2022'],
    ['первое полугодие 2021/2022 уч. г.', 'range', '01.09.2021–31.12.2021'],
    ['II полугодие 2021-2022 учебного года', 'range', '01.01.2022–31.05.2022'],
    ['2 полугодие 2022', 'range', '01.01.2022–31.05.2022'],
    ['1-2 четверть 2021', 'range', '01.09.2021–31.12.2021'],
    ['III четверть 2021/2022 уч. года', 'range', '01.01.2022–31.03.2022'],
    ['I квартал 2022, далее постоянно', 'recurring', '01.01.2022–31.08.2022'],
  ])('%s → %s %s', (text, kind, expected) => {
    const d = parseDeadline(text, SY2021);
    expect(d.kind).toBe(kind);
    expect(range(d)).toBe(expected);
    expect(d.yearAssumed).toBe(false);
  });

  it('places months without a year in the plan period and says so', () => {
    const d = parseDeadline('октябрь, март, май', SY2021);
    expect(range(d)).toBe('01.10.2021–31.05.2022');
    expect(d.yearAssumed).toBe(true);
    expect(d.reason).toBe('Год не указан: принят по периоду плана (2021/2022 учебный год).');
    expect(range(parseDeadline('январь', calendarYearPlanPeriod(2017)))).toBe(
      '01.01.2017–31.01.2017',
    );
  });

  it('places a quarter, a half-year or a term without a year in the plan period and says so', () => {
    const quarter = parseDeadline('IV квартал', SY2021);
    expect(range(quarter)).toBe('01.10.2021–31.12.2021');
    expect(quarter.yearAssumed).toBe(true);
    expect(range(parseDeadline('I квартал', SY2021))).toBe('01.01.2022–31.03.2022');
    const term = parseDeadline('в течение II четверти', SY2021);
    expect(range(term)).toBe('01.11.2021–31.12.2021');
    expect(term.reason).toBe(
      'Год не указан: принят по периоду плана (2021/2022 учебный год). Четверть учебного года: с 01.11.2021 по 31.12.2021.',
    );
    expect(range(parseDeadline('до конца I полугодия', SY2021))).toBe('…–31.12.2021');
    // A calendar-year plan takes the part that falls in its year.
    expect(range(parseDeadline('2 полугодие', calendarYearPlanPeriod(2017)))).toBe(
      '01.01.2017–31.05.2017',
    );
    expect(range(parseDeadline('III квартал', calendarYearPlanPeriod(2017)))).toBe(
      '01.07.2017–30.09.2017',
    );
    // Without an ordinal a half-year is not a deadline.
    expect(parseDeadline('в течение полугодия', SY2021).kind).toBe('unparsed');
  });

  it('flags what it cannot read with a Russian reason', () => {
    expect(parseDeadline('по графику ОУ', SY2021)).toMatchObject({
      kind: 'unparsed',
      from: null,
      to: null,
      reason: 'Срок определяется графиком: укажите месяц или даты.',
    });
    expect(parseDeadline('-', SY2021).reason).toBe('Срок не указан.');
    expect(parseDeadline('когда получится', SY2021).kind).toBe('unparsed');
    expect(parseDeadline('декабрь 2022 – март 2022', SY2021).reason).toBe(
      'Начало срока позже его окончания.',
    );
  });
});

describe('detectPlanPeriod and parsePlanMark', () => {
  it('finds the period in a heading', () => {
    expect(detectPlanPeriod('на 2021 – 2022 учебный год')!.label).toBe('2021/2022 учебный год');
    expect(detectPlanPeriod('в городе Зеленогорске на 2017 год')!.label).toBe('2017 год');
    expect(detectPlanPeriod('без периода')).toBeNull();
  });

  it('reads marks typed in any case', () => {
    expect(parsePlanMark('выполнено')).toBe('Выполнено');
    expect(parsePlanMark('Выполнено  частично')).toBe('Выполнено частично');
    expect(parsePlanMark('НЕ ВЫПОЛНЕНО')).toBe('Не выполнено');
    expect(parsePlanMark('')).toBe('');
  });
});

describe('parsePlanText on the seed plans', () => {
  it('imports seed 000 (row layout, numbered sections, continuation rows)', () => {
    const plan = parsePlanText(seed('000'));
    expect(plan.period.label).toBe('2021/2022 учебный год');
    expect(plan.title).toBe(
      'План работы центра по координации деятельности образовательных учреждений Невского района Санкт-Петербурга на 2021 – 2022 учебный год',
    );
    expect(plan.sections).toHaveLength(6);
    expect(plan.sections[4]).toMatch(
      /^Мониторинг и анализ деятельности образовательных учреждений/,
    );
    expect(plan.items).toHaveLength(37);
    expect(plan.sections.map((s) => plan.items.filter((i) => i.section === s).length)).toEqual([
      4, 6, 4, 9, 5, 9,
    ]);
    const i54 = item(plan.items, '5.4');
    expect(i54.title).toBe('Мониторинг результатов участия ОУ Невского района в чемпионатах');
    expect(i54.deadlineText).toBe('Апрель 2022');
    expect(formatDateNumeric(i54.deadlineFrom!)).toBe('01.04.2022');
    expect(formatDateNumeric(i54.deadlineTo!)).toBe('30.04.2022');
    expect(i54.document).toBe('Аналитическая справка');
    expect(i54.responsible).toBe('ГБДОУ, ГБОУ Невского района');
    // The continuation row «чемпионатов разного уровня» joins item 2.4's last two cells.
    const i24 = item(plan.items, '2.4');
    expect(i24.expectedResult).toBe(
      'Определение перечня конкурсов, фестивалей, олимпиад, чемпионатов разного уровня',
    );
    expect(i24.document).toBe(
      'Перечень конкурсов, фестивалей, олимпиад, чемпионатов разного уровня',
    );
    expect(range(item(plan.items, '2.6').deadline)).toBe('01.06.2021–31.05.2022');
    expect(item(plan.items, '5.5').deadline).toMatchObject({ kind: 'recurring', recurring: true });
    expect(range(item(plan.items, '5.5').deadline)).toBe('01.01.2022–31.08.2022');
    expect(item(plan.items, '2.3').deadline.yearAssumed).toBe(true);
    expect(plan.items.every((i) => i.deadline.kind !== 'unparsed')).toBe(true);
  });

  it('imports seed 002 (vertical layout, calendar year)', () => {
    const plan = parsePlanText(seed('002'));
    expect(plan.period.label).toBe('2017 год');
    expect(plan.items.map((i) => i.number)).toEqual(
      Array.from({ length: 15 }, (_, k) => String(k + 1)),
    );
    const first = item(plan.items, '1');
    expect(first.title).toBe('Формирование и утверждение состава рабочей группы');
    expect(first.responsible).toBe('Управление образования');
    expect(range(first.deadline)).toBe('01.01.2017–31.01.2017');
    const ninth = item(plan.items, '9');
    expect(range(ninth.deadline)).toBe('01.09.2017–31.05.2018');
    expect(ninth.expectedResult).toBe(
      'подготовка участников чемпионатов JuniorSkills на базе СЦК. Создание методического пакета: регламент чемпионата; технические задания, инфраструктурные листы, конкурсные задания, инструкции по технике безопасности для школьников',
    );
    expect(range(item(plan.items, '11').deadline)).toBe('01.11.2017–31.12.2017');
    expect(item(plan.items, '14').deadline.kind).toBe('year');
  });

  it('imports seed 003 (torn headings, numbering restarting per section)', () => {
    const plan = parsePlanText(seed('003'));
    expect(plan.period.label).toBe('2021/2022 учебный год');
    expect(plan.sections[0]).toBe('Повышение квалификации');
    expect(plan.sections[1]).toBe('Организационно-методическое сопровождение');
    expect(plan.sections).toHaveLength(4);
    expect(plan.sections.map((s) => plan.items.filter((i) => i.section === s).length)).toEqual([
      7, 12, 4, 8,
    ]);
    const s1 = plan.sections[0]!;
    expect(item(plan.items, '2', s1).deadline.kind).toBe('recurring'); // ежемесячно
    expect(item(plan.items, '2', s1).expectedResult).toMatch(/отдельных педагогов и района\.$/);
    expect(item(plan.items, '3', s1).deadline.kind).toBe('unparsed'); // по графику ОУ
    expect(range(item(plan.items, '7', s1).deadline)).toBe('01.11.2021–28.02.2022');
    const last = plan.items[plan.items.length - 1]!;
    expect(last.title).toBe('Подготовка материалов к публикациям');
    expect(last.responsible).toBe('ИП, инновационные ОУ');
    expect(last.expectedResult).toBe('Сбор и коррекция материалов для издания');
  });

  it('imports seed 004 (sections owning items, completion marks)', () => {
    const plan = parsePlanText(seed('004'));
    expect(plan.period.label).toBe('2020/2021 учебный год');
    expect(plan.sections).toHaveLength(6);
    expect(plan.items).toHaveLength(21);
    expect(item(plan.items, '5.1').mark).toBe('Не выполнено');
    expect(item(plan.items, '1.1')).toMatchObject({
      responsible: 'РОО, ИМЦ (РЦОКО), ГБОУ',
      mark: 'Выполнено частично',
    });
  });
});

describe('overdue detection and the plan analysis', () => {
  const plan = parsePlanText(seed('000'));
  const i31 = item(plan.items, '3.1'); // Сентябрь 2021, no mark

  it('is overdue from the day after the deadline, unless marked', () => {
    expect(isOverdue(i31, moscowMidnight(2021, 9, 30))).toBe(false);
    expect(isOverdue(i31, new Date(moscowMidnight(2021, 10, 1).getTime() - 1))).toBe(false);
    expect(isOverdue(i31, moscowMidnight(2021, 10, 1))).toBe(true);
    expect(isOverdue({ ...i31, mark: 'Выполнено' }, moscowMidnight(2022, 1, 1))).toBe(false);
    expect(planItemStatus(i31, moscowMidnight(2021, 9, 15))).toBe('inProgress');
    expect(planItemStatus({ ...i31, deadlineTo: null }, moscowMidnight(2022, 1, 1))).toBe('noMark');
  });

  it('summarises seed 004 like the seed does', () => {
    const plan004 = parsePlanText(seed('004'));
    const analysis = buildPlanAnalysis(
      plan004.items,
      {
        centreName: 'опорного центра',
        periodLabel: plan004.period.label,
        signaturePosition: 'Руководитель',
        signatureName: 'М.Н. Андреева',
      },
      moscowMidnight(2021, 8, 27),
    );
    expect(analysis.totals).toMatchObject({
      total: 21,
      done: 15,
      partial: 5,
      notDone: 1,
      overdue: 0,
    });
    expect(analysis.sections).toHaveLength(8); // 6 plan sections, totals, overdue
    const totals = analysis.sections[6]!.blocks[0]!;
    expect(totals.type === 'table' && totals.rows).toEqual([
      ['Выполнено', '15', '71,4'],
      ['Выполнено частично', '5', '23,8'],
      ['Не выполнено', '1', '4,8'],
      ['Итого', '21', '100,0'],
    ]);
    expect(analysis.conclusions[0]).toBe(
      `Всего в плане 21 мероприятие; выполнено 15 (71,4${NBSP}%), выполнено частично — 5, не выполнено — 1.`,
    );
    expect(analysis.title).toBe(
      'Анализ выполнения плана работы опорного центра на 2020/2021 учебный год',
    );
  });

  it('lists overdue items of seed 000 on 15.11.2021', () => {
    const analysis = buildPlanAnalysis(
      plan.items,
      {
        centreName: 'опорного центра',
        periodLabel: plan.period.label,
        signaturePosition: 'Заведующий',
        signatureName: 'Е.В. Французан',
      },
      moscowMidnight(2021, 11, 15),
    );
    // Ended by 31.10.2021 without a mark: 1.1–1.4, 2.1, 2.2, 2.4, 3.1, 4.1, 4.2, 5.1, 5.2, 6.1–6.6.
    expect(analysis.overdue.map((i) => i.number)).toEqual([
      '1.1',
      '1.2',
      '1.3',
      '1.4',
      '2.1',
      '2.2',
      '2.4',
      '3.1',
      '4.1',
      '4.2',
      '5.1',
      '5.2',
      '6.1',
      '6.2',
      '6.3',
      '6.4',
      '6.5',
      '6.6',
    ]);
    expect(analysis.totals.overdue).toBe(18);
    expect(analysis.totals.inProgress).toBe(19);
    expect(analysis.conclusions).toContain(
      'Просрочено 18 мероприятий: срок истёк, отметка о выполнении отсутствует.',
    );
    expect(analysis.recommendations[0]).toBe(
      'Проставить отметки о выполнении по просроченным мероприятиям.',
    );
    expect(documentText(analysis).join(' ')).not.toMatch(/undefined|NaN/);
  });

  it('writes a paragraph per section like seed 004: marks, items named, results and comments quoted', () => {
    const marked = plan.items.map((i) => {
      if (i.number === '1.1')
        return { ...i, mark: 'Выполнено' as const, comment: 'Обсуждено на рабочей группе.' };
      if (i.number === '1.2')
        return {
          ...i,
          mark: 'Выполнено частично' as const,
          result: 'Проект положения',
          comment: 'Положение «Об опорном центре» согласовано',
        };
      if (i.number === '1.3') return { ...i, mark: 'Не выполнено' as const };
      if (i.number === '1.4') return { ...i, mark: 'Выполнено' as const };
      if (i.section === plan.sections[1]) return { ...i, mark: 'Выполнено' as const };
      return i;
    });
    const analysis = buildPlanAnalysis(
      marked,
      {
        centreName: 'опорного центра',
        periodLabel: plan.period.label,
        signaturePosition: 'Заведующий',
        signatureName: 'Е.В. Французан',
      },
      moscowMidnight(2021, 11, 15),
    );
    const [first, second, third] = analysis.sections;
    expect(first!.heading).toBe(
      '1. Организационно-управленческие мероприятия по созданию и обеспечению деятельности опорного центра',
    );
    const text = (section: typeof first): string => {
      const block = section!.blocks[0]!;
      return block.type === 'paragraph' ? block.text : '';
    };
    expect(text(first)).toBe(
      'Выполнено 2 из 4 мероприятий, выполнено частично — 1, не выполнено — 1. ' +
        'Не выполнено: 1.3 «Согласование документов об организации опорного центра». ' +
        'Выполнено частично: 1.2 «Создание проекта положения об опорном центре, определение кадрового состава, оформление должностных инструкций, примерного плана работы опорного центра». ' +
        'Достигнутые результаты: 1.2 — «Проект положения». ' +
        'Комментарии: 1.1 — «Обсуждено на рабочей группе»; 1.2 — «Положение „Об опорном центре“ согласовано».',
    );
    expect(text(second)).toBe(
      'Все 6 мероприятий раздела выполнены. Комментарии к мероприятиям раздела не внесены.',
    );
    // Section 3 on 15.11.2021: 3.1 (September) overdue and named with its deadline.
    expect(text(third)).toMatch(
      /^Выполнено 0 из 4 мероприятий, просрочено — 1, срок ещё не истёк — 3\. Срок истёк, отметки о выполнении нет: 3\.1 «Организационное совещание с ОУ Невского района „План работы опорного центра и взаимодействие с ОУ“» \(срок — Сентябрь 2021\)\. Комментарии к мероприятиям раздела не внесены\.$/,
    );
    // Then the table of the section, its rows with their marks.
    const table = first!.blocks[1]!;
    expect(table.type === 'table' && table.rows.map((r) => r[4])).toEqual([
      'Выполнено',
      'Выполнено частично',
      'Не выполнено',
      'Выполнено',
    ]);
    // The totals: the table, a pie of the marks and a stacked bar per section, in colours.
    const totals = analysis.sections[plan.sections.length]!;
    expect(totals.heading).toBe(`${plan.sections.length + 1}. Итоги выполнения`);
    const [pie, bars] = totals.blocks.slice(1);
    expect(pie).toMatchObject({
      type: 'chart',
      kind: 'pie',
      caption: 'Рисунок 1. Выполнение плана',
    });
    expect(bars).toMatchObject({
      type: 'chart',
      kind: 'bar',
      stacked: true,
      caption: 'Рисунок 2. Выполнение плана по разделам',
    });
    if (bars?.type !== 'chart') throw new Error('no chart');
    expect(bars.categories).toHaveLength(plan.sections.length);
    expect(bars.series.map((s) => s.name)).toEqual([
      'Выполнено',
      'Выполнено частично',
      'Не выполнено',
      'Просрочено',
      'Срок не истёк',
    ]);
    expect(bars.colors).toHaveLength(5);
    // Sections without comments are named in a recommendation.
    expect(analysis.recommendations).toContain(
      'Внести комментарии к мероприятиям разделов 2, 3, 4, 5, 6 (столбец «Комментарий» вкладки «План работы»): что сделано, кем, что вызвало затруднения, что решено.',
    );
  });
});
