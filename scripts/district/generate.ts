/**
 * A deterministic synthetic district: a registry of ОУ and a school year of form answers with the
 * mistakes real schools make. Answers only use choices the forms offer (passed in as `Choices`).
 *
 * Registrations are consistent with the reference, as the app checks them (validateRegistration):
 * the competency belongs to the event's programme (or the event names none), the age category is
 * one the competency allows and is of the event's programme, and the class fits the category —
 * kindergartens (ДОУ) register preschool categories with group names, schools and ДО register
 * school categories with grades inside the category's range. Mistakes are deliberate and rare,
 * at the rates of `MISTAKES` below (per answer unless said otherwise); with them about 2–4 % of
 * registrations land in «Требует проверки».
 */
import type { School } from '../../src/domain/model';
import { categoryGradeRange } from '../../src/domain/reference';
import { parsePeriodAnswer } from '../../src/domain/text/dateAnswers';
import { addMonths } from '../../src/domain/text/periods';

/** How often each deliberate mistake happens. */
export const MISTAKES = {
  /** A registration with one name retyped: Latin look-alike, caps, spaces, «е» for «ё», a typo. */
  registrationNameSlip: 0.04,
  /** A registration sent after the deadline (a warning in «Требует проверки»). */
  lateRegistration: 0.02,
  /** A school category with a grade outside the category (a warning). */
  gradeOutsideCategory: 0.01,
  /** The same team registered twice, a few days apart, sometimes retyped. */
  duplicateRegistration: 0.02,
  /** A formula, HTML or script typed into a free-text field (registration class, order, report). */
  hostile: 0.003,
  /** Per school and event: no order sent at all. */
  missingOrder: 0.05,
  /** Per order: sent after the event started. */
  lateOrder: 0.05,
  /** Per order: neither the file nor a link to it. */
  orderWithoutFile: 0.04,
  /** Per child in an order or a result: name retyped (see registrationNameSlip). */
  nameSlip: 0.03,
  /** Per child in an order: left out of the order. */
  childLeftOut: 0.02,
  /** Per school and month: no report; a late one. */
  missingReport: 0.05,
  lateReport: 0.05,
  /** Per report: an implausible figure the form lets through (5000 pupils in a kindergarten). */
  implausibleReportFigure: 0.01,
  /** Per report with a post-release: a local file path instead of a link. */
  postReleaseNotLink: 0.05,
  /** Per result: entered two to six weeks after the event, often after that month's note. */
  lateResult: 0.25,
} as const;

/** mulberry32: small, fast, good enough for test data; the same seed gives the same district. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

const DOU_SUFFIXES = [
  'Невского района Санкт-Петербурга',
  'комбинированного вида Невского района Санкт-Петербурга',
  'общеразвивающего вида с приоритетным осуществлением деятельности по познавательно-речевому развитию детей Невского района Санкт-Петербурга',
  'компенсирующего вида Невского района Санкт-Петербурга',
];
const SCHOOL_KINDS = [
  { official: 'ГБОУ средняя общеобразовательная школа', short: 'ГБОУ СОШ' },
  {
    official: 'ГБОУ средняя общеобразовательная школа с углублённым изучением английского языка',
    short: 'ГБОУ СОШ',
  },
  { official: 'ГБОУ гимназия', short: 'ГБОУ гимназия' },
  { official: 'ГБОУ лицей', short: 'ГБОУ лицей' },
];
const RESPONSIBLE = [
  'Смирнова Е. В.',
  'Кузнецова О. А.',
  'Попова Н. С.',
  'Васильева И. Г.',
  'Соколова Т. М.',
  'Михайлова А. Ю.',
  'Новикова Л. П.',
  'Фёдорова Г. Н.',
  'Морозова С. В.',
  'Волкова М. Д.',
];

/** The registry staff paste into «ОУ»: ДОУ, schools, gymnasiums, lyceums and a ДДТ. */
export function generateRegistry(seed: number, count: number): School[] {
  const rng = prng(seed ^ 0x5eed);
  const used = new Set<string>();
  const schools: School[] = [];
  const number = (lo: number, hi: number): string => {
    for (;;) {
      const n = String(int(rng, lo, hi));
      if (!used.has(n)) return (used.add(n), n);
    }
  };
  for (let i = 0; i < count; i++) {
    const roll = i === count - 1 ? 'do' : rng() < 0.55 ? 'dou' : 'school';
    if (roll === 'do') {
      schools.push(
        make(
          'ДДТ-1',
          'ДО',
          '',
          'ГБУ ДО Дом детского творчества Невского района Санкт-Петербурга',
          'ГБУ ДО ДДТ Невского района',
          ['ДДТ Невского района'],
        ),
      );
    } else if (roll === 'dou') {
      const n = number(1, 140 + count);
      schools.push(
        make(
          `ДОУ-${n}`,
          'ДОУ',
          n,
          `ГБДОУ детский сад № ${n} ${pick(rng, DOU_SUFFIXES)}`,
          `ГБДОУ № ${n}`,
          [`Детский сад № ${n}`, `ДОУ ${n}`],
        ),
      );
    } else {
      const n = number(1, 700);
      const kind = pick(rng, SCHOOL_KINDS);
      const official = `${kind.official} № ${n} Невского района Санкт-Петербурга`;
      schools.push(
        make(`ШКОЛА-${n}`, 'школа', n, official, `${kind.short} № ${n}`, [`Школа ${n}`, `ОУ ${n}`]),
      );
    }
  }
  // Staff have not found the address of every ОУ: every 33rd (from the 21st) has none, so its
  // letters cannot go out and «Требует проверки» asks for it. Drawn without the generator, so the
  // season's answers stay as they were.
  schools.forEach((school, i) => {
    if (i % 33 === 20) school.emails = [];
  });
  return schools;

  function make(
    key: string,
    type: School['type'],
    num: string,
    officialName: string,
    shortName: string,
    aliases: string[],
  ): School {
    const mail = key
      .toLowerCase()
      .replace('школа', 'school')
      .replace('доу', 'dou')
      .replace('ддт', 'ddt');
    return {
      key,
      type,
      number: num,
      officialName,
      shortName,
      district: 'Невский',
      emails: [`${mail}@obr.example`],
      responsible: pick(rng, RESPONSIBLE),
      aliases,
    };
  }
}

/** Choices the forms offer and the reference the answers follow (read from the emulator). */
export interface Choices {
  /** Dropdown labels of «Образовательное учреждение», in registry order (one per school). */
  schoolLabels: string[];
  events: {
    name: string;
    programme: string;
    start: Date;
    end: Date;
    registrationUntil: Date | null;
  }[];
  competencies: { name: string; programme: string; ageCategories: string[] }[];
  /** «Возрастные категории»: each category's programme and what it admits. */
  ageCategories: { name: string; programme: string; bounds: string }[];
  months: string[];
  resultKinds: string[];
  reportDeadlineDay: number;
}

/** One answer a respondent submits on a day. */
export interface GeneratedAnswer {
  /** When it is submitted (ISO with +03:00). */
  at: string;
  form: 'registration' | 'report' | 'order' | 'results';
  respondent: string;
  answers: Record<string, string | string[]>;
}

export interface SeasonOptions {
  seed: number;
  participants: number;
  from: string; // YYYY-MM-DD
  to: string;
}

const MALE = [
  'Иванов',
  'Смирнов',
  'Кузнецов',
  'Попов',
  'Васильев',
  'Петров',
  'Соколов',
  'Михайлов',
  'Новиков',
  'Фёдоров',
  'Морозов',
  'Волков',
  'Алексеев',
  'Лебедев',
  'Семёнов',
  'Егоров',
  'Павлов',
  'Козлов',
  'Степанов',
  'Николаев',
  'Орлов',
  'Андреев',
  'Макаров',
  'Никитин',
  'Захаров',
  'Зайцев',
  'Соловьёв',
  'Борисов',
  'Яковлев',
  'Григорьев',
  'Романов',
  'Воробьёв',
  'Сергеев',
  'Кузьмин',
  'Фролов',
  'Александров',
  'Дмитриев',
  'Королёв',
  'Гусев',
  'Киселёв',
];
const FEMALE_OF = (s: string): string => `${s}а`;
const BOYS = [
  'Александр',
  'Максим',
  'Артём',
  'Михаил',
  'Даниил',
  'Иван',
  'Дмитрий',
  'Кирилл',
  'Андрей',
  'Егор',
  'Илья',
  'Матвей',
  'Тимофей',
  'Роман',
  'Лев',
  'Марк',
  'Фёдор',
  'Никита',
  'Семён',
  'Ярослав',
];
const GIRLS = [
  'Анна',
  'Мария',
  'София',
  'Алиса',
  'Виктория',
  'Полина',
  'Елизавета',
  'Анастасия',
  'Варвара',
  'Дарья',
  'Ксения',
  'Вероника',
  'Ева',
  'Василиса',
  'Милана',
  'Арина',
  'Ульяна',
  'Таисия',
  'Злата',
  'Екатерина',
];
const GROUPS = [
  '«Звёздочки»',
  '«Солнышко»',
  '«Пчёлки»',
  '«Непоседы»',
  '«Радуга»',
  '«Капельки»',
  '«Гномики»',
];
const LETTERS = ['А', 'Б', 'В', 'Г'];
const HOSTILE = [
  '=HYPERLINK("http://evil","x")',
  '<img src=x onerror=alert(1)>',
  '+SUM(1,2)',
  '<script>alert("x")</script>',
];
const LOOKALIKE: Record<string, string> = {
  а: 'a',
  о: 'o',
  е: 'e',
  с: 'c',
  р: 'p',
  х: 'x',
  у: 'y',
  А: 'A',
  О: 'O',
  Е: 'E',
  С: 'C',
  Р: 'P',
  К: 'K',
  М: 'M',
  Т: 'T',
  Н: 'H',
  В: 'B',
};

interface Child {
  surname: string;
  name: string;
  cls: string;
}

/** How a name gets mistyped by a tired school secretary (always some change). */
function slip(rng: Rng, s: string): string {
  const r = rng();
  if (r < 0.2) return s.toUpperCase();
  if (r < 0.35) return s.toLowerCase();
  if (r < 0.5) return `  ${s} `;
  if (r < 0.7 && /[аоесрхуАОЕСРКМТНВ]/.test(s))
    return s.replace(/[аоесрхуАОЕСРКМТНВ]/, (c) => LOOKALIKE[c] ?? c);
  if (r < 0.8 && /[ёЁ]/.test(s)) return s.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
  if (s.length > 4) {
    const i = int(rng, 1, s.length - 2);
    return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
  }
  return s.toUpperCase();
}
/** A name as typed: retyped with probability `p`. */
const variant = (rng: Rng, s: string, p: number = MISTAKES.nameSlip): string =>
  chance(rng, p) ? slip(rng, s) : s;

type Kind = 'preschool' | 'school';
/** A preschool category admits children of at most 7 years («5–7 лет», «6–7 лет»). */
function kindOf(bounds: string): Kind {
  const ages = /(\d{1,2})\s*[–—-]\s*(\d{1,2})\s*(лет|год)/.exec(bounds);
  return ages && Number(ages[2]) <= 7 ? 'preschool' : 'school';
}

/** A valid (event, competency, category) of one kind of ОУ. */
interface Option {
  event: number;
  competency: Choices['competencies'][number];
  category: Choices['ageCategories'][number];
}

/** Every combination validateRegistration accepts without an error or a warning, per kind. */
function validOptions(events: Choices['events'], choices: Choices): Record<Kind, Option[]> {
  const byName = new Map(choices.ageCategories.map((c) => [c.name, c]));
  const out: Record<Kind, Option[]> = { preschool: [], school: [] };
  events.forEach((e, event) => {
    for (const competency of choices.competencies) {
      if (e.programme && competency.programme !== e.programme) continue;
      for (const name of competency.ageCategories) {
        const category = byName.get(name);
        if (!category || (e.programme && category.programme !== e.programme)) continue;
        out[kindOf(category.bounds)].push({ event, competency, category });
      }
    }
  });
  return out;
}

/** A grade the category admits, in the older part of its range («14+» → 8–11). */
function gradeFor(rng: Rng, category: Choices['ageCategories'][number], wrong: boolean): number {
  const range = categoryGradeRange(category) ?? { min: 1, max: 11 };
  const max = Math.min(11, Math.max(1, range.max));
  const min = Math.max(1, range.min, max - 3);
  if (!wrong) return int(rng, min, max);
  return max <= 8 ? int(rng, max + 2, 11) : int(rng, 1, Math.max(1, range.min - 2));
}

function at(day: Date, rng: Rng): string {
  const hh = String(int(rng, 8, 20)).padStart(2, '0');
  const mm = String(int(rng, 0, 59)).padStart(2, '0');
  return `${ymd(day)}T${hh}:${mm}:00+03:00`;
}
/** YYYY-MM-DD of a date in Moscow time. */
export function ymd(d: Date): string {
  return new Date(d.getTime() + 3 * 3600e3).toISOString().slice(0, 10);
}
const day = (iso: string): Date => new Date(`${iso}T12:00:00+03:00`);
const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86400e3);
const between = (rng: Rng, a: Date, b: Date): Date =>
  new Date(a.getTime() + rng() * Math.max(0, b.getTime() - a.getTime()));

/** A season of answers, sorted by time; every dropdown answer is one of `choices`. */
export function generateSeason(
  schools: School[],
  choices: Choices,
  options: SeasonOptions,
): GeneratedAnswer[] {
  const rng = prng(options.seed);
  const from = day(options.from);
  const to = day(options.to);
  const out: GeneratedAnswer[] = [];
  const label = (i: number): string => choices.schoolLabels[i] ?? choices.schoolLabels[0]!;
  const respondentOf = (s: School): string => s.emails[0] ?? 'ou@obr.example';
  // Events whose registration opens within the run; registration runs up to the deadline.
  const events = choices.events.filter(
    (e) => (e.registrationUntil ?? e.start) > from && addDays(e.start, -14) < to,
  );
  if (events.length === 0) return out;
  const active = schools.map((_, i) => i).filter(() => chance(rng, 0.85));
  const valid = validOptions(events, choices);
  let remaining = options.participants;
  const teams: {
    school: number;
    event: number;
    competency: string;
    children: Child[];
    mentor: string;
    registeredAt: Date;
  }[] = [];
  let guard = 0;
  while (remaining > 0 && guard++ < options.participants * 5) {
    const si = pick(rng, active.length ? active : [0]);
    const s = schools[si]!;
    // Kindergartens enter preschool categories; schools and ДО enter school ones.
    const kind: Kind = s.type === 'ДОУ' ? 'preschool' : 'school';
    const offered = valid[kind];
    if (!offered.length) continue;
    const { event: ei, competency: comp, category } = pick(rng, offered);
    const e = events[ei]!;
    const size = remaining > 1 && chance(rng, 0.45) ? 2 : 1;
    const wrongGrade = kind === 'school' && chance(rng, MISTAKES.gradeOutsideCategory);
    const children: Child[] = [];
    for (let k = 0; k < size; k++) {
      const girl = chance(rng, 0.5);
      const surname = girl ? FEMALE_OF(pick(rng, MALE)) : pick(rng, MALE);
      const name = pick(rng, girl ? GIRLS : BOYS);
      const cls =
        kind === 'preschool'
          ? `${pick(rng, ['старшая', 'подготовительная'])} группа ${pick(rng, GROUPS)}`
          : `${gradeFor(rng, category, wrongGrade && k === 0)} «${pick(rng, LETTERS)}»`;
      children.push({ surname, name, cls });
    }
    remaining -= size;
    const mentorSurname = FEMALE_OF(pick(rng, MALE));
    const mentor = `${mentorSurname} ${pick(rng, GIRLS)} ${pick(rng, ['Сергеевна', 'Андреевна', 'Викторовна', 'Олеговна', 'Игоревна'])}`;
    const opens = from > addDays(e.start, -75) ? from : addDays(e.start, -75);
    const until = e.registrationUntil ?? addDays(e.start, -7);
    const when = chance(rng, MISTAKES.lateRegistration)
      ? between(rng, addDays(until, 1), addDays(e.start, -1))
      : between(rng, opens, until);
    if (when < from || when > to) continue;
    teams.push({
      school: si,
      event: ei,
      competency: comp.name,
      children,
      mentor,
      registeredAt: when,
    });
    // At most one name of a registration is retyped.
    const slipped = chance(rng, MISTAKES.registrationNameSlip) ? int(rng, 0, 2 * size - 1) : -1;
    const typed = (i: number, value: string): string => (i === slipped ? slip(rng, value) : value);
    const answers: Record<string, string | string[]> = {
      'Образовательное учреждение': label(si),
      Мероприятие: e.name,
      Компетенция: comp.name,
      'Возрастная категория': category.name,
      'Участник 1: фамилия': typed(0, children[0]!.surname),
      'Участник 1: имя': typed(1, children[0]!.name),
      'Участник 1: класс / группа': children[0]!.cls,
      'Наставник: ФИО': mentor,
      'Наставник: email': `${translit(mentorSurname)}@${respondentOf(s).split('@')[0]}.example`,
      'Согласие законных представителей на обработку персональных данных получено': [
        'Да, согласие получено',
      ],
    };
    if (children[1]) {
      answers['Участник 2: фамилия'] = typed(2, children[1].surname);
      answers['Участник 2: имя'] = typed(3, children[1].name);
      answers['Участник 2: класс / группа'] = children[1].cls;
    }
    if (chance(rng, MISTAKES.hostile)) answers['Участник 1: класс / группа'] = pick(rng, HOSTILE);
    const a: GeneratedAnswer = {
      at: at(when, rng),
      form: 'registration',
      respondent: respondentOf(s),
      answers,
    };
    out.push(a);
    // Duplicate registrations: the same team sent again a little later, sometimes retyped.
    if (chance(rng, MISTAKES.duplicateRegistration)) {
      const again = {
        ...answers,
        'Участник 1: фамилия': variant(rng, children[0]!.surname, 0.5),
      };
      const later = addDays(when, int(rng, 0, 3));
      if (later <= to) out.push({ ...a, at: at(later, rng), answers: again });
    }
  }
  // Orders: one per school and event, a few days before the event; some never sent.
  const bySchoolEvent = new Map<string, typeof teams>();
  for (const t of teams) {
    const k = `${t.school}|${t.event}`;
    bySchoolEvent.set(k, [...(bySchoolEvent.get(k) ?? []), t]);
  }
  let orderNo = 0;
  for (const [k, group] of bySchoolEvent) {
    const [si, ei] = k.split('|').map(Number) as [number, number];
    const e = events[ei]!;
    const s = schools[si]!;
    if (chance(rng, MISTAKES.missingOrder)) continue;
    const when = chance(rng, MISTAKES.lateOrder)
      ? between(rng, e.start, addDays(e.start, 3))
      : between(rng, addDays(e.start, -10), addDays(e.start, -1));
    if (when < from || when > to) continue;
    const names = group
      .flatMap((t) => t.children)
      .filter(() => !chance(rng, MISTAKES.childLeftOut))
      .map((c) => `${variant(rng, c.surname)} ${variant(rng, c.name)}`);
    if (chance(rng, MISTAKES.hostile)) names.push(pick(rng, HOSTILE));
    const orderDate = addDays(when, -int(rng, 0, 5));
    const dd = ymd(orderDate).split('-').reverse().join('.');
    out.push({
      at: at(when, rng),
      form: 'order',
      respondent: respondentOf(s),
      answers: {
        'Образовательное учреждение': label(si),
        'Номер приказа': `${int(rng, 10, 250)}${chance(rng, 0.5) ? '-о' : '/од'}`,
        'Дата приказа': chance(rng, 0.05) ? ymd(orderDate) : dd,
        Мероприятие: e.name,
        'Участники (Фамилия Имя, по одному в строке)': names.join('\n') || 'список уточняется',
        ...(!chance(rng, MISTAKES.orderWithoutFile)
          ? { 'Ссылка на файл приказа': `https://drive.example.org/order-${++orderNo}.pdf` }
          : {}),
      },
    });
  }
  // Results: days or weeks after the event, one answer per participant who took part.
  for (const t of teams) {
    const e = events[t.event]!;
    const s = schools[t.school]!;
    for (const c of t.children) {
      if (!chance(rng, 0.8)) continue;
      const when = chance(rng, MISTAKES.lateResult)
        ? between(rng, addDays(e.end, 15), addDays(e.end, 40))
        : between(rng, addDays(e.end, 1), addDays(e.end, 14));
      if (when > to) continue;
      const r = rng();
      const kinds = choices.resultKinds;
      const result =
        kinds.length >= 5
          ? r < 0.06
            ? kinds[0]!
            : r < 0.12
              ? kinds[1]!
              : r < 0.2
                ? kinds[2]!
                : r < 0.24
                  ? kinds[3]!
                  : kinds[kinds.length - 1]!
          : pick(rng, kinds);
      out.push({
        at: at(when, rng),
        form: 'results',
        respondent: respondentOf(s),
        answers: {
          'Образовательное учреждение': label(t.school),
          Мероприятие: e.name,
          Компетенция: t.competency,
          'Участник (Фамилия Имя)': `${variant(rng, c.surname)} ${variant(rng, c.name)}`,
          Результат: result,
          ...(chance(rng, 0.6) ? { Баллы: String(int(rng, 20, 100)) } : {}),
        },
      });
    }
  }
  // Monthly reports: due on the deadline day of the next month; some late, some never sent.
  for (const label0 of choices.months) {
    const parsed = parsePeriodAnswer(label0);
    if (!parsed.ok) continue;
    const period = parsed.period;
    const due = new Date(
      `${addMonths(period, 1)}-${String(choices.reportDeadlineDay).padStart(2, '0')}T18:00:00+03:00`,
    );
    const monthStart = new Date(`${period}-01T12:00:00+03:00`);
    if (monthStart < addDays(from, -20)) continue;
    schools.forEach((s, si) => {
      if (chance(rng, MISTAKES.missingReport)) return;
      const late = chance(rng, MISTAKES.lateReport);
      const when = late
        ? between(rng, addDays(due, 1), addDays(due, 20))
        : between(rng, addDays(due, -8), due);
      if (when < from || when > to) return;
      const answers = reportAnswers(rng, s, label(si), label0);
      out.push({ at: at(when, rng), form: 'report', respondent: respondentOf(s), answers });
    });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** How much an ОУ of each type prepares in a month: sessions, pupils, mentors (ranges). */
const PREPARATION: Record<School['type'], [number, number][]> = {
  ДОУ: [
    [2, 12],
    [4, 25],
    [1, 4],
  ],
  школа: [
    [4, 20],
    [8, 60],
    [1, 6],
  ],
  ДО: [
    [10, 32],
    [20, 90],
    [3, 10],
  ],
};

/** «Трудности и потребность в методической помощи» as schools write them, typos included. */
const DIFFICULTIES = [
  '',
  '',
  '',
  '',
  'Нет',
  'нет',
  'Трудностей нет',
  'трудностей не испытываем',
  '-',
  'Не хватает расходных материалов для подготовки.',
  'Нужна консультация по критериям оценки компетенции.',
  'Педагог-наставник на больничном, занятия перенесены.',
  'нет оборудования для компетенции сити-фермерство',
  'Нехватка наставнеков, один педагог ведёт несколько команд',
  'Просим провести консультацию по кейс-заданиям прошлых лет',
  'Мало времени на подготовку, большая нагрузка у педагогов',
  'Поздно узнали о сроках регистрации на чемпионат',
  'Нет средств на закупку материалов',
  'Не хватает ноутбуков для тренировок; нужна помощь с разработкой заданий',
  'Родители не всегда могут привозить детей на тренировки',
  'Нужны курсы повышения квалификации для воспитателей',
  'Нет помещения для занятий',
  'Сложно совмещать подготовку с основной нагрузкой',
];
const EVENTS_HELD = [
  'Мастер-класс для обучающихся; открытое занятие для родителей.',
  'Внутренний отборочный этап в ОУ',
  'Тренировка команды по кейс-заданиям прошлых лет',
  'Экскурсия на предприятие',
  'Неделя профессий в ОУ',
  'Консультация наставников с экспертом',
  'Профориентационное мероприятие «Мир профессий»',
  'Занятия кружка робототехники',
  'Выставка работ обучающихся',
  'Родительское собрание о чемпионатах KidSkills',
];
const CONTESTS = [
  'Подготовка команды к районному отборочному этапу.',
  'Участие в районном отборочном этапе KidSkills',
  'Регистрация команды на региональный чемпионат',
  'Участие в онлайн-марафоне',
  'Участие в конкурсе «Юный инженер»',
];

/** One ОУ's monthly report for the month labelled `month`. */
function reportAnswers(
  rng: Rng,
  s: School,
  schoolLabel: string,
  month: string,
): Record<string, string | string[]> {
  const [sessions, pupils, mentors] = PREPARATION[s.type].map(([lo, hi]) => int(rng, lo, hi)) as [
    number,
    number,
    number,
  ];
  const answers: Record<string, string | string[]> = {
    'Образовательное учреждение': schoolLabel,
    'Отчётный месяц': month,
    'Проведено занятий по подготовке': String(sessions),
    'Обучающихся в подготовке': String(pupils),
    'Педагогов-наставников': String(mentors),
    'Контактное лицо': s.responsible,
  };
  // A slip of the keyboard the form's bounds let through: the app queues it, sums leave it out.
  if (chance(rng, MISTAKES.implausibleReportFigure)) {
    answers['Обучающихся в подготовке'] = s.type === 'ДОУ' ? String(pupils * 100) : '4999';
  }
  if (chance(rng, 0.55)) answers['Проведённые мероприятия'] = pick(rng, EVENTS_HELD);
  if (chance(rng, 0.3)) answers['Участие в конкурсах и чемпионатах'] = pick(rng, CONTESTS);
  const difficulty = chance(rng, MISTAKES.hostile) ? pick(rng, HOSTILE) : pick(rng, DIFFICULTIES);
  if (difficulty) answers['Трудности и потребность в методической помощи'] = difficulty;
  if (chance(rng, 0.35)) {
    const local = s.emails[0]?.split('@')[0] ?? 'ou';
    answers['Ссылка на пост-релиз'] = chance(rng, MISTAKES.postReleaseNotLink)
      ? 'file:///C:/Документы/пост-релиз.docx'
      : chance(rng, 0.2)
        ? `${local}.spb.ru/news/${int(rng, 100, 999)}`
        : `https://vk.com/${local}?w=wall-${int(rng, 1000, 9999)}`;
  }
  return answers;
}

const TR: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sch',
  ы: 'y',
  ь: '',
  ъ: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
function translit(s: string): string {
  return [...s.toLowerCase()].map((c) => TR[c] ?? c).join('');
}
