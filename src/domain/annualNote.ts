/**
 * The annual analytic note «Аналитическая справка … за 2021/2022 учебный год» as a document model
 * of the same kind as the monthly note (document.ts), so the same renderer and layout pass draw
 * it: the year by month (table and chart), events and their results, the preparation totals of
 * the monthly reports, the ОУ rating for the year, executive discipline over the year, the
 * comparison with the previous year when its archive exists, conclusions and recommendations for
 * the next year, the signature; long lists go to appendices. Figures come only from YearFigures,
 * which is what the archive stores, so the note and the archive agree.
 */
import type { DocumentBlock, DocumentModel, DocumentSection } from './document';
import { paragraph, table } from './document';
import type { YearFigures } from './annual';
import type { ArchivedYear, PeriodFigures } from './statistics';
import { ANNUAL_RU } from '../i18n/ru/yearClose';
import { ANALYSIS_RU } from '../i18n/ru/analysis';
import { fillPhrase } from '../i18n/ru/note';
import { plural, pluralCategory } from './text/plural';
import { formatNumber, formatPercent, formatSignedNumber } from './text/numbers';
import { formatDateNumeric, formatDateRange } from './text/dates';
import {
  formatMonthYear,
  formatSchoolYear,
  formatSchoolYearShort,
  periodLastDay,
  periodStart,
} from './text/periods';
import { compareRu } from './text/collation';
import { basisParagraph, BODY_TOP, Counters, type NoteSettings } from './note';

const RU = ANNUAL_RU;

/** The annual note: a document of the shared model, for one school year. */
export interface AnnualNoteModel extends DocumentModel {
  schoolYear: number;
}

const percentCell = (p: number | null): string => (p === null ? '—' : formatPercent(p));

/** Build the annual note of `y`; `previous` is the archive of the year before, if any. */
export function buildAnnualNote(
  y: YearFigures,
  settings: Omit<NoteSettings, 'winners' | 'nameWinners'>,
  archiveTitle: string,
  previous: ArchivedYear | null,
  generatedAt: Date,
): AnnualNoteModel {
  const n = new Counters();
  const schoolYear = formatSchoolYear(y.schoolYear);
  const first = y.periods[0]!;
  const last = y.periods[y.periods.length - 1]!;
  const sections: Array<[string, DocumentBlock[]]> = [
    [RU.headings.basis, [basisParagraph(settings, schoolYear)]],
    [RU.headings.goal, [paragraph(RU.goal)]],
    [
      RU.headings.period,
      [
        paragraph(
          fillPhrase(RU.period, {
            range: formatDateRange(periodStart(first), periodLastDay(last)),
            schoolYear,
          }),
        ),
      ],
    ],
    [RU.headings.sources, [paragraph(fillPhrase(RU.sources, { archive: archiveTitle }))]],
    [RU.headings.byMonth, monthBlocks(y, n)],
    [RU.headings.events, eventBlocks(y, n)],
    [RU.headings.preparation, preparationBlocks(y, n)],
    [RU.headings.rating, ratingBlocks(y, n)],
    [RU.headings.discipline, disciplineBlocks(y, n)],
    [RU.headings.comparison, comparisonBlocks(y, previous, n)],
  ];
  return {
    kind: 'annualNote',
    schoolYear: y.schoolYear,
    title: fillPhrase(RU.title, { district: settings.districtName, schoolYear }),
    subtitle: fillPhrase(RU.subtitle, { centre: capitalize(settings.centreName), schoolYear }),
    sections: sections.map(([heading, blocks], i): DocumentSection => ({
      heading: `${i + 1}. ${heading}`,
      blocks,
    })),
    conclusions: conclusions(y, previous),
    recommendations: recommendations(y, archiveTitle),
    signature: {
      position: settings.signaturePosition,
      name: settings.signatureName,
      date: formatDateNumeric(generatedAt),
    },
    appendices: n.appendices,
  };
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function yearSentence(y: YearFigures): string {
  const f = y.year;
  if (f.participants === 0) return RU.noParticipation;
  return fillPhrase(pluralCategory(f.participants) === 'one' ? RU.yearOne : RU.yearMany, {
    n: formatNumber(f.participants),
    pupils: plural(f.participants, RU.pupils),
    schools: `${formatNumber(f.schoolsParticipating)} ${plural(f.schoolsParticipating, RU.schools)}`,
    coverage: percentCell(f.coveragePercent),
  });
}

function medalSentence(f: PeriodFigures): string {
  return fillPhrase(RU.medals, {
    winners: `${formatNumber(f.winners)} ${plural(f.winners, RU.people)}`,
    prizes: `${formatNumber(f.prizeWinners)} ${plural(f.prizeWinners, RU.people)}`,
    effectiveness: percentCell(f.effectivenessPercent),
  });
}

function monthBlocks(y: YearFigures, n: Counters): DocumentBlock[] {
  const blocks: DocumentBlock[] = [paragraph(yearSentence(y))];
  if (y.year.participants > 0) blocks.push(paragraph(medalSentence(y.year)));
  const row = (label: string, f: PeriodFigures): string[] => [
    label,
    formatNumber(f.participants),
    formatNumber(f.schoolsParticipating),
    percentCell(f.coveragePercent),
    formatNumber(f.winners),
    formatNumber(f.prizeWinners),
    percentCell(f.effectivenessPercent),
  ];
  blocks.push(
    table(
      fillPhrase(RU.monthsTable, { n: n.nextTable() }),
      [...RU.monthsHeader],
      [...y.months.map((m) => row(formatMonthYear(m.period), m.month)), row(RU.yearRow, y.year)],
    ),
  );
  blocks.push({
    type: 'chart',
    kind: 'column',
    caption: fillPhrase(RU.monthsChart, { n: n.nextFigure() }),
    categories: y.months.map((m) => formatMonthYear(m.period)),
    series: [
      { name: RU.chartParticipants, values: y.months.map((m) => m.month.participants) },
      { name: RU.chartMedals, values: y.months.map((m) => m.month.winners + m.month.prizeWinners) },
    ],
  });
  const best = [...y.months].sort((a, b) => b.month.participants - a.month.participants)[0];
  if (best && best.month.participants > 0) {
    blocks.push(
      paragraph(
        fillPhrase(RU.bestMonth, {
          month: formatMonthYear(best.period),
          n: formatNumber(best.month.participants),
          pupils: plural(best.month.participants, RU.pupils),
        }),
      ),
    );
  }
  return blocks;
}

function eventBlocks(y: YearFigures, n: Counters): DocumentBlock[] {
  const byEvent = new Map<
    string,
    { start: Date | null; p: number; w: number; pr: number; m: number }
  >();
  const byCompetency = new Map<string, { p: number; w: number; pr: number; m: number }>();
  for (const e of y.events) {
    const ev = byEvent.get(e.event) ?? { start: e.start, p: 0, w: 0, pr: 0, m: 0 };
    ev.p += e.participants;
    ev.w += e.winners;
    ev.pr += e.prizeWinners;
    ev.m += e.medallions;
    byEvent.set(e.event, ev);
    const c = byCompetency.get(e.competency) ?? { p: 0, w: 0, pr: 0, m: 0 };
    c.p += e.participants;
    c.w += e.winners;
    c.pr += e.prizeWinners;
    c.m += e.medallions;
    byCompetency.set(e.competency, c);
  }
  if (byEvent.size === 0) return [paragraph(RU.eventsNone)];
  const events = [...byEvent.entries()].sort(
    (a, b) =>
      (a[1].start ? a[1].start.getTime() : Infinity) -
        (b[1].start ? b[1].start.getTime() : Infinity) || compareRu(a[0], b[0]),
  );
  const competencies = [...byCompetency.entries()].sort(
    (a, b) => b[1].w + b[1].pr - (a[1].w + a[1].pr) || compareRu(a[0], b[0]),
  );
  return [
    paragraph(
      fillPhrase(RU.eventsIntro, { n: byEvent.size, events: plural(byEvent.size, RU.eventsWord) }),
    ),
    table(
      fillPhrase(RU.eventsTable, { n: n.nextTable() }),
      [...RU.eventsHeader],
      events.map(([name, e]) => [
        name,
        e.start ? formatDateNumeric(e.start) : '—',
        formatNumber(e.p),
        formatNumber(e.w),
        formatNumber(e.pr),
        formatNumber(e.m),
      ]),
    ),
    table(
      fillPhrase(RU.competencyTable, { n: n.nextTable() }),
      [...RU.competencyHeader],
      competencies.map(([name, c]) => [
        name,
        formatNumber(c.p),
        formatNumber(c.w),
        formatNumber(c.pr),
        formatNumber(c.m),
      ]),
    ),
  ];
}

function preparationBlocks(y: YearFigures, n: Counters): DocumentBlock[] {
  const months = y.months.filter((m) => m.reportsReceived > 0);
  const blocks: DocumentBlock[] = [
    table(
      fillPhrase(RU.preparationTable, { n: n.nextTable() }),
      [...RU.preparationHeader],
      y.months.map((m) => [
        formatMonthYear(m.period),
        formatNumber(m.reportsReceived),
        formatNumber(m.sessions),
        formatNumber(m.pupilsInTraining),
        formatNumber(m.mentors),
      ]),
    ),
  ];
  if (months.length > 0) {
    const sum = (f: (m: (typeof months)[number]) => number): number =>
      months.reduce((s, m) => s + f(m), 0);
    blocks.push(
      paragraph(
        fillPhrase(RU.preparationTotal, {
          sessions: formatNumber(sum((m) => m.sessions)),
          pupils: formatNumber(Math.round(sum((m) => m.pupilsInTraining) / months.length)),
          mentors: formatNumber(Math.round(sum((m) => m.mentors) / months.length)),
        }),
      ),
    );
  }
  blocks.push(
    paragraph(
      y.difficulties.length === 0
        ? RU.difficultiesNone
        : fillPhrase(RU.difficulties, {
            themes: y.difficulties
              .map((d) =>
                fillPhrase(RU.difficultyTheme, {
                  theme: ANALYSIS_RU.preparation.themesInline[d.theme] ?? d.theme,
                  n: d.schools,
                }),
              )
              .join('; '),
          }),
    ),
  );
  return blocks;
}

function ratingBlocks(y: YearFigures, n: Counters): DocumentBlock[] {
  if (y.rating.length === 0) return [paragraph(RU.noParticipation)];
  const rows = y.rating.map((r) => [
    r.name,
    formatNumber(r.participants),
    formatNumber(r.winners),
    formatNumber(r.prizeWinners),
    percentCell(r.effectivenessPercent),
  ]);
  const top = Math.min(BODY_TOP, rows.length);
  const blocks: DocumentBlock[] = [
    table(
      fillPhrase(RU.ratingTable, { n: n.nextTable(), top }),
      [...RU.ratingHeader],
      rows.slice(0, top),
    ),
  ];
  if (rows.length > top) {
    const appendix = n.appendix(RU.ratingAppendix, [table('', [...RU.ratingHeader], rows)]);
    blocks.push(paragraph(fillPhrase(RU.ratingRest, { n: rows.length, appendix })));
  }
  return blocks;
}

function disciplineBlocks(y: YearFigures, n: Counters): DocumentBlock[] {
  const blocks: DocumentBlock[] = [
    table(
      fillPhrase(RU.disciplineTable, { n: n.nextTable() }),
      [...RU.disciplineHeader],
      y.months.map((m) => [
        formatMonthYear(m.period),
        formatNumber(m.reportsReceived),
        formatNumber(m.reportsOnTime),
        percentCell(
          y.schoolsTotal > 0 ? Math.round((1000 * m.reportsReceived) / y.schoolsTotal) / 10 : null,
        ),
        formatNumber(m.ordersReceived),
      ]),
    ),
  ];
  const missing = y.missingReports;
  if (missing.length === 0) blocks.push(paragraph(RU.disciplineAllReported));
  else {
    const rows = missing.map((m) => [m.name, formatNumber(m.months)]);
    const top = Math.min(BODY_TOP, rows.length);
    blocks.push(
      table(
        fillPhrase(RU.missingTable, { n: n.nextTable() }),
        [...RU.missingHeader],
        rows.slice(0, top),
      ),
    );
    if (rows.length > top) {
      const appendix = n.appendix(RU.missingAppendix, [table('', [...RU.missingHeader], rows)]);
      blocks.push(paragraph(fillPhrase(RU.missingRest, { n: rows.length, appendix })));
    }
  }
  const lastMonth = y.months[y.months.length - 1];
  if (lastMonth && lastMonth.participantsWithoutOrder > 0) {
    blocks.push(
      paragraph(
        fillPhrase(
          pluralCategory(lastMonth.participantsWithoutOrder) === 'one'
            ? RU.withoutOrdersOne
            : RU.withoutOrdersMany,
          {
            n: formatNumber(lastMonth.participantsWithoutOrder),
            participants: plural(lastMonth.participantsWithoutOrder, RU.participantsWord),
          },
        ),
      ),
    );
  }
  return blocks;
}

const COMPARED: ReadonlyArray<keyof PeriodFigures> = [
  'participants',
  'schoolsParticipating',
  'coveragePercent',
  'winners',
  'prizeWinners',
  'effectivenessPercent',
];

function comparisonBlocks(
  y: YearFigures,
  previous: ArchivedYear | null,
  n: Counters,
): DocumentBlock[] {
  if (!previous) return [paragraph(RU.comparisonNone)];
  const prevLabel = `${previous.schoolYear}/${previous.schoolYear + 1}`;
  const curLabel = `${y.schoolYear}/${y.schoolYear + 1}`;
  const rows = COMPARED.map((key) => {
    const a = previous.year[key];
    const b = y.year[key];
    const percent = key === 'coveragePercent' || key === 'effectivenessPercent';
    const show = (v: number | null): string => (percent ? percentCell(v) : formatNumber(v ?? 0));
    const change =
      a === null || b === null
        ? '—'
        : percent
          ? `${formatSignedNumber(Math.round((b - a) * 10) / 10, 1)} п. п.`
          : formatSignedNumber(b - a);
    return [RU.indicators[key] ?? key, show(a), show(b), change];
  });
  return [
    table(
      fillPhrase(RU.comparisonTable, { n: n.nextTable(), previous: prevLabel, current: curLabel }),
      RU.comparisonHeader.map((h) => fillPhrase(h, { previous: prevLabel, current: curLabel })),
      rows,
    ),
  ];
}

function conclusions(y: YearFigures, previous: ArchivedYear | null): string[] {
  const C = RU.conclusions;
  const f = y.year;
  const out: string[] = [];
  if (f.participants === 0) return [RU.noParticipation];
  out.push(
    fillPhrase(
      pluralCategory(f.participants) === 'one' ? C.participationOne : C.participationMany,
      {
        schoolYear: formatSchoolYear(y.schoolYear),
        n: formatNumber(f.participants),
        pupils: plural(f.participants, RU.pupils),
        schools: formatNumber(f.schoolsParticipating),
        coverage: percentCell(f.coveragePercent),
      },
    ),
  );
  out.push(
    fillPhrase(C.medals, {
      medals: formatNumber(f.winners + f.prizeWinners),
      medalWord: plural(f.winners + f.prizeWinners, C.medalWord),
      effectiveness: percentCell(f.effectivenessPercent),
    }),
  );
  if (previous) {
    const diff = f.participants - previous.year.participants;
    const trend =
      diff > 0
        ? fillPhrase(C.grew, { n: formatNumber(diff) })
        : diff < 0
          ? fillPhrase(C.fell, { n: formatNumber(-diff) })
          : C.same;
    out.push(fillPhrase(C.growth, { trend }));
  }
  const reported = y.months.filter((m) => m.period <= y.periods[y.periods.length - 1]!);
  if (reported.length > 0 && y.schoolsTotal > 0) {
    const share =
      reported.reduce((s, m) => s + m.reportsReceived, 0) / reported.length / y.schoolsTotal;
    out.push(fillPhrase(C.discipline, { percent: formatPercent(Math.round(share * 1000) / 10) }));
  }
  if (f.coveragePercent !== null && f.coveragePercent < 50) {
    out.push(fillPhrase(C.coverageLow, { coverage: percentCell(f.coveragePercent) }));
  }
  return out;
}

function recommendations(y: YearFigures, archiveTitle: string): string[] {
  const R = RU.recommendations;
  const next = formatSchoolYear(y.schoolYear + 1);
  const out = [fillPhrase(R.plan, { next, schoolYear: formatSchoolYear(y.schoolYear) })];
  if (y.year.coveragePercent !== null && y.year.coveragePercent < 100) out.push(R.coverage);
  if (y.missingReports.length > 0) out.push(R.discipline);
  if (y.difficulties.length > 0) {
    out.push(
      fillPhrase(R.difficulties, {
        themes: y.difficulties
          .map((d) => `«${ANALYSIS_RU.preparation.themesInline[d.theme] ?? d.theme}»`)
          .join(', '),
      }),
    );
  }
  out.push(
    fillPhrase(R.archive, { archive: archiveTitle, next: formatSchoolYearShort(y.schoolYear + 1) }),
  );
  return out;
}
