/**
 * The monthly analytic note («аналитическая справка») as a data structure, built from a
 * Statistics object only: every figure printed here is a field of Statistics formatted by
 * text/numbers.ts, so the note agrees with «Статистика» exactly. The section order is the
 * skeleton of DOMAIN.md with «Подготовка участников» and «Анализ результатов»; conclusions and
 * recommendations are chosen by rules from the figures and are numbered from 1 each.
 *
 * It reads like an official note (DOMAIN.md «An official note reads like one»): every number
 * agrees with its noun, nothing is abbreviated, long lists show their top 10 in the body and go
 * whole to an appendix after the signature, and a figure is not repeated in the next sentence.
 */
import type {
  DocumentAppendix,
  DocumentBlock,
  DocumentModel,
  DocumentSection,
  TableBlock,
} from './document';
import { bullets, isWebLink, paragraph, subheading, table } from './document';
import type {
  CrossTable,
  DynamicsRow,
  SchoolRef,
  SchoolRatingRow,
  Statistics,
  WinnerEntry,
} from './statistics';
import type { PreparationFigures, PreparationSums, DigestEntry } from './preparation';
import type { EventAnalysis, Hypothesis } from './resultsAnalysis';
import { NOTE_RU, fillPhrase } from '../i18n/ru/note';
import { ANALYSIS_RU } from '../i18n/ru/analysis';
import { plural, pluralAnimateAccusative, pluralCategory, type PluralForms } from './text/plural';
import {
  formatNumber,
  formatPercent,
  formatSignedNumber,
  formatSignedPercent,
} from './text/numbers';
import { formatDateNumeric, formatDateRange } from './text/dates';
import { compareRu } from './text/collation';
import { innerQuotes } from './text/quotes';
import {
  formatForMonth,
  formatMonthYear,
  formatMonthsGenitive,
  formatSchoolYear,
  formatSchoolYearShort,
  periodLastDay,
} from './text/periods';

/** Settings of the note (from the settings tab). */
export interface NoteSettings {
  /** The district's adjective as it stands before «района»: «Невского». */
  districtName: string;
  /** The centre's name as staff typed it (nominative): «Районный опорный центр». */
  centreName: string;
  signaturePosition: string;
  signatureName: string;
  /** Whether winners may be named (separate consent, 152-ФЗ ст. 10.1). */
  nameWinners: boolean;
  /** Winners to name; ignored unless nameWinners. */
  winners?: WinnerEntry[];
  /** Overrides the default «Основание» text. */
  basis?: string;
  /**
   * The month has not ended: the note is made only on demand, says «предварительные данные» in
   * its title and says as of when.
   */
  preliminary?: boolean;
}

/** The monthly note: a document of the shared model, for one period. */
export interface MonthlyNoteModel extends DocumentModel {
  period: string;
}

const RU = NOTE_RU;
const PREP = ANALYSIS_RU.preparation;
const AN = ANALYSIS_RU.analysis;

/** How many rows of a long list the body shows; the rest go to an appendix. */
export const BODY_TOP = 10;
/** How many ОУ a sentence names before «и ещё N ОУ». */
const NAMED_SCHOOLS = 5;

/** Numbering of tables, figures and appendices while a note (monthly or annual) is built. */
export class Counters {
  table = 0;
  figure = 0;
  readonly appendices: DocumentAppendix[] = [];

  nextTable(): number {
    return ++this.table;
  }

  nextFigure(): number {
    return ++this.figure;
  }

  /** Adds an appendix; returns its number for «приведён в приложении N». */
  appendix(title: string, blocks: DocumentBlock[]): number {
    const n = this.appendices.length + 1;
    this.appendices.push({ label: fillPhrase(RU.appendixLabel, { n }), title, blocks });
    return n;
  }
}

/** «1. Основание» of a note (monthly or annual): the staff's own text, else the plan's item. */
export function basisParagraph(
  settings: Pick<NoteSettings, 'basis' | 'centreName'>,
  schoolYear: string,
): DocumentBlock {
  return paragraph(
    settings.basis ?? fillPhrase(RU.basisDefault, { centre: settings.centreName, schoolYear }),
  );
}

/** Build the monthly note for `stats.period`; `generatedAt` dates the signature. */
export function buildMonthlyNote(
  stats: Statistics,
  settings: NoteSettings,
  generatedAt: Date,
): MonthlyNoteModel {
  const counter = new Counters();
  const schoolYear = formatSchoolYear(stats.schoolYear);
  const sections: Array<[string, DocumentBlock[]]> = [
    [RU.headings.basis, [basisParagraph(settings, schoolYear)]],
    [RU.headings.goal, [paragraph(RU.goal)]],
    [
      RU.headings.period,
      [
        paragraph(
          fillPhrase(RU.period, {
            range: formatDateRange(stats.periodStart, stats.periodLastDay),
            schoolYear,
          }),
        ),
        ...(settings.preliminary
          ? [paragraph(fillPhrase(RU.preliminaryPeriod, { date: formatDateNumeric(generatedAt) }))]
          : []),
      ],
    ],
    [RU.headings.sources, sourcesBlocks(stats)],
    [RU.headings.coverage, coverageBlocks(stats, counter)],
    [RU.headings.competencies, competencyBlocks(stats, counter)],
    [RU.headings.preparation, preparationBlocks(stats, counter)],
    [RU.headings.results, resultBlocks(stats, settings, counter)],
    [RU.headings.analysis, analysisBlocks(stats, counter)],
    [RU.headings.dynamics, dynamicsBlocks(stats, counter)],
    [RU.headings.rating, ratingBlocks(stats, counter)],
    [RU.headings.notParticipating, notParticipatingBlocks(stats, counter)],
    [RU.headings.discipline, disciplineBlocks(stats, counter)],
  ];
  return {
    period: stats.period,
    title: fillPhrase(settings.preliminary ? RU.titlePreliminary : RU.title, {
      district: settings.districtName,
      forMonth: formatForMonth(stats.period),
    }),
    subtitle: fillPhrase(RU.subtitle, { centre: capitalize(settings.centreName), schoolYear }),
    sections: sections.map(([heading, blocks], i): DocumentSection => ({
      heading: i + 1 + '. ' + heading,
      blocks,
    })),
    conclusions: conclusions(stats),
    recommendations: recommendations(stats),
    signature: {
      position: settings.signaturePosition,
      name: settings.signatureName,
      date: formatDateNumeric(generatedAt),
    },
    appendices: counter.appendices,
  };
}

/** «1 участник», «3 участника»: a count with its noun. */
function counted(n: number, forms: PluralForms): string {
  return formatNumber(n) + ' ' + plural(n, forms);
}

/** «A, B и C». */
function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return items.slice(0, -1).join(RU.listComma) + RU.listAnd + items[items.length - 1];
}

/** Names of ОУ for a sentence: up to five, then «и ещё N ОУ». */
function schoolNames(schools: ReadonlyArray<{ name: string }>, limit = NAMED_SCHOOLS): string {
  const names = schools.map((s) => s.name);
  if (names.length <= limit) return names.join(RU.listComma);
  return fillPhrase(RU.moreSchools, {
    list: names.slice(0, limit).join(RU.listComma),
    n: formatNumber(names.length - limit),
  });
}

/** «приняли участие 73 обучающихся из 16 образовательных учреждений» with agreement. */
export function participationSentence(
  participants: number,
  schools: number,
  templates: { one: string; many: string } = {
    one: RU.participationOne,
    many: RU.participationMany,
  },
): string {
  const template = pluralCategory(participants) === 'one' ? templates.one : templates.many;
  const schoolsWord = pluralCategory(schools) === 'one' ? RU.fromSchoolsOne : RU.fromSchoolsMany;
  return fillPhrase(template, {
    n: formatNumber(participants),
    pupils: plural(participants, RU.pupils),
    schools: formatNumber(schools) + ' ' + schoolsWord,
  });
}

/** «наблюдается положительная динамика (+12 участников, +19,7 %)» for a participants row. */
export function trendPhrase(row: DynamicsRow): string {
  const change = row.change ?? 0;
  if (change === 0) {
    return fillPhrase(RU.trendFlat, { n: counted(row.current ?? 0, RU.participants) });
  }
  const details = [formatSignedNumber(change) + ' ' + plural(Math.abs(change), RU.participants)];
  if (row.changePercent !== null) details.push(formatSignedPercent(row.changePercent));
  return fillPhrase(change > 0 ? RU.trendUp : RU.trendDown, { details: details.join(', ') });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A percentage in a «…, %» column: the number without the sign. */
function formatPercentCell(percent: number | null): string {
  return percent === null ? '—' : formatNumber(percent, 1);
}

/** «на мероприятия ноября и декабря 2021 г.», and the undated ones by name. */
function pipelineEvents(stats: Statistics): string {
  const months = stats.registrations.byEventPeriod
    .map((r) => r.period)
    .filter((p): p is string => p !== null);
  const undated = stats.registrations.byEventPeriod.some((r) => r.period === null);
  if (months.length === 0) return RU.pipelineUndatedOnly;
  const dated = fillPhrase(RU.pipelineEvents, { months: formatMonthsGenitive(months, joinList) });
  return undated ? fillPhrase(RU.pipelineAndUndated, { dated }) : dated;
}

function sourcesBlocks(stats: Statistics): DocumentBlock[] {
  const d = stats.discipline;
  const blocks: DocumentBlock[] = [
    paragraph(RU.sources.intro),
    bullets([
      RU.sources.events,
      fillPhrase(RU.sources.registrations, {
        participants: counted(stats.month.participants, RU.participants),
        registrations: counted(stats.registrations.participants, RU.participants),
      }),
      fillPhrase(RU.sources.reports, {
        received: formatNumber(d.reportsReceived),
        expected: formatNumber(d.reportsExpected),
      }),
      fillPhrase(RU.sources.orders, { orders: formatNumber(d.ordersReceived) }),
      RU.sources.results,
    ]),
  ];
  const undated = stats.undatedEvents;
  if (undated.length > 0) {
    const events = joinList(
      undated.map((e) =>
        fillPhrase(RU.sources.undatedItem, {
          event: innerQuotes(e.name),
          n: formatNumber(e.participants),
          participants: plural(e.participants, RU.participants),
        }),
      ),
    );
    blocks.push(
      paragraph(
        fillPhrase(undated.length === 1 ? RU.sources.undatedOne : RU.sources.undatedMany, {
          events,
        }),
      ),
    );
  }
  return blocks;
}

function coverageBlocks(stats: Statistics, counter: Counters): DocumentBlock[] {
  const m = stats.month;
  const blocks: DocumentBlock[] = [];
  if (m.participants === 0) blocks.push(paragraph(RU.noParticipation));
  else {
    blocks.push(
      paragraph(
        participationSentence(m.participants, m.schoolsParticipating) +
          ' ' +
          fillPhrase(RU.coverage, {
            percent: formatPercent(m.coveragePercent),
            taking: formatNumber(m.schoolsParticipating),
            total: formatNumber(stats.schoolsTotal),
          }),
      ),
    );
  }
  if (stats.registrations.participants > 0) {
    blocks.push(
      paragraph(
        fillPhrase(RU.pipeline, {
          n: formatNumber(stats.registrations.participants),
          participants: pluralAnimateAccusative(
            stats.registrations.participants,
            RU.participantsAccusative,
          ),
          events: pipelineEvents(stats),
        }),
      ),
    );
  }
  if (m.participants > 0 && stats.bySchoolType.length > 0) {
    const rows = stats.bySchoolType.map((r) => [
      RU.schoolTypes[r.type] ?? r.type,
      formatNumber(r.total),
      formatNumber(r.participating),
      formatPercentCell(r.sharePercent),
    ]);
    rows.push([
      RU.total,
      formatNumber(stats.schoolsTotal),
      formatNumber(m.schoolsParticipating),
      formatPercentCell(m.coveragePercent),
    ]);
    blocks.push(
      table(fillPhrase(RU.tableByType, { n: counter.nextTable() }), [...RU.headerByType], rows),
    );
  }
  return blocks;
}

/** The cross table without its all-zero columns; totals are unchanged. */
function withoutEmptyColumns(cross: CrossTable): CrossTable {
  const keep = cross.columnTotals.map((n) => n > 0);
  const pick = <T>(values: T[]): T[] => values.filter((_, i) => keep[i]);
  return {
    columns: pick(cross.columns),
    rows: cross.rows.map((r) => ({ ...r, counts: pick(r.counts) })),
    columnTotals: pick(cross.columnTotals),
    total: cross.total,
  };
}

function competencyBlocks(stats: Statistics, counter: Counters): DocumentBlock[] {
  if (stats.month.participants === 0) return [paragraph(RU.noData)];
  // Only the categories that had participants this month: a column of zeros only squeezes the table.
  const cross = withoutEmptyColumns(stats.competencyByAge);
  const crossTable: TableBlock = table(
    fillPhrase(RU.tableCompetencyAge, { n: counter.nextTable() }),
    [RU.headerCompetency, ...cross.columns, RU.headerTotal],
    [
      ...cross.rows.map((r) => [
        r.label,
        ...r.counts.map((n) => formatNumber(n)),
        formatNumber(r.total),
      ]),
      [RU.total, ...cross.columnTotals.map((n) => formatNumber(n)), formatNumber(cross.total)],
    ],
  );
  const levels = table(
    fillPhrase(RU.tableLevels, { n: counter.nextTable() }),
    [...RU.headerLevels],
    stats.byEventLevel.map((r) => [
      r.label,
      formatNumber(r.count),
      formatPercentCell(r.sharePercent),
    ]),
  );
  return [
    crossTable,
    levels,
    {
      type: 'chart',
      kind: 'bar',
      caption: fillPhrase(RU.chartCompetencies, { n: counter.nextFigure() }),
      categories: stats.byCompetency.map((r) => r.label),
      series: [{ name: RU.seriesParticipants, values: stats.byCompetency.map((r) => r.count) }],
    },
  ];
}

// ------------------------------------------------------------------------------------------
// Подготовка участников

/** «1 234 (+56)»: a sum with its change to the previous month. */
function sumCell(current: number, previous: number, previousReports: number): string {
  if (previousReports === 0) return formatNumber(current);
  return fillPhrase(PREP.cellWithChange, {
    value: formatNumber(current),
    change: formatSignedNumber(current - previous),
  });
}

function digestItems(entries: DigestEntry[]): string[] {
  return entries.map((e) =>
    fillPhrase(PREP.digestItem, {
      text: e.text.replace(/[.;,\s]+$/, ''),
      schools:
        e.schools.length <= 3
          ? schoolNames(e.schools)
          : fillPhrase(PREP.schoolsCount, { n: formatNumber(e.schools.length) }),
    }),
  );
}

function preparationBlocks(stats: Statistics, counter: Counters): DocumentBlock[] {
  const prep: PreparationFigures = stats.preparation;
  if (prep.reportsReceived === 0) return [paragraph(PREP.noReports)];
  const total = prep.rows.find((r) => r.type === 'total')!;
  const blocks: DocumentBlock[] = [
    paragraph(
      fillPhrase(PREP.reports, {
        received: formatNumber(prep.reportsReceived),
        total: formatNumber(prep.schoolsTotal),
      }),
    ),
  ];
  if (prep.reportsWithExcludedFigures > 0) {
    blocks.push(
      paragraph(
        fillPhrase(PREP.excluded, {
          n: formatNumber(prep.reportsWithExcludedFigures),
          reports: plural(prep.reportsWithExcludedFigures, PREP.reportsPrepositional),
        }),
      ),
    );
  }
  const sums: PreparationSums = total.current;
  blocks.push(
    paragraph(
      fillPhrase(PREP.sums, {
        sessions: formatNumber(sums.sessions),
        sessionsWord: plural(sums.sessions, PREP.sessionsWord),
        pupils: formatNumber(sums.pupilsInTraining),
        mentors: formatNumber(sums.mentors),
      }),
    ),
    table(
      fillPhrase(PREP.table, { n: counter.nextTable() }),
      [...PREP.header],
      prep.rows.map((r) => [
        r.type === 'total' ? RU.total : (RU.schoolTypes[r.type] ?? r.type),
        sumCell(r.current.reports, r.previous.reports, r.previous.reports),
        sumCell(r.current.sessions, r.previous.sessions, r.previous.reports),
        sumCell(r.current.pupilsInTraining, r.previous.pupilsInTraining, r.previous.reports),
        sumCell(r.current.mentors, r.previous.mentors, r.previous.reports),
      ]),
    ),
  );

  // The digest: the most common entries in the body, everything per ОУ in an appendix.
  const digestTotal = prep.eventsHeld.length + prep.contests.length;
  if (digestTotal > 0) {
    let shown = 0;
    for (const [title, entries] of [
      [PREP.eventsHeld, prep.eventsHeld],
      [PREP.contests, prep.contests],
    ] as const) {
      if (entries.length === 0) continue;
      const top = entries.slice(0, BODY_TOP);
      shown += top.length;
      blocks.push(paragraph(title), bullets(digestItems(top)));
    }
    if (shown < digestTotal) {
      const bySchool = new Map<string, [string, string, string]>();
      const put = (entries: DigestEntry[], column: 1 | 2): void => {
        for (const e of entries) {
          for (const s of e.schools) {
            const row = bySchool.get(s.key) ?? [s.name, '', ''];
            row[column] = row[column] ? row[column] + '; ' + e.text : e.text;
            bySchool.set(s.key, row);
          }
        }
      };
      put(prep.eventsHeld, 1);
      put(prep.contests, 2);
      const rows = [...bySchool.values()].sort((a, b) => compareRu(a[0], b[0]));
      const n = counter.appendix(
        fillPhrase(PREP.digestAppendix, { forMonth: formatForMonth(stats.period) }),
        [table('', [...PREP.digestHeader], rows)],
      );
      blocks.push(
        paragraph(
          fillPhrase(PREP.digestRest, { n: formatNumber(digestTotal - shown), appendix: n }),
        ),
      );
    }
  }

  // Difficulties by theme, with the ОУ in their own words.
  const raised = new Set(prep.difficulties.flatMap((g) => g.entries.map((e) => e.school.key)));
  if (raised.size === 0) blocks.push(paragraph(PREP.difficultiesNone));
  else {
    blocks.push(paragraph(fillPhrase(PREP.difficultiesIntro, { n: formatNumber(raised.size) })));
    for (const group of prep.difficulties) {
      const items = group.entries
        .slice(0, BODY_TOP)
        .map((e) => fillPhrase(PREP.difficultyItem, { school: e.school.name, text: e.text }));
      if (group.entries.length > BODY_TOP) {
        items.push(
          fillPhrase(PREP.difficultyRest, { n: formatNumber(group.entries.length - BODY_TOP) }),
        );
      }
      blocks.push(
        subheading(
          fillPhrase(PREP.theme, {
            theme: PREP.themes[group.theme] ?? group.theme,
            n: formatNumber(group.entries.length),
          }),
        ),
        bullets(items),
      );
    }
  }

  // Post-releases as links (only http(s) addresses reach here; see preparation.ts).
  const links = prep.postReleases.flatMap((p) =>
    p.urls.filter(isWebLink).map((url) => ({ label: p.school.name, url })),
  );
  if (links.length === 0) blocks.push(paragraph(PREP.postReleasesNone));
  else {
    blocks.push(paragraph(fillPhrase(PREP.postReleases, { n: formatNumber(links.length) })), {
      type: 'links',
      items: links.slice(0, BODY_TOP),
    });
    if (links.length > BODY_TOP) {
      // A city has hundreds: one table, not a list item per link.
      const all: TableBlock = {
        ...table(
          '',
          [...PREP.postReleasesHeader],
          links.map((l) => [l.label, l.url]),
        ),
        linkColumn: 1,
      };
      const n = counter.appendix(
        fillPhrase(PREP.postReleasesAppendix, { forMonth: formatForMonth(stats.period) }),
        [all],
      );
      blocks.push(
        paragraph(
          fillPhrase(PREP.postReleasesRest, {
            n: formatNumber(links.length - BODY_TOP),
            appendix: n,
          }),
        ),
      );
    }
  }
  return blocks;
}

// ------------------------------------------------------------------------------------------
// Результаты участия

function countPhrase(n: number, none: string, one: string, many: string): string {
  if (n === 0) return none;
  return fillPhrase(pluralCategory(n) === 'one' ? one : many, {
    n: formatNumber(n),
    participants: plural(n, RU.participants),
  });
}

function eventList(
  events: ReadonlyArray<{ event: string; start: Date | null }>,
  item: string,
  undated: string,
): string {
  return joinList(
    events.map((e) =>
      e.start
        ? fillPhrase(item, { event: innerQuotes(e.event), start: formatDateNumeric(e.start) })
        : fillPhrase(undated, { event: innerQuotes(e.event) }),
    ),
  );
}

/** «2 победителя, 3 призёра» for a group of results. */
function outcomeText(
  winners: number,
  prize: number,
  medallions: number,
  participants: number,
): string {
  const parts: string[] = [];
  if (winners > 0) parts.push(counted(winners, RU.winnersCount));
  if (prize > 0) parts.push(counted(prize, RU.prizeCount));
  if (medallions > 0) parts.push(counted(medallions, RU.medallionsCount));
  if (parts.length === 0) return fillPhrase(RU.lateOutcomeNone, { n: formatNumber(participants) });
  return parts.join(RU.listComma);
}

function resultBlocks(
  stats: Statistics,
  settings: NoteSettings,
  counter: Counters,
): DocumentBlock[] {
  const m = stats.month;
  const blocks: DocumentBlock[] = [];
  const awaiting = stats.resultsAnalysis.awaiting;
  if (m.participants === 0) blocks.push(paragraph(RU.noData));
  else if (m.participantsWithResults === 0) blocks.push(paragraph(RU.noResultsYet));
  else {
    let text =
      countPhrase(m.winners, RU.winnersNone, RU.winnersOne, RU.winnersMany) +
      ', ' +
      countPhrase(m.prizeWinners, RU.prizeNone, RU.prizeOne, RU.prizeMany) +
      '.';
    const medals = m.winners + m.prizeWinners;
    if (medals > 0) {
      text +=
        ' ' +
        (m.medalsConfirmed === 0
          ? RU.confirmedNone
          : m.medalsConfirmed === medals
            ? RU.confirmedAll
            : fillPhrase(RU.confirmed, { n: formatNumber(m.medalsConfirmed) }));
    }
    if (m.medallions > 0) {
      text += ' ' + countPhrase(m.medallions, '', RU.medallionsOne, RU.medallionsMany);
    }
    text += ' ' + fillPhrase(RU.effectiveness, { percent: formatPercent(m.effectivenessPercent) });
    blocks.push(paragraph(text));
    if (awaiting.length > 0) {
      blocks.push(
        paragraph(
          fillPhrase(awaiting.length === 1 ? RU.awaitingOne : RU.awaitingMany, {
            events: eventList(awaiting, RU.awaitingItem, RU.awaitingItemUndated),
          }),
        ),
      );
    }
    if (m.winners + m.prizeWinners > 0) {
      if (settings.nameWinners && settings.winners && settings.winners.length > 0) {
        blocks.push(
          table(
            fillPhrase(RU.winnersTable, { n: counter.nextTable() }),
            [...RU.winnersHeader],
            settings.winners.map((w) => [
              w.surname + ' ' + w.name,
              w.schoolName,
              w.competency + (w.ageCategory ? ' (' + w.ageCategory + ')' : ''),
              w.result,
            ]),
          ),
        );
      } else {
        blocks.push(paragraph(RU.winnersNotNamed));
      }
    }
  }
  if (stats.lateResults.length > 0) {
    blocks.push(
      paragraph(RU.lateResultsIntro),
      bullets(
        stats.lateResults.map((r) =>
          fillPhrase(RU.lateResultsItem, {
            event: innerQuotes(r.event),
            month: formatMonthYear(r.period),
            outcome: outcomeText(r.winners, r.prizeWinners, r.medallions, r.participants),
          }),
        ),
      ),
    );
  }
  return blocks;
}

// ------------------------------------------------------------------------------------------
// Анализ результатов

function hypothesisLine(h: Hypothesis): string {
  return fillPhrase(AN.hypothesis[h.kind] ?? '', {
    n: formatNumber(h.participants),
    participants: plural(h.participants, RU.participants),
    schools: schoolNames(h.schools),
  });
}

/**
 * Medals by competency and age category: the rows with a place or a medallion, the others summed
 * in one row (a district event has dozens of them, mostly zeros), and the total.
 */
function medalsTable(e: EventAnalysis, counter: Counters): TableBlock {
  const medalled = e.medals.filter((r) => r.winners + r.prizeWinners + r.medallions > 0);
  const rest = e.medals.filter((r) => r.winners + r.prizeWinners + r.medallions === 0);
  const rows = medalled.map((r) => [
    r.competency || '—',
    r.ageCategory || '—',
    formatNumber(r.participants),
    formatNumber(r.winners),
    formatNumber(r.prizeWinners),
    formatNumber(r.medallions),
  ]);
  if (rest.length > 0) {
    rows.push([
      fillPhrase(AN.medalsRest, { n: formatNumber(rest.length) }),
      '',
      formatNumber(rest.reduce((n, r) => n + r.participants, 0)),
      '0',
      '0',
      '0',
    ]);
  }
  rows.push([
    RU.total,
    '',
    formatNumber(e.participants),
    formatNumber(e.winners),
    formatNumber(e.prizeWinners),
    formatNumber(e.medallions),
  ]);
  return table(
    fillPhrase(AN.medalsTable, { n: counter.nextTable(), event: innerQuotes(e.event) }),
    [...AN.medalsHeader],
    rows,
  );
}

function eventBlocks(e: EventAnalysis, counter: Counters): DocumentBlock[] {
  const details = [
    e.start ? fillPhrase(AN.eventStart, { date: formatDateNumeric(e.start) }) : AN.eventUndated,
  ];
  if (e.level) details.push(e.level);
  const blocks: DocumentBlock[] = [
    subheading(
      fillPhrase(AN.eventHeading, {
        event: innerQuotes(e.event),
        details: details.join(RU.listComma),
      }),
    ),
    paragraph(
      fillPhrase(AN.summary, {
        participants: formatNumber(e.participants),
        schools: formatNumber(e.schools),
        winners: formatNumber(e.winners),
        prize: formatNumber(e.prizeWinners),
        medallions: formatNumber(e.medallions),
        percent: formatPercent(e.effectivenessPercent),
      }),
    ),
    medalsTable(e, counter),
  ];
  if (e.schoolsWithMedals.length === 0) blocks.push(paragraph(AN.schoolsWithMedalsNone));
  else {
    const items = e.schoolsWithMedals.slice(0, BODY_TOP).map((s) =>
      fillPhrase(AN.schoolMedals, {
        school: s.name,
        medals: outcomeText(s.winners, s.prizeWinners, s.medallions, 0),
      }),
    );
    if (e.schoolsWithMedals.length > BODY_TOP) {
      items.push(
        fillPhrase(AN.schoolsRest, { n: formatNumber(e.schoolsWithMedals.length - BODY_TOP) }),
      );
    }
    blocks.push(
      paragraph(fillPhrase(AN.schoolsWithMedals, { n: formatNumber(e.schoolsWithMedals.length) })),
      bullets(items),
    );
  }
  if (e.achievements.length > 0) {
    blocks.push(
      paragraph(AN.achievements),
      bullets(
        e.achievements.map((a) => {
          switch (a.kind) {
            case 'firstMedal':
              return fillPhrase(AN.firstMedal, { schools: schoolNames(a.schools) });
            case 'newCompetency':
              return fillPhrase(AN.newCompetency, {
                competencies: a.competencies.join(RU.listComma),
              });
            case 'growth':
              return fillPhrase(AN.growth, {
                previous: a.previousEvent,
                medals: formatNumber(a.medals),
                before: formatNumber(a.previousMedals),
              });
          }
        }),
      ),
    );
  }
  if (e.withoutPlace > 0) {
    const values = {
      n: formatNumber(e.withoutPlace),
      participants: plural(e.withoutPlace, RU.participants),
    };
    if (e.hypotheses.length === 0)
      blocks.push(paragraph(fillPhrase(AN.withoutPlaceNoSignals, values)));
    else {
      blocks.push(
        paragraph(fillPhrase(AN.withoutPlace, values)),
        bullets(e.hypotheses.map(hypothesisLine)),
      );
    }
  }
  return blocks;
}

function analysisBlocks(stats: Statistics, counter: Counters): DocumentBlock[] {
  const { events, awaiting } = stats.resultsAnalysis;
  const blocks: DocumentBlock[] = [];
  if (events.length === 0) blocks.push(paragraph(AN.none));
  for (const e of events) blocks.push(...eventBlocks(e, counter));
  if (awaiting.length > 0) {
    blocks.push(
      paragraph(
        fillPhrase(awaiting.length === 1 ? AN.awaitingOne : AN.awaitingMany, {
          events: eventList(awaiting, RU.awaitingItem, RU.awaitingItemUndated),
        }),
      ),
    );
  }
  return blocks;
}

// ------------------------------------------------------------------------------------------
// Динамика, рейтинг, дисциплина

function participantsRow(rows: DynamicsRow[]): DynamicsRow {
  const row = rows.find((r) => r.indicator === 'participants');
  if (!row) throw new Error('Statistics without the participants indicator');
  return row;
}

function dynamicsTable(caption: string, rows: DynamicsRow[]): TableBlock {
  return table(
    caption,
    [...RU.headerDynamics],
    rows.map((r) => {
      const digits = r.unit === 'percent' ? 1 : 0;
      const value = (v: number | null): string => (v === null ? '—' : formatNumber(v, digits));
      let change = r.change === null ? '—' : formatSignedNumber(r.change, digits);
      if (r.change !== null && r.unit === 'percent') change += ' ' + RU.percentPoints;
      if (r.changePercent !== null) change += ' (' + formatSignedPercent(r.changePercent) + ')';
      return [RU.indicators[r.indicator], value(r.previous), value(r.current), change];
    }),
  );
}

function dynamicsBlocks(stats: Statistics, counter: Counters): DocumentBlock[] {
  const ytdRange = formatDateRange(stats.yearToDateStart, periodLastDay(stats.period));
  const blocks: DocumentBlock[] = [
    paragraph(
      fillPhrase(RU.dynamicsMonth, { trend: trendPhrase(participantsRow(stats.monthOnMonth)) }),
    ),
    dynamicsTable(
      fillPhrase(RU.tableMonthDynamics, {
        n: counter.nextTable(),
        previous: formatMonthYear(stats.previousPeriod),
        current: formatMonthYear(stats.period),
      }),
      stats.monthOnMonth,
    ),
  ];
  const ytd = stats.yearToDate;
  if (stats.previousYearToDate.participants === 0) {
    blocks.push(
      paragraph(
        fillPhrase(RU.dynamicsYearNoBase, {
          range: ytdRange,
          n: formatNumber(ytd.participants),
        }),
      ),
    );
  } else {
    blocks.push(
      paragraph(
        fillPhrase(RU.dynamicsYear, {
          range: ytdRange,
          trend: trendPhrase(participantsRow(stats.yearOnYear)),
        }),
      ),
      dynamicsTable(fillPhrase(RU.tableYearDynamics, { n: counter.nextTable() }), stats.yearOnYear),
    );
  }
  blocks.push({
    type: 'chart',
    kind: 'column',
    caption: fillPhrase(RU.chartSeries, {
      n: counter.nextFigure(),
      schoolYear: formatSchoolYearShort(stats.schoolYear),
    }),
    categories: stats.series.map((p) => formatMonthYear(p.period)),
    series: [
      { name: RU.seriesParticipants, values: stats.series.map((p) => p.participants) },
      { name: RU.seriesWinners, values: stats.series.map((p) => p.winners + p.prizeWinners) },
    ],
  });
  return blocks;
}

function ratingRows(rows: SchoolRatingRow[]): string[][] {
  return rows.map((r) => [
    r.name,
    formatNumber(r.participants),
    formatNumber(r.winners),
    formatNumber(r.prizeWinners),
    formatPercentCell(r.effectivenessPercent),
  ]);
}

function ratingBlocks(stats: Statistics, counter: Counters): DocumentBlock[] {
  const rating = stats.ratingMonth;
  if (rating.length === 0) return [paragraph(RU.noData)];
  if (rating.length <= BODY_TOP) {
    return [
      table(
        fillPhrase(RU.ratingTable, { n: counter.nextTable() }),
        [...RU.ratingHeader],
        ratingRows(rating),
      ),
    ];
  }
  const bodyTable = table(
    fillPhrase(RU.ratingTableTop, { n: counter.nextTable(), top: formatNumber(BODY_TOP) }),
    [...RU.ratingHeader],
    ratingRows(rating.slice(0, BODY_TOP)),
  );
  const n = counter.appendix(
    fillPhrase(RU.ratingAppendix, { forMonth: formatForMonth(stats.period) }),
    [table('', [...RU.ratingHeader], ratingRows(rating))],
  );
  return [
    bodyTable,
    paragraph(
      fillPhrase(RU.ratingRest, { rest: formatNumber(rating.length - BODY_TOP), appendix: n }),
    ),
  ];
}

function schoolRows(list: SchoolRef[]): string[][] {
  return list.map((s) => [s.name, s.type ?? '']);
}

function notParticipatingBlocks(stats: Statistics, counter: Counters): DocumentBlock[] {
  const list = stats.schoolsWithoutParticipation;
  if (list.length === 0) return [paragraph(RU.allParticipating)];
  if (list.length <= BODY_TOP) {
    return [
      paragraph(
        fillPhrase(RU.notParticipatingIntro, {
          n: formatNumber(list.length),
          total: formatNumber(stats.schoolsTotal),
        }),
      ),
      { type: 'numbered', items: list.map((s) => s.name) },
    ];
  }
  const n = counter.appendix(
    fillPhrase(RU.notParticipatingAppendix, { forMonth: formatForMonth(stats.period) }),
    [table('', [...RU.schoolHeader], schoolRows(list))],
  );
  return [
    paragraph(
      fillPhrase(RU.notParticipatingAppendixLine, {
        n: formatNumber(list.length),
        total: formatNumber(stats.schoolsTotal),
        appendix: n,
      }),
    ),
  ];
}

function disciplineBlocks(stats: Statistics, counter: Counters): DocumentBlock[] {
  const d = stats.discipline;
  const forMonth = formatForMonth(stats.period);
  const blocks: DocumentBlock[] = [
    paragraph(
      fillPhrase(RU.reportsLine, {
        received: formatNumber(d.reportsReceived),
        expected: formatNumber(d.reportsExpected),
        percent: formatPercent(d.reportsReceivedPercent),
        late: formatNumber(d.lateReports.length),
      }),
    ),
  ];
  if (d.missingReports.length > BODY_TOP) {
    const n = counter.appendix(fillPhrase(RU.missingReportsAppendix, { forMonth }), [
      table('', [...RU.schoolHeader], schoolRows(d.missingReports)),
    ]);
    blocks.push(
      paragraph(
        fillPhrase(RU.missingReportsAppendixLine, {
          n: formatNumber(d.missingReports.length),
          appendix: n,
        }),
      ),
    );
  } else if (d.missingReports.length > 0) {
    blocks.push(
      paragraph(fillPhrase(RU.missingReportsIntro, { n: formatNumber(d.missingReports.length) })),
      bullets(d.missingReports.map((s) => s.name)),
    );
  }
  if (d.lateReports.length > 0) {
    const shown = d.lateReports.slice(0, BODY_TOP);
    const items = shown.map((s) =>
      fillPhrase(RU.lateReportItem, { school: s.name, date: formatDateNumeric(s.submittedAt) }),
    );
    if (d.lateReports.length > BODY_TOP) {
      items.push(fillPhrase(AN.schoolsRest, { n: formatNumber(d.lateReports.length - BODY_TOP) }));
    }
    blocks.push(
      paragraph(fillPhrase(RU.lateReportsIntro, { n: formatNumber(d.lateReports.length) })),
      bullets(items),
    );
  }
  if (d.participantsWithoutOrder > 0) {
    const rows = (list: typeof d.schoolsWithoutOrders): string[][] =>
      list.map((s) => [s.name, formatNumber(s.participants)]);
    const many = d.schoolsWithoutOrders.length > BODY_TOP;
    blocks.push(
      paragraph(
        fillPhrase(RU.ordersLine, {
          n: formatNumber(d.participantsWithoutOrder),
          participants: pluralAnimateAccusative(
            d.participantsWithoutOrder,
            RU.participantsAccusative,
          ),
          schools: formatNumber(d.schoolsWithoutOrders.length),
        }),
      ),
      table(
        fillPhrase(many ? RU.ordersTableTop : RU.ordersTable, {
          n: counter.nextTable(),
          top: formatNumber(BODY_TOP),
        }),
        [...RU.ordersHeader],
        rows(d.schoolsWithoutOrders.slice(0, BODY_TOP)),
      ),
    );
    if (many) {
      const n = counter.appendix(fillPhrase(RU.ordersAppendix, { forMonth }), [
        table('', [...RU.ordersHeader], rows(d.schoolsWithoutOrders)),
      ]);
      blocks.push(
        paragraph(
          fillPhrase(RU.ordersRest, {
            rest: formatNumber(d.schoolsWithoutOrders.length - BODY_TOP),
            appendix: n,
          }),
        ),
      );
    }
  } else if (stats.month.participants > 0) {
    blocks.push(paragraph(RU.ordersAllPresent));
  }
  return blocks;
}

// ------------------------------------------------------------------------------------------
// Выводы и рекомендации

const COVERAGE_THRESHOLD = 50;

function effectivenessDropped(stats: Statistics): DynamicsRow | null {
  const row = stats.monthOnMonth.find((r) => r.indicator === 'effectivenessPercent');
  return row && row.change !== null && row.change < 0 ? row : null;
}

function conclusions(stats: Statistics): string[] {
  const m = stats.month;
  const d = stats.discipline;
  const empty = m.participants === 0;
  const out: string[] = [];
  if (empty) out.push(RU.noParticipation);
  else {
    out.push(
      participationSentence(m.participants, m.schoolsParticipating, {
        one: RU.participationConclusionOne,
        many: RU.participationConclusionMany,
      }) +
        ' ' +
        fillPhrase(RU.coverage, {
          percent: formatPercent(m.coveragePercent),
          taking: formatNumber(m.schoolsParticipating),
          total: formatNumber(stats.schoolsTotal),
        }),
    );
  }
  const mom = participantsRow(stats.monthOnMonth);
  if (m.participants > 0 || (mom.previous ?? 0) > 0) {
    out.push(fillPhrase(RU.dynamicsMonthConclusion, { trend: trendPhrase(mom) }));
  }
  if (m.coveragePercent !== null && m.coveragePercent < COVERAGE_THRESHOLD) {
    out.push(RU.conclusionCoverageLow);
  }
  const types = stats.bySchoolType.filter((t) => t.sharePercent !== null);
  if (!empty && types.length > 1) {
    const lowest = [...types].sort((a, b) => a.sharePercent! - b.sharePercent!)[0]!;
    const highest = Math.max(...types.map((t) => t.sharePercent!));
    if (lowest.sharePercent! < highest) {
      out.push(
        fillPhrase(RU.conclusionLowestType, {
          type: RU.schoolTypeNames[lowest.type] ?? lowest.type,
          percent: formatPercent(lowest.sharePercent),
        }),
      );
    }
  }
  if (!empty) {
    out.push(
      m.participantsWithResults === 0
        ? RU.conclusionResultsAwaited
        : fillPhrase(RU.conclusionResults, {
            percent: formatPercent(m.effectivenessPercent),
            winners: formatNumber(m.winners),
            prize: formatNumber(m.prizeWinners),
          }),
    );
  }
  const dropped = effectivenessDropped(stats);
  if (dropped) {
    out.push(
      fillPhrase(RU.conclusionEffectivenessDown, {
        change: formatSignedNumber(dropped.change!, 1),
        pp: RU.percentPoints,
      }),
    );
  }
  if (stats.lateResults.length > 0) out.push(RU.conclusionLateResults);
  const difficulties = stats.preparation.difficulties;
  if (difficulties.length > 0) {
    const raised = new Set(difficulties.flatMap((g) => g.entries.map((e) => e.school.key)));
    const top = [...difficulties]
      .filter((g) => g.theme !== 'other')
      .sort((a, b) => b.entries.length - a.entries.length)
      .slice(0, 2)
      .map((g) => fillPhrase(PREP.themeQuoted, { theme: PREP.themesInline[g.theme] ?? g.theme }));
    if (top.length > 0) {
      out.push(
        fillPhrase(PREP.conclusion, { n: formatNumber(raised.size), themes: joinList(top) }),
      );
    }
  }
  if (d.missingReports.length > 0 || d.lateReports.length > 0) {
    out.push(
      fillPhrase(RU.conclusionDiscipline, {
        missing: formatNumber(d.missingReports.length),
        late: formatNumber(d.lateReports.length),
      }),
    );
  }
  if (d.participantsWithoutOrder > 0) {
    out.push(
      fillPhrase(RU.conclusionOrders, {
        n: formatNumber(d.participantsWithoutOrder),
        participants: pluralAnimateAccusative(
          d.participantsWithoutOrder,
          RU.participantsAccusative,
        ),
      }),
    );
  }
  if (stats.undatedEvents.length > 0) out.push(RU.conclusionUndated);
  return out;
}

function recommendations(stats: Statistics): string[] {
  const m = stats.month;
  const d = stats.discipline;
  const empty = m.participants === 0;
  const out: string[] = [];
  if (empty) out.push(RU.recommendEmpty);
  else if (m.coveragePercent !== null && m.coveragePercent < COVERAGE_THRESHOLD) {
    out.push(RU.recommendCoverage);
  }
  // Each theme of difficulties raised this month gets its own recommendation, naming the ОУ.
  for (const group of stats.preparation.difficulties) {
    const template = PREP.recommend[group.theme];
    if (!template) continue;
    out.push(fillPhrase(template, { schools: schoolNames(group.entries.map((e) => e.school)) }));
  }
  if (d.missingReports.length > 0 || d.lateReports.length > 0) out.push(RU.recommendReports);
  if (d.participantsWithoutOrder > 0) out.push(RU.recommendOrders);
  if (effectivenessDropped(stats)) out.push(RU.recommendEffectiveness);
  const mom = participantsRow(stats.monthOnMonth);
  if (!empty && mom.change !== null && mom.change < 0) out.push(RU.recommendDecline);
  if (stats.undatedEvents.length > 0) out.push(RU.recommendUndated);
  out.push(RU.recommendContinue);
  return out;
}
