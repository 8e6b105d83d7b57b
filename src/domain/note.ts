/**
 * The monthly analytic note («аналитическая справка») as a data structure, built from a
 * Statistics object only: every figure printed here is a field of Statistics formatted by
 * text/numbers.ts, so the note agrees with «Статистика» exactly. The section order is the
 * skeleton of DOMAIN.md; conclusions and recommendations are chosen by rules from the figures.
 */
import type { DocumentBlock, DocumentModel, DocumentSection, TableBlock } from './document';
import { paragraph, table } from './document';
import type { CrossTable, DynamicsRow, Statistics, WinnerEntry } from './statistics';
import { NOTE_RU, fillPhrase } from '../i18n/ru/note';
import { plural, pluralCategory } from './text/plural';
import {
  formatNumber,
  formatPercent,
  formatSignedNumber,
  formatSignedPercent,
} from './text/numbers';
import { formatDateNumeric, formatDateRange } from './text/dates';
import { formatForMonth, formatMonthYear, formatSchoolYear, periodLastDay } from './text/periods';

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
}

/** The monthly note: a document of the shared model, for one period. */
export interface MonthlyNoteModel extends DocumentModel {
  period: string;
}

const RU = NOTE_RU;

/** Build the monthly note for `stats.period`; `generatedAt` dates the signature. */
export function buildMonthlyNote(
  stats: Statistics,
  settings: NoteSettings,
  generatedAt: Date,
): MonthlyNoteModel {
  const counter = { table: 0, figure: 0 };
  const schoolYear = formatSchoolYear(stats.schoolYear);
  const empty = stats.month.participants === 0;
  const sections: Array<[string, DocumentBlock[]]> = [
    [
      RU.headings.basis,
      [
        paragraph(
          settings.basis ??
            fillPhrase(RU.basisDefault, { centre: settings.centreName, schoolYear }),
        ),
      ],
    ],
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
      ],
    ],
    [RU.headings.sources, sourcesBlocks(stats)],
    [RU.headings.coverage, coverageBlocks(stats, counter)],
    [RU.headings.competencies, competencyBlocks(stats, counter)],
    [RU.headings.results, resultBlocks(stats, settings, counter)],
    [RU.headings.dynamics, dynamicsBlocks(stats, counter)],
    [RU.headings.rating, ratingBlocks(stats, counter)],
    [RU.headings.notParticipating, notParticipatingBlocks(stats)],
    [RU.headings.discipline, disciplineBlocks(stats)],
  ];
  return {
    period: stats.period,
    title: fillPhrase(RU.title, {
      district: settings.districtName,
      forMonth: formatForMonth(stats.period),
    }),
    subtitle: fillPhrase(RU.subtitle, { centre: capitalize(settings.centreName), schoolYear }),
    sections: sections.map(([heading, blocks], i): DocumentSection => ({
      heading: i + 1 + '. ' + heading,
      blocks,
    })),
    conclusions: conclusions(stats, empty),
    recommendations: recommendations(stats, empty),
    signature: {
      position: settings.signaturePosition,
      name: settings.signatureName,
      date: formatDateNumeric(generatedAt),
    },
  };
}

/** «приняли участие 73 обучающихся из 16 образовательных учреждений» with agreement. */
export function participationSentence(participants: number, schools: number): string {
  const template =
    pluralCategory(participants) === 'one' ? RU.participationOne : RU.participationMany;
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
    return fillPhrase(RU.trendFlat, {
      n: formatNumber(row.current ?? 0) + ' ' + plural(row.current ?? 0, RU.participants),
    });
  }
  const details = [formatSignedNumber(change) + ' ' + plural(Math.abs(change), RU.participants)];
  if (row.changePercent !== null) details.push(formatSignedPercent(row.changePercent));
  return fillPhrase(change > 0 ? RU.trendUp : RU.trendDown, { details: details.join(', ') });
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function nextTable(counter: { table: number }): number {
  return ++counter.table;
}

function sourcesBlocks(stats: Statistics): DocumentBlock[] {
  const d = stats.discipline;
  return [
    paragraph(RU.sources.intro),
    {
      type: 'bullets',
      items: [
        fillPhrase(RU.sources.registrations, {
          participants:
            formatNumber(stats.month.participants) +
            ' ' +
            plural(stats.month.participants, RU.participants),
        }),
        fillPhrase(RU.sources.reports, {
          received: formatNumber(d.reportsReceived),
          expected: formatNumber(d.reportsExpected),
        }),
        fillPhrase(RU.sources.orders, { orders: formatNumber(d.ordersReceived) }),
        RU.sources.results,
      ],
    },
  ];
}

function coverageBlocks(stats: Statistics, counter: { table: number }): DocumentBlock[] {
  const m = stats.month;
  if (m.participants === 0) return [paragraph(RU.noParticipation)];
  const blocks: DocumentBlock[] = [
    paragraph(
      participationSentence(m.participants, m.schoolsParticipating) +
        ' ' +
        fillPhrase(RU.coverage, {
          percent: formatPercent(m.coveragePercent),
          taking: formatNumber(m.schoolsParticipating),
          total: formatNumber(stats.schoolsTotal),
        }),
    ),
  ];
  if (stats.bySchoolType.length > 0) {
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
      table(fillPhrase(RU.tableByType, { n: nextTable(counter) }), [...RU.headerByType], rows),
    );
  }
  return blocks;
}

/** A percentage in a «…, %» column: the number without the sign. */
function formatPercentCell(percent: number | null): string {
  return percent === null ? '—' : formatNumber(percent, 1);
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

function competencyBlocks(
  stats: Statistics,
  counter: { table: number; figure: number },
): DocumentBlock[] {
  if (stats.month.participants === 0) return [paragraph(RU.noData)];
  // Only the categories that had participants this month: a column of zeros only squeezes the table.
  const cross = withoutEmptyColumns(stats.competencyByAge);
  const crossTable: TableBlock = table(
    fillPhrase(RU.tableCompetencyAge, { n: nextTable(counter) }),
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
    fillPhrase(RU.tableLevels, { n: nextTable(counter) }),
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
      caption: fillPhrase(RU.chartCompetencies, { n: ++counter.figure }),
      categories: stats.byCompetency.map((r) => r.label),
      series: [{ name: RU.seriesParticipants, values: stats.byCompetency.map((r) => r.count) }],
    },
  ];
}

function countPhrase(n: number, none: string, one: string, many: string): string {
  if (n === 0) return none;
  return fillPhrase(pluralCategory(n) === 'one' ? one : many, {
    n: formatNumber(n),
    participants: plural(n, RU.participants),
  });
}

function resultBlocks(
  stats: Statistics,
  settings: NoteSettings,
  counter: { table: number },
): DocumentBlock[] {
  const m = stats.month;
  if (m.participants === 0) return [paragraph(RU.noData)];
  let text =
    countPhrase(m.winners, RU.winnersNone, RU.winnersOne, RU.winnersMany) +
    ', ' +
    countPhrase(m.prizeWinners, RU.prizeNone, RU.prizeOne, RU.prizeMany) +
    '.';
  if (m.medallions > 0) {
    text += ' ' + countPhrase(m.medallions, '', RU.medallionsOne, RU.medallionsMany);
  }
  text += ' ' + fillPhrase(RU.effectiveness, { percent: formatPercent(m.effectivenessPercent) });
  const blocks: DocumentBlock[] = [paragraph(text)];
  if (m.winners + m.prizeWinners > 0) {
    if (settings.nameWinners && settings.winners && settings.winners.length > 0) {
      blocks.push(
        table(
          fillPhrase(RU.winnersTable, { n: nextTable(counter) }),
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
  return blocks;
}

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

function dynamicsBlocks(
  stats: Statistics,
  counter: { table: number; figure: number },
): DocumentBlock[] {
  const ytdRange = formatDateRange(stats.yearToDateStart, periodLastDay(stats.period));
  const blocks: DocumentBlock[] = [
    paragraph(
      fillPhrase(RU.dynamicsMonth, { trend: trendPhrase(participantsRow(stats.monthOnMonth)) }),
    ),
    dynamicsTable(
      fillPhrase(RU.tableMonthDynamics, {
        n: nextTable(counter),
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
          participants: plural(ytd.participants, RU.participants),
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
      dynamicsTable(fillPhrase(RU.tableYearDynamics, { n: nextTable(counter) }), stats.yearOnYear),
    );
  }
  blocks.push({
    type: 'chart',
    kind: 'column',
    caption: fillPhrase(RU.chartSeries, {
      n: ++counter.figure,
      schoolYear: formatSchoolYear(stats.schoolYear).replace(' учебный год', ' учебного года'),
    }),
    categories: stats.series.map((p) => formatMonthYear(p.period)),
    series: [
      { name: RU.seriesParticipants, values: stats.series.map((p) => p.participants) },
      { name: RU.seriesWinners, values: stats.series.map((p) => p.winners + p.prizeWinners) },
    ],
  });
  return blocks;
}

function ratingBlocks(stats: Statistics, counter: { table: number }): DocumentBlock[] {
  if (stats.ratingMonth.length === 0) return [paragraph(RU.noData)];
  return [
    table(
      fillPhrase(RU.ratingTable, { n: nextTable(counter) }),
      [...RU.ratingHeader],
      stats.ratingMonth.map((r) => [
        r.name,
        formatNumber(r.participants),
        formatNumber(r.winners),
        formatNumber(r.prizeWinners),
        formatPercentCell(r.effectivenessPercent),
      ]),
    ),
  ];
}

function notParticipatingBlocks(stats: Statistics): DocumentBlock[] {
  const list = stats.schoolsWithoutParticipation;
  if (list.length === 0) return [paragraph(RU.allParticipating)];
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

function disciplineBlocks(stats: Statistics): DocumentBlock[] {
  const d = stats.discipline;
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
  if (d.missingReports.length > 0) {
    blocks.push(
      paragraph(fillPhrase(RU.missingReportsIntro, { n: formatNumber(d.missingReports.length) })),
      { type: 'bullets', items: d.missingReports.map((s) => s.name) },
    );
  }
  if (d.lateReports.length > 0) {
    blocks.push(
      paragraph(fillPhrase(RU.lateReportsIntro, { n: formatNumber(d.lateReports.length) })),
      {
        type: 'bullets',
        items: d.lateReports.map((s) => s.name + ' — ' + formatDateNumeric(s.submittedAt)),
      },
    );
  }
  if (d.participantsWithoutOrder > 0) {
    blocks.push(
      paragraph(
        fillPhrase(RU.ordersLine, {
          n: formatNumber(d.participantsWithoutOrder),
          participants: plural(d.participantsWithoutOrder, RU.participantsAccusative),
          schools: formatNumber(d.schoolsWithoutOrders.length),
        }),
      ),
      {
        type: 'bullets',
        items: d.schoolsWithoutOrders.map((s) =>
          fillPhrase(RU.schoolWithCount, { school: s.name, n: formatNumber(s.participants) }),
        ),
      },
    );
  } else if (stats.month.participants > 0) {
    blocks.push(paragraph(RU.ordersAllPresent));
  }
  return blocks;
}

const COVERAGE_THRESHOLD = 50;

function effectivenessDropped(stats: Statistics): boolean {
  const row = stats.monthOnMonth.find((r) => r.indicator === 'effectivenessPercent');
  return !!row && row.change !== null && row.change < 0;
}

function conclusions(stats: Statistics, empty: boolean): string[] {
  const m = stats.month;
  const d = stats.discipline;
  const out: string[] = [];
  if (empty) {
    out.push(RU.noParticipation);
  } else {
    out.push(
      participationSentence(m.participants, m.schoolsParticipating).replace(
        'В отчётном периоде в',
        'В',
      ) +
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
    out.push(capitalize(fillPhrase(RU.dynamicsMonth, { trend: trendPhrase(mom) })));
  }
  if (m.coveragePercent !== null && m.coveragePercent < COVERAGE_THRESHOLD) {
    out.push(fillPhrase(RU.conclusionCoverageLow, { percent: formatPercent(m.coveragePercent) }));
  }
  const types = stats.bySchoolType.filter((t) => t.sharePercent !== null);
  if (!empty && types.length > 1) {
    const lowest = [...types].sort((a, b) => a.sharePercent! - b.sharePercent!)[0]!;
    const highest = Math.max(...types.map((t) => t.sharePercent!));
    if (lowest.sharePercent! < highest) {
      out.push(
        fillPhrase(RU.conclusionLowestType, {
          type: lowest.type,
          percent: formatPercent(lowest.sharePercent),
        }),
      );
    }
  }
  if (!empty) {
    out.push(
      fillPhrase(RU.conclusionResults, {
        percent: formatPercent(m.effectivenessPercent),
        winners: formatNumber(m.winners),
        prize: formatNumber(m.prizeWinners),
      }),
    );
  }
  if (effectivenessDropped(stats)) {
    const row = stats.monthOnMonth.find((r) => r.indicator === 'effectivenessPercent')!;
    out.push(
      fillPhrase(RU.conclusionEffectivenessDown, {
        change: formatSignedNumber(row.change!, 1),
        pp: RU.percentPoints,
      }),
    );
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
        participants: plural(d.participantsWithoutOrder, RU.participantsAccusative),
      }),
    );
  }
  return out;
}

function recommendations(stats: Statistics, empty: boolean): string[] {
  const m = stats.month;
  const d = stats.discipline;
  const out: string[] = [];
  if (empty) out.push(RU.recommendEmpty);
  else if (m.coveragePercent !== null && m.coveragePercent < COVERAGE_THRESHOLD) {
    out.push(RU.recommendCoverage);
  }
  if (d.missingReports.length > 0 || d.lateReports.length > 0) out.push(RU.recommendReports);
  if (d.participantsWithoutOrder > 0) out.push(RU.recommendOrders);
  if (effectivenessDropped(stats)) out.push(RU.recommendEffectiveness);
  const mom = participantsRow(stats.monthOnMonth);
  if (!empty && mom.change !== null && mom.change < 0) out.push(RU.recommendDecline);
  out.push(RU.recommendContinue);
  return out;
}
