/**
 * The note reads like an official one (DOMAIN.md «An official note reads like one») on a district
 * of 30 ОУ: long lists show their top 10 and go whole to appendices, conclusions and
 * recommendations are numbered lists of their own, nothing is abbreviated, no figure is repeated
 * in the next sentence, and the preparation section is built from the monthly reports.
 */
import { buildMonthlyNote, BODY_TOP } from '../../src/domain/note';
import { computeStatistics, type StatisticsInput } from '../../src/domain/statistics';
import {
  documentText,
  type DocumentBlock,
  type DocumentModel,
  type TableBlock,
} from '../../src/domain/document';
import type {
  ChampionshipEvent,
  MonthlyReport,
  Participant,
  ParticipantResult,
  School,
} from '../../src/domain/model';
import { NBSP } from '../../src/domain/text';
import { msk } from './district.fixture';

const schools: School[] = Array.from({ length: 30 }, (_, i) => ({
  key: `ШКОЛА-${i + 1}`,
  type: i % 3 === 0 ? 'ДОУ' : 'школа',
  number: String(i + 1),
  officialName: `ГБОУ № ${i + 1}`,
  shortName: `ГБОУ № ${i + 1}`,
  district: 'Невский',
  emails: [],
  responsible: '',
  aliases: [],
}));

const EVENT = 'Районный этап KidSkills';
const LATER = 'Региональный этап JuniorSkills';
const events: ChampionshipEvent[] = [
  {
    name: EVENT,
    programme: '',
    level: 'районный',
    format: 'очный',
    start: msk(2021, 11, 15),
    end: msk(2021, 11, 16),
    registrationDeadline: null,
  },
  {
    name: LATER,
    programme: '',
    level: 'городской/региональный',
    format: 'очный',
    start: msk(2021, 11, 25),
    end: msk(2021, 11, 26),
    registrationDeadline: null,
  },
];

/** 24 ОУ with one to three participants each; every third of them without an order. */
const participants: Participant[] = [];
schools.slice(0, 24).forEach((s, i) => {
  for (let k = 0; k <= i % 3; k++) {
    participants.push({
      id: `P${i}-${k}`,
      surname: 'Фамилия',
      name: `Имя${i}${k}`,
      schoolKey: s.key,
      classOrGroup: '5',
      ageCategory: k === 0 ? '10+' : '14+',
      competency: i % 2 === 0 ? 'Электроника' : 'Мобильная робототехника',
      event: i % 4 === 0 ? LATER : EVENT,
      team: '',
      mentor: k === 2 ? '' : 'Петрова Анна Сергеевна',
      consent: true,
      registeredAt: msk(2021, 10, 1 + i),
      orderStatus: k === 1 ? 'нет' : 'есть',
      result: '',
      sourceResponseId: `REG-${i}-${k}`,
    });
  }
});

const results: ParticipantResult[] = participants
  .filter((p) => p.event === EVENT)
  .map((p, i) => ({
    participantId: p.id,
    schoolKey: p.schoolKey,
    event: p.event,
    competency: p.competency,
    participantName: p.name,
    result:
      i % 7 === 0
        ? 'Победитель (1 место)'
        : i % 5 === 0
          ? 'Призёр (2 место)'
          : i % 6 === 0
            ? 'Медальон за профессионализм'
            : 'Участник',
    score: null,
    confirmed: i % 2 === 0,
    confirmedAs: '',
    submittedAt: msk(2021, 11, 20),
    sourceResponseId: `RES-${i}`,
  }));

const DIFFICULTIES = [
  'Нет',
  'Не хватает расходных материалов',
  'Нужна консультация по кейс-заданиям',
  'Наставник на больничном',
  'трудностей не испытываем',
  '',
];

function report(
  s: School,
  period: string,
  i: number,
  over: Partial<MonthlyReport> = {},
): MonthlyReport {
  return {
    schoolKey: s.key,
    period,
    sessions: 4 + (i % 5),
    pupilsInTraining: 10 + i,
    mentors: 1 + (i % 3),
    eventsHeld: i % 2 === 0 ? 'Мастер-класс для обучающихся' : `Открытое занятие № ${i}`,
    contests: i % 4 === 0 ? 'Подготовка к районному этапу' : '',
    difficulties: DIFFICULTIES[i % DIFFICULTIES.length]!,
    // A link typed by hand into «Отчёты ОУ» that is not a web address must stay out of the note.
    postReleaseUrl: i === 25 ? 'на сайте школы' : i % 2 === 0 ? `https://vk.com/wall-${i}` : '',
    contact: 'Иванова А. А.',
    submittedAt: msk(2021, 12, 3),
    onTime: true,
    sourceResponseId: `REP-${period}-${i}`,
    ...over,
  };
}

const reports: MonthlyReport[] = [
  ...schools.slice(0, 26).map((s, i) =>
    report(s, '2021-11', i, {
      // Two reports with figures the intake could not accept (stored empty).
      ...(i === 3 ? { pupilsInTraining: null } : {}),
      ...(i === 4 ? { sessions: null, mentors: null } : {}),
    }),
  ),
  ...schools.slice(0, 20).map((s, i) => report(s, '2021-10', i)),
];

const season: StatisticsInput = { schools, participants, results, reports, orders: [], events };
const stats = computeStatistics(season, '2021-11');
const note = buildMonthlyNote(
  stats,
  {
    districtName: 'Невского',
    centreName: 'Опорный центр',
    signaturePosition: 'Руководитель опорного центра',
    signatureName: 'Е.В. Французан',
    nameWinners: false,
  },
  msk(2021, 12, 5),
);

function plain(s: string): string {
  return s.split(NBSP).join(' ');
}

function section(model: DocumentModel, heading: string): DocumentBlock[] {
  return model.sections.find((s) => s.heading.endsWith(heading))!.blocks;
}

function tablesOf(blocks: DocumentBlock[]): TableBlock[] {
  return blocks.filter((b): b is TableBlock => b.type === 'table');
}

/**
 * Runs of consecutive sentences in reading order: the paragraphs of a section, the conclusions,
 * the recommendations. A table, a list or a heading ends a run: what follows is not «the next
 * sentence» of what came before (list entries such as «ОУ — 1 победитель» are not sentences).
 */
function sentenceRuns(model: DocumentModel): string[][] {
  const runs: string[][] = [];
  const split = (t: string): string[] =>
    plain(t)
      .split(/(?<=[.!?])\s+(?=[А-ЯЁ«])/)
      .filter((x) => x.trim() !== '');
  for (const s of model.sections) {
    let run: string[] = [];
    for (const b of s.blocks) {
      if (b.type === 'paragraph') run.push(...split(b.text));
      else {
        runs.push(run);
        run = [];
      }
    }
    runs.push(run);
  }
  runs.push(model.conclusions.flatMap(split), model.recommendations.flatMap(split));
  return runs;
}

/**
 * The figures of a sentence: a number with the word after it («3 участника», «50,0 %»), dates,
 * school years and the fixed «(1 место)» removed. A figure is the number and the start of its noun.
 */
function figures(sentence: string): string[] {
  const cleaned = sentence
    .replace(/\d{2}\.\d{2}\.\d{4}/g, ' ')
    .replace(/\d{4}\/\d{4}/g, ' ')
    .replace(/\b20\d\d г\./g, ' ')
    .replace(/\((1|2|3|2–3) место\)/g, ' ')
    .replace(/№ \d+/g, ' ');
  const out: string[] = [];
  const re = /(\d+(?: \d{3})*(?:,\d+)?)\s*(%|[А-Яа-яЁё]{1,5})?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cleaned))) out.push(m[1] + ' ' + (m[2] ?? ''));
  return out;
}

describe('the official layout', () => {
  test('the full rating goes to an appendix, the body shows the top 10 and one sentence', () => {
    expect(stats.ratingMonth.length).toBe(24);
    const rating = section(note, 'Рейтинг ОУ');
    const [top] = tablesOf(rating);
    expect(top!.rows).toHaveLength(BODY_TOP);
    expect(top!.caption).toBe('Таблица 7. Рейтинг ОУ по участию и результатам (первые 10)');
    const last = rating[rating.length - 1]!;
    expect(last).toEqual({
      type: 'paragraph',
      text: 'Рейтинг остальных ОУ (14) приведён в приложении 3.',
    });
    const appendix = note.appendices!.find((a) => a.label === 'Приложение 3')!;
    expect(appendix.title).toBe(`Рейтинг ОУ по участию и результатам за ноябрь 2021${NBSP}г.`);
    expect(tablesOf(appendix.blocks)[0]!.rows).toHaveLength(24);
  });

  test('ОУ without orders: a table «ОУ | Участников без приказа» in the body and in an appendix', () => {
    const discipline = section(note, 'Исполнительская дисциплина');
    const [orders] = tablesOf(discipline);
    expect(orders!.header).toEqual(['ОУ', 'Участников без приказа']);
    expect(orders!.rows).toHaveLength(BODY_TOP);
    const labels = note.appendices!.map((a) => a.label);
    expect(labels).toEqual(labels.map((_, i) => `Приложение ${i + 1}`));
    const full = note.appendices!.find((a) => a.title.startsWith('ОУ, не представившие приказы'))!;
    expect(tablesOf(full.blocks)[0]!.rows).toHaveLength(
      stats.discipline.schoolsWithoutOrders.length,
    );
    expect(stats.discipline.schoolsWithoutOrders.length).toBeGreaterThan(BODY_TOP);
  });

  test('no abbreviated words in running text', () => {
    const text = documentText(note).map(plain).join('\n');
    expect(text).not.toMatch(/победит\.|призёр\.|участн\.|мед\./);
    // A word cut with a dot and continued in lower case; standard ГОСТ ones allowed.
    const allowed = new Set(['г', 'гг', 'др', 'п', 'им', 'т', 'д', 'чел']);
    const cut = [...text.matchAll(/([А-Яа-яЁё]+)\.(?=[ ]*[а-яё,;)])/g)]
      .map((m) => m[1]!)
      .filter((w) => !allowed.has(w));
    expect(cut).toEqual([]);
  });

  test('no figure is repeated in the next sentence', () => {
    const repeats: string[] = [];
    let pairs = 0;
    for (const run of sentenceRuns(note)) {
      for (let i = 1; i < run.length; i++) {
        pairs++;
        const before = new Set(figures(run[i - 1]!));
        for (const f of figures(run[i]!)) if (before.has(f)) repeats.push(`${f} | ${run[i]}`);
      }
    }
    expect(pairs).toBeGreaterThan(20);
    expect(repeats).toEqual([]);
  });

  test('conclusions and recommendations are separate lists, each from 1', () => {
    expect(note.conclusions.length).toBeGreaterThan(2);
    expect(note.recommendations.length).toBeGreaterThan(2);
    // Items carry no numbers of their own: the renderer numbers each list from 1.
    for (const item of [...note.conclusions, ...note.recommendations]) {
      expect(item).not.toMatch(/^\d+\./);
    }
  });
});

describe('«Подготовка участников» from the monthly reports', () => {
  const blocks = section(note, 'Подготовка участников');
  const text = blocks
    .flatMap((b) =>
      b.type === 'paragraph' || b.type === 'subheading'
        ? [b.text]
        : b.type === 'bullets'
          ? b.items
          : b.type === 'links'
            ? b.items.map((l) => l.url)
            : [],
    )
    .map(plain);

  test('counts the reports and says how many had figures left out', () => {
    expect(text[0]).toBe('Ежемесячные отчёты о подготовке участников представили 26 из 30 ОУ.');
    expect(text[1]).toBe(
      'В 2 отчётах отдельные показатели заполнены с ошибками (текст вместо числа, отрицательное или неправдоподобное значение); эти показатели не учтены в суммах и переданы на проверку.',
    );
  });

  test('sums by ОУ type with the change to the previous month, empty figures left out', () => {
    const [table] = tablesOf(blocks);
    const total = table!.rows[table!.rows.length - 1]!;
    const november = reports.filter((r) => r.period === '2021-11');
    const october = reports.filter((r) => r.period === '2021-10');
    const sum = (list: MonthlyReport[], f: 'sessions' | 'pupilsInTraining' | 'mentors'): number =>
      list.reduce((n, r) => n + (r[f] ?? 0), 0);
    expect(total.map(plain)).toEqual([
      'Итого',
      '26 (+6)',
      `${sum(november, 'sessions')} (+${sum(november, 'sessions') - sum(october, 'sessions')})`,
      `${sum(november, 'pupilsInTraining')} (+${sum(november, 'pupilsInTraining') - sum(october, 'pupilsInTraining')})`,
      `${sum(november, 'mentors')} (+${sum(november, 'mentors') - sum(october, 'mentors')})`,
    ]);
  });

  test('groups difficulties by theme with the ОУ in their own words, and each theme recommends', () => {
    expect(text).toContain('Оборудование и материалы (5 ОУ)');
    expect(text).toContain('ГБОУ № 2: «Не хватает расходных материалов»');
    expect(text).toContain('Методика и кейс-задания (4 ОУ)');
    expect(text).toContain('Кадры и наставники (4 ОУ)');
    expect(text).not.toContain('Другое (0 ОУ)');
    const recommendations = note.recommendations.map(plain);
    expect(recommendations).toContain(
      'Организовать консультацию по методике подготовки участников и кейс-заданиям для ОУ, указавших методические трудности: ГБОУ № 3, ГБОУ № 9, ГБОУ № 15, ГБОУ № 21.',
    );
    expect(recommendations.some((r) => r.includes('нехватку оборудования и материалов'))).toBe(
      true,
    );
    expect(recommendations.some((r) => r.includes('кадровые трудности'))).toBe(true);
  });

  test('a digest of what the ОУ held, merged when the words are the same', () => {
    expect(text).toContain('Мастер-класс для обучающихся — 13 ОУ');
  });

  test('post-release links: only http(s) addresses, ten in the body, all in an appendix', () => {
    const links = blocks.find((b) => b.type === 'links');
    expect(links && links.type === 'links' ? links.items.length : 0).toBe(BODY_TOP);
    expect(text).toContain('https://vk.com/wall-0');
    expect(text).toContain('Остальные ссылки (3) приведены в приложении 2.');
    const all = note.appendices!.find((a) => a.title.startsWith('Пост-релизы'))!;
    // All of them in one table whose second column the renderer links.
    const [table] = tablesOf(all.blocks);
    expect(table!.header).toEqual(['ОУ', 'Пост-релиз']);
    expect(table!.linkColumn).toBe(1);
    expect(table!.rows).toHaveLength(13);
    expect(table!.rows[0]).toEqual(['ГБОУ № 1', 'https://vk.com/wall-0']);
    expect(documentText(note).join('\n')).not.toContain('на сайте школы');
  });
});

describe('«Анализ результатов»', () => {
  const blocks = section(note, 'Анализ результатов');

  test('one part per event with results, the other event named as awaited', () => {
    const headings = blocks.filter((b) => b.type === 'subheading').map((b) => plain(b.text));
    expect(headings).toEqual([`«${EVENT}» (начало 15.11.2021, районный)`]);
    const last = blocks[blocks.length - 1]!;
    expect(last.type === 'paragraph' && plain(last.text)).toBe(
      `Результаты мероприятия «${LATER}» (начало 25.11.2021) ожидаются.`,
    );
    const [medals] = tablesOf(blocks);
    expect(medals!.header).toEqual([
      'Компетенция',
      'Категория',
      'Участники',
      'Победители',
      'Призёры',
      'Медальоны',
    ]);
    const analysis = stats.resultsAnalysis.events[0]!;
    // Rows with places or medallions, one row for the rest, then the total.
    const total = medals!.rows[medals!.rows.length - 1]!;
    expect(total).toEqual([
      'Итого',
      '',
      String(analysis.participants),
      String(analysis.winners),
      String(analysis.prizeWinners),
      String(analysis.medallions),
    ]);
    const body = medals!.rows.slice(0, -1);
    expect(body.reduce((n, r) => n + Number(r[2]), 0)).toBe(analysis.participants);
    expect(body.reduce((n, r) => n + Number(r[3]) + Number(r[4]), 0)).toBe(
      analysis.winners + analysis.prizeWinners,
    );
  });

  test('probable causes as hypotheses drawn from the data', () => {
    const items = blocks.flatMap((b) => (b.type === 'bullets' ? b.items : [])).map(plain);
    const noMentor = items.find((i) => i.startsWith('при регистрации не указан наставник'));
    expect(noMentor).toMatch(/— возможно, участники готовились без наставника;$/);
  });
});
