/**
 * The monthly letter to every ОУ of the registry (issue 21): its own figures of the note's month
 * beside the district's, its preparation beside the median of its type, what it still has to send
 * (each with a link to the form, its ОУ already chosen), the next events to register for, and the
 * centre's contact and signature. A model first (plain data, tested), then one renderer to plain
 * text and escaped HTML. Figures come from the note's Statistics object, so they are the note's;
 * what is missing uses the reminders' own rule (reminders.findDebtors), so the letter can stand for
 * that day's reminder. Pure.
 */
import type { ChampionshipEvent, MonthlyReport, School, SchoolType } from './model';
import type { Statistics, SchoolRatingRow } from './statistics';
import type { Debtor, ReminderKind } from './reminders';
import {
  preparationMedians,
  REPORT_FIGURES,
  reportsOfPeriod,
  type ReportFigure,
} from './preparation';
import { prefilledLink, type PrefillTemplate } from './prefill';
import { schoolLabel } from './matching';
import { CERTIFICATE_KINDS, formatEventDate, type CertificateKind } from './certificates';
import { innerQuotes } from './text/quotes';
import { compareRu } from './text/collation';
import {
  formatDateLong,
  formatDateNumeric,
  monthName,
  moscowMidnight,
  startOfMoscowDay,
} from './text/dates';
import { formatDecimal, formatNumber, formatPercent, NBSP } from './text/numbers';
import { addMonths, formatForMonth, formatMonthYear, requirePeriod } from './text/periods';
import { plural, pluralCategory } from './text/plural';
import { escapeHtml } from './text/html';
import { isWebLink } from './document';
import { fillPhrase } from '../i18n/ru/note';
import { LETTERS_RU as RU } from '../i18n/ru/letters';

/** The forms a letter links to, as the adapter found them (a missing one gives no link). */
export interface LetterForms {
  registration?: PrefillTemplate;
  report?: PrefillTemplate;
  order?: PrefillTemplate;
}

/** The centre as «Настройки» name it. */
export interface LetterCentre {
  name: string;
  contact: string;
  signaturePosition: string;
  signatureName: string;
}

/** What the letters of one month are made from. */
export interface SchoolLetterInput {
  period: string;
  /** The day the letters are made: deadlines and upcoming events are counted from it. */
  today: Date;
  /** The note's figures of `period` (the same object «Статистика» and the note print). */
  stats: Pick<Statistics, 'period' | 'month' | 'ratingMonth' | 'schoolsTotal'>;
  schools: readonly School[];
  reports: readonly MonthlyReport[];
  events: readonly ChampionshipEvent[];
  /** reminders.findDebtors of `period` at `today`: what each ОУ still owes. */
  debtors: readonly Debtor[];
  reportDeadlineDay: number;
  forms: LetterForms;
  centre: LetterCentre;
  /** How many upcoming events a letter lists at most (to an ОУ that took part / that it invites). */
  upcomingLimit?: { took: number; invited: number };
}

/** The ОУ's own figures of the month, when it took part. */
export interface OwnFigures {
  participants: number;
  winners: number;
  prizeWinners: number;
  medallions: number;
  effectivenessPercent: number | null;
  /** Place in the note's rating (ties share a place) and the number of ОУ rated. */
  place: number;
  rated: number;
}

/** The district's figures beside them. */
export interface DistrictFigures {
  participants: number;
  schoolsParticipating: number;
  /** Participants per participating ОУ, one decimal; null when none took part. */
  averagePerSchool: number | null;
  effectivenessPercent: number | null;
}

/** One counted figure of the ОУ's report and the median of its type. */
export interface PreparationLine {
  figure: ReportFigure;
  value: number | null;
  median: number | null;
}

export interface LetterPreparation {
  type: SchoolType;
  /** Null when the ОУ has not reported for the month. */
  lines: PreparationLine[] | null;
  /** Reports of ОУ of the same type the medians are taken over. */
  peers: number;
}

/** The monthly report: received, awaited before the deadline, or missing after it. */
export interface LetterReport {
  status: 'received' | 'expected' | 'missing';
  /** The last day to report (Moscow midnight of that day). */
  deadline: Date;
  link: string;
}

export interface LetterOrders {
  participants: number;
  events: string[];
  link: string;
}

export interface UpcomingEvent {
  event: ChampionshipEvent;
  link: string;
}

/** Everything one letter says. */
export interface SchoolLetterModel {
  period: string;
  schoolKey: string;
  schoolName: string;
  to: string[];
  own: OwnFigures | null;
  district: DistrictFigures;
  preparation: LetterPreparation;
  report: LetterReport;
  orders: LetterOrders | null;
  upcoming: UpcomingEvent[];
  centre: LetterCentre;
  today: Date;
  /** What the letter reminds of, as a reminder would: it counts as that day's reminder. */
  carries: ReminderKind[];
}

/** A letter ready for the mail queue. */
export interface RenderedLetter {
  subject: string;
  body: string;
  htmlBody: string;
}

/** Fewer reports of a type than this give no median: a median of one or two is the ОУ itself. */
const MIN_PEERS = 3;
/** Events a letter offers: a few to an ОУ that took part, more to one it invites. */
const UPCOMING_LIMIT = 3;
const INVITATION_LIMIT = 5;

/** The letters of the month: one per ОУ of the registry with an address, and the ОУ without one. */
export function buildSchoolLetters(input: SchoolLetterInput): {
  letters: SchoolLetterModel[];
  withoutEmail: School[];
} {
  requirePeriod(input.period);
  const stats = input.stats;
  const district: DistrictFigures = {
    participants: stats.month.participants,
    schoolsParticipating: stats.month.schoolsParticipating,
    averagePerSchool:
      stats.month.schoolsParticipating > 0
        ? Math.round((stats.month.participants / stats.month.schoolsParticipating) * 10) / 10
        : null,
    effectivenessPercent: stats.month.effectivenessPercent,
  };
  const rating = new Map(stats.ratingMonth.map((row) => [row.key, row]));
  const medians = preparationMedians(input.reports, input.schools, input.period);
  const known = new Set(input.schools.map((s) => s.key));
  const reported = reportsOfPeriod(input.reports, input.period, (k) => known.has(k));
  const debtors = new Map(input.debtors.map((d) => [d.school.key, d]));
  const deadline = reportDeadline(input.period, input.reportDeadlineDay);
  const expected = startOfMoscowDay(input.today).getTime() <= deadline.getTime();
  const limit = input.upcomingLimit ?? { took: UPCOMING_LIMIT, invited: INVITATION_LIMIT };
  const upcoming = upcomingEvents(input.events, input.today, Infinity);

  const letters: SchoolLetterModel[] = [];
  const withoutEmail: School[] = [];
  for (const school of input.schools) {
    if (school.emails.length === 0) {
      withoutEmail.push(school);
      continue;
    }
    const label = schoolLabel(school);
    const row = rating.get(school.key);
    const report = reported.get(school.key) ?? null;
    const ofType = medians.get(school.type);
    const peers = ofType ? ofType.reports : 0;
    const debtor = debtors.get(school.key);
    const owesOrders = debtor !== undefined && debtor.withoutOrder > 0;
    const status: LetterReport['status'] = report ? 'received' : expected ? 'expected' : 'missing';
    const carries: ReminderKind[] = [];
    if (status === 'missing') carries.push('report');
    if (owesOrders) carries.push('orders');
    letters.push({
      period: input.period,
      schoolKey: school.key,
      schoolName: label,
      to: school.emails.slice(),
      own: row ? ownFigures(row, stats.ratingMonth) : null,
      district,
      preparation: {
        type: school.type,
        peers,
        lines: report
          ? REPORT_FIGURES.map((figure) => ({
              figure,
              value: report[figure],
              median: ofType && peers >= MIN_PEERS ? ofType.medians[figure] : null,
            }))
          : null,
      },
      report: {
        status,
        deadline,
        link: link(input.forms.report, { school: label, month: formatMonthYear(input.period) }),
      },
      orders: owesOrders
        ? {
            participants: debtor.withoutOrder,
            events: debtor.events.slice(),
            link: link(input.forms.order, { school: label }),
          }
        : null,
      upcoming: upcoming
        .filter((event) => eventFitsSchool(event, school.type))
        .slice(0, row ? limit.took : limit.invited)
        .map((event) => ({
          event,
          link: link(input.forms.registration, { school: label, event: event.name }),
        })),
      centre: input.centre,
      today: input.today,
      carries,
    });
  }
  return { letters, withoutEmail };
}

/** The last day of reporting for `period`: the deadline day of the following month. */
export function reportDeadline(period: string, deadlineDay: number): Date {
  const next = requirePeriod(addMonths(period, 1));
  return moscowMidnight(next.year, next.month, deadlineDay);
}

function link(
  template: PrefillTemplate | undefined,
  values: Parameters<typeof prefilledLink>[1],
): string {
  return template ? prefilledLink(template, values) : '';
}

/** The ОУ's row of the rating with its place: 1 + the ОУ ranked strictly before it. */
function ownFigures(row: SchoolRatingRow, rating: readonly SchoolRatingRow[]): OwnFigures {
  const medals = (r: SchoolRatingRow): number => r.winners + r.prizeWinners;
  const before = rating.filter(
    (r) =>
      r.participants > row.participants ||
      (r.participants === row.participants &&
        (medals(r) > medals(row) || (medals(r) === medals(row) && r.winners > row.winners))),
  ).length;
  return {
    participants: row.participants,
    winners: row.winners,
    prizeWinners: row.prizeWinners,
    medallions: row.medallions,
    effectivenessPercent: row.effectivenessPercent,
    place: before + 1,
    rated: rating.length,
  };
}

/**
 * Events of «Мероприятия» that start after `today` and whose registration is still open (no
 * deadline, or a deadline not before today), soonest first.
 */
export function upcomingEvents(
  events: readonly ChampionshipEvent[],
  today: Date,
  limit: number,
): ChampionshipEvent[] {
  const day = startOfMoscowDay(today).getTime();
  const valid = (d: Date | null): d is Date => d instanceof Date && !isNaN(d.getTime());
  return events
    .filter(
      (e) =>
        e.name.trim() !== '' &&
        valid(e.start) &&
        startOfMoscowDay(e.start).getTime() > day &&
        (!valid(e.registrationDeadline) ||
          startOfMoscowDay(e.registrationDeadline).getTime() >= day),
    )
    .sort((a, b) => a.start!.getTime() - b.start!.getTime() || compareRu(a.name, b.name))
    .slice(0, limit);
}

/**
 * Whether an ОУ of this type can take part in the event: a kindergarten only in KidSkills (and
 * events of no named programme); JuniorSkills and «Профессионалы» are for pupils from 10 and 14
 * years (DOMAIN.md «Championships»). Schools and further education take part in all.
 */
export function eventFitsSchool(event: ChampionshipEvent, type: SchoolType): boolean {
  if (type !== 'ДОУ') return true;
  return !/junior|профессионал/i.test(event.programme) && !/junior|профессионал/i.test(event.name);
}

/** A part of the letter, rendered alike to text and HTML. */
type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'link'; text: string; url: string }
  | { kind: 'list'; items: Array<{ text: string; link: string }> }
  | { kind: 'lines'; lines: string[] };

/** «октябре 2021 г.» */
function inMonth(period: string): string {
  const ym = requirePeriod(period);
  return monthName(ym.month, 'prepositional') + ' ' + ym.year + NBSP + 'г.';
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(RU.listComma) + RU.listAnd + items[items.length - 1];
}

/** «1 победитель и 2 призёра, результативность — 50,0 %». */
function medalsText(own: OwnFigures): string {
  if (own.effectivenessPercent === null) return RU.resultsPending;
  const parts: string[] = [];
  const count = (n: number, forms: readonly [string, string, string]): string =>
    fillPhrase(RU.medalCount, { n: formatNumber(n), word: plural(n, forms) });
  if (own.winners > 0) parts.push(count(own.winners, RU.winners));
  if (own.prizeWinners > 0) parts.push(count(own.prizeWinners, RU.prizeWinners));
  if (own.medallions > 0)
    parts.push(
      fillPhrase(RU.medallionCount, {
        n: formatNumber(own.medallions),
        word: plural(own.medallions, RU.medallions),
      }),
    );
  return fillPhrase(RU.medalsAndEffectiveness, {
    medals: parts.length > 0 ? joinAnd(parts) : RU.noMedals,
    effectiveness: fillPhrase(RU.effectiveness, {
      percent: formatPercent(own.effectivenessPercent),
    }),
  });
}

function resultsBlocks(m: SchoolLetterModel): Block[] {
  const month = inMonth(m.period);
  const blocks: Block[] = [];
  if (m.own) {
    blocks.push({
      kind: 'paragraph',
      text: fillPhrase(pluralCategory(m.own.participants) === 'one' ? RU.tookOne : RU.tookMany, {
        inMonth: month,
        n: formatNumber(m.own.participants),
        pupils: plural(m.own.participants, RU.pupils),
        school: m.schoolName,
        medals: medalsText(m.own),
      }),
    });
    blocks.push({
      kind: 'paragraph',
      text: fillPhrase(RU.place, {
        place: formatNumber(m.own.place),
        total: formatNumber(m.own.rated),
      }),
    });
  } else {
    blocks.push({
      kind: 'paragraph',
      text: fillPhrase(RU.notTaken, { inMonth: month, school: m.schoolName }),
    });
  }
  const d = m.district;
  blocks.push({
    kind: 'paragraph',
    text:
      d.participants === 0
        ? fillPhrase(RU.districtNone, { inMonth: month })
        : fillPhrase(pluralCategory(d.participants) === 'one' ? RU.districtOne : RU.districtMany, {
            n: formatNumber(d.participants),
            pupils: plural(d.participants, RU.pupils),
            schools: formatNumber(d.schoolsParticipating),
            schoolsWord: plural(d.schoolsParticipating, RU.fromSchools),
            average: d.averagePerSchool === null ? '—' : formatDecimal(d.averagePerSchool, 1),
            percent: formatPercent(d.effectivenessPercent),
          }),
  });
  return blocks;
}

function preparationBlocks(m: SchoolLetterModel): Block[] {
  const forMonth = formatForMonth(m.period);
  const p = m.preparation;
  if (!p.lines) return [{ kind: 'paragraph', text: fillPhrase(RU.preparationNone, { forMonth }) }];
  const withMedian = p.lines.some((l) => l.median !== null);
  const value = (v: number | null): string => (v === null ? RU.figureNotCounted : formatNumber(v));
  return [
    {
      kind: 'paragraph',
      text: withMedian
        ? fillPhrase(RU.preparationIntro, {
            forMonth,
            peers: formatNumber(p.peers),
            peersWord: plural(p.peers, RU.peers[p.type]),
          })
        : fillPhrase(RU.preparationIntroNoMedian, { forMonth }),
    },
    {
      kind: 'list',
      items: p.lines.map((l) => ({
        text: fillPhrase(withMedian ? RU.figureLine : RU.figureLineNoMedian, {
          figure: RU.figures[l.figure],
          value: value(l.value),
          median: l.median === null ? '—' : formatDecimal(l.median, 1),
        }),
        link: '',
      })),
    },
  ];
}

function missingBlocks(m: SchoolLetterModel): Block[] {
  const forMonth = formatForMonth(m.period);
  const items: Array<{ text: string; link: string }> = [];
  if (m.report.status !== 'received') {
    items.push({
      text: fillPhrase(m.report.status === 'missing' ? RU.reportMissing : RU.reportExpected, {
        forMonth,
        deadline: formatDateLong(m.report.deadline),
      }),
      link: m.report.link,
    });
  }
  if (m.orders) {
    const names = m.orders.events.map((name) =>
      fillPhrase(RU.eventName, { name: innerQuotes(name) }),
    );
    items.push({
      text: fillPhrase(m.orders.events.length === 1 ? RU.ordersMissingOne : RU.ordersMissingMany, {
        n: formatNumber(m.orders.participants),
        participants: plural(m.orders.participants, RU.participants),
        events: joinAnd(names),
      }),
      link: m.orders.link,
    });
  }
  if (items.length === 0)
    return [{ kind: 'paragraph', text: fillPhrase(RU.nothingMissing, { forMonth }) }];
  const blocks: Block[] = [{ kind: 'list', items }];
  if (m.orders) blocks.push({ kind: 'paragraph', text: RU.ordersNote });
  return blocks;
}

function upcomingBlocks(m: SchoolLetterModel): Block[] {
  if (m.upcoming.length === 0) return [{ kind: 'paragraph', text: RU.noUpcoming }];
  return [
    {
      kind: 'paragraph',
      text: m.own ? RU.upcomingIntro : fillPhrase(RU.invitationIntro, { school: m.schoolName }),
    },
    {
      kind: 'list',
      items: m.upcoming.map(({ event, link }) => {
        const deadline = event.registrationDeadline;
        const registration =
          deadline instanceof Date && !isNaN(deadline.getTime())
            ? fillPhrase(RU.registrationUntil, { deadline: formatDateLong(deadline) })
            : RU.registrationOpen;
        const dates = formatEventDate(event);
        return {
          text: fillPhrase(dates ? RU.eventLine : RU.eventLineUndated, {
            name: innerQuotes(event.name.trim()),
            dates,
            level: RU.levels[event.level] ?? event.level,
            format: RU.formats[event.format] ?? event.format,
            registration,
          }),
          link,
        };
      }),
    },
  ];
}

/** The letter's parts in order: for an ОУ that took no part, the invitation comes first. */
function letterBlocks(m: SchoolLetterModel): Block[] {
  const blocks: Block[] = [
    { kind: 'paragraph', text: RU.greeting },
    {
      kind: 'paragraph',
      text: fillPhrase(RU.intro, { school: m.schoolName, forMonth: formatForMonth(m.period) }),
    },
  ];
  const results: Block[] = [{ kind: 'heading', text: RU.headings.results }, ...resultsBlocks(m)];
  const upcoming: Block[] = [
    { kind: 'heading', text: m.own ? RU.headings.upcoming : RU.headings.invitation },
    ...upcomingBlocks(m),
  ];
  // For an ОУ that took no part the invitation is the heart of the letter: right after the figures.
  if (m.own) blocks.push(...results);
  else blocks.push(...resultsBlocks(m), ...upcoming);
  blocks.push({ kind: 'heading', text: RU.headings.preparation }, ...preparationBlocks(m));
  blocks.push({ kind: 'heading', text: RU.headings.missing }, ...missingBlocks(m));
  if (m.own) blocks.push(...upcoming);
  const owes = m.report.status !== 'received' || m.orders !== null;
  blocks.push({
    kind: 'paragraph',
    text: fillPhrase(owes ? RU.asOfMissing : RU.asOf, { date: formatDateNumeric(m.today) }),
  });
  blocks.push(...signature(m.centre));
  return blocks;
}

/** The contact line and the signature block from «Настройки». */
function signature(centre: LetterCentre): Block[] {
  const blocks: Block[] = [];
  if (centre.contact.trim())
    blocks.push({
      kind: 'paragraph',
      text: fillPhrase(RU.contact, { contact: centre.contact.trim() }),
    });
  blocks.push({
    kind: 'lines',
    lines: [RU.closing, centre.signaturePosition, centre.signatureName, centre.name]
      .map((l) => l.trim())
      .filter((l) => l !== ''),
  });
  return blocks;
}

/** The letter to an ОУ whose certificates of an event are made (setting «Отправлять грамоты в ОУ»). */
export interface CertificatesLetterModel {
  event: ChampionshipEvent;
  schoolName: string;
  /** The kinds of documents made for the ОУ. */
  kinds: readonly CertificateKind[];
  /** The ОУ's folder of the event, opened to its addresses. */
  folderUrl: string;
  centre: LetterCentre;
}

/** The letter with the link to the ОУ's folder of certificates, as text and escaped HTML. */
export function renderCertificatesLetter(m: CertificatesLetterModel): RenderedLetter {
  const T = RU.certificates;
  const event = innerQuotes(m.event.name.replace(/\s+/g, ' ').trim());
  const school = m.schoolName.replace(/\s+/g, ' ').trim();
  const kinds = joinAnd(
    CERTIFICATE_KINDS.filter((k) => m.kinds.includes(k)).map((k) => T.kinds[k]),
  );
  const dates = formatEventDate(m.event);
  const blocks: Block[] = [
    { kind: 'paragraph', text: RU.greeting },
    {
      kind: 'paragraph',
      text: fillPhrase(dates ? T.intro : T.introUndated, { school, event, dates, kinds }),
    },
    { kind: 'link', text: T.folder, url: m.folderUrl },
    { kind: 'paragraph', text: T.access },
    { kind: 'paragraph', text: T.changes },
    ...signature(m.centre),
  ];
  return { subject: fillPhrase(T.subject, { event, school }), ...renderBlocks(blocks) };
}

/** The subject «Участие <краткое название> в чемпионатах: октябрь 2021 г.» on one line. */
export function letterSubject(schoolName: string, period: string): string {
  return fillPhrase(RU.subject, {
    school: schoolName.replace(/\s+/g, ' ').trim(),
    month: formatMonthYear(period) + NBSP + 'г.',
  });
}

/** The letter as plain text and as HTML in which every value is escaped and only form links link. */
export function renderSchoolLetter(m: SchoolLetterModel): RenderedLetter {
  return { subject: letterSubject(m.schoolName, m.period), ...renderBlocks(letterBlocks(m)) };
}

/** A list item closed as Russian lists close them: «;», the last with «.» (none after «г.»). */
function listItem(text: string, last: boolean): string {
  if (!last) return text + ';';
  return /\.$/.test(text) ? text : text + '.';
}

/**
 * Plain text and escaped HTML of blocks; a link is shown only when it is an http(s) address. In the
 * text a heading stands on its own line right above its content, blocks are a blank line apart.
 */
export function renderBlocks(blocks: readonly Block[]): { body: string; htmlBody: string } {
  const text: string[] = [];
  const html: string[] = [];
  blocks.forEach((block, index) => {
    const before = blocks[index - 1];
    // A heading stands right above its content, and so does a list under the line introducing it.
    const close =
      before !== undefined &&
      (before.kind === 'heading' ||
        (block.kind === 'list' && before.kind === 'paragraph' && /:$/.test(before.text)));
    const gap = index === 0 ? '' : close ? '\n' : '\n\n';
    switch (block.kind) {
      case 'heading':
        text.push(gap + block.text);
        html.push(`<p style="margin:16px 0 4px"><b>${escapeHtml(block.text)}</b></p>`);
        break;
      case 'paragraph':
        text.push(gap + block.text);
        html.push(`<p>${escapeHtml(block.text)}</p>`);
        break;
      case 'list': {
        const last = block.items.length - 1;
        const lines = block.items.map((item, i) => {
          const line = `— ${listItem(item.text, i === last)}`;
          return isWebLink(item.link) ? `${line}\n  ${RU.formLink}: ${item.link}` : line;
        });
        text.push(gap + lines.join('\n'));
        html.push(
          '<ul>' +
            block.items
              .map((item, i) => {
                const anchor = isWebLink(item.link)
                  ? ` <a href="${escapeHtml(item.link)}">${escapeHtml(RU.formLink)}</a>`
                  : '';
                return `<li>${escapeHtml(listItem(item.text, i === last))}${anchor}</li>`;
              })
              .join('') +
            '</ul>',
        );
        break;
      }
      case 'link':
        if (isWebLink(block.url)) {
          text.push(`${gap}${block.text}\n${block.url}`);
          const url = escapeHtml(block.url);
          html.push(`<p>${escapeHtml(block.text)} <a href="${url}">${url}</a></p>`);
        } else {
          text.push(gap + block.text);
          html.push(`<p>${escapeHtml(block.text)}</p>`);
        }
        break;
      case 'lines':
        text.push(gap + block.lines.join('\n'));
        html.push(`<p>${block.lines.map(escapeHtml).join('<br>')}</p>`);
        break;
    }
  });
  return { body: text.join(''), htmlBody: html.join('\n') };
}
