/**
 * `npm start`: the real bundle on the emulator over a synthetic district, day by day, then the
 * emulator's state written out as files people open (out/master.xlsx, notes, mail, index.html).
 */
import * as path from 'path';
import { createWorkspace } from '@opc/gas-emulator';
import {
  QUALITY_TAB,
  EVENTS_SCHEMA,
  RESULTS_SCHEMA,
  SCHOOLS_SCHEMA,
  columnIndex,
  toRow,
} from '../src/domain/schema';
import { FORMS_RU } from '../src/i18n/ru/forms';
import { GeneratedAnswer, generateRegistry, generateSeason, ymd } from './district/generate';
import { readChoices } from './district/choices';
import { addDistrictEvents, hiddenEventDates } from './district/events';
import { configureDistrict } from './district/settings';
import { fillPlanTab, seedPlanText } from './district/plan';
import { exportAll, ExportSummary } from './export';

export interface RunOptions {
  seed: number;
  schools: number;
  participants: number;
  from: string;
  to: string;
  out: string;
  /**
   * Close the school year at the end (closeSchoolYear): the run goes on to 6 June if it ends
   * earlier (the close is allowed from 1 June, after the May note of 5 June), and out/ gets the
   * annual note and the archive; master.xlsx then shows the clean start of the next year.
   */
  close: boolean;
  /** Progress line on the terminal. */
  progress?: boolean;
}

/**
 * A district of ≈100 ОУ over a school year: ≈3,000 participants registered from September to May,
 * the notes for September through April (each written on the 5th of the next month).
 */
export const DEFAULT_OPTIONS: RunOptions = {
  seed: 2021,
  schools: 100,
  participants: 3000,
  from: '2021-09-01',
  to: '2022-05-31',
  out: 'out',
  close: false,
};

export interface RunResult {
  answers: number;
  submitted: Record<string, number>;
  rejected: number;
  failedExecutions: number;
  days: number;
  wallMs: number;
  costs: { calls: number; modelledMs: number; executions: number; topCalls: [string, number][] };
  /** How many registrations landed in «Требует проверки» (any row, error or warning). */
  quality: { registrations: number; flagged: number; rows: number };
  /** The year's close (with --close): its answer, executions, service calls and times. */
  closing: { message: string; runs: number; calls: number; modelledMs: number; wallMs: number };
  /** The event npm start made certificates for, how many calls it took, the final answer. */
  certificates: { event: string; runs: number; documents: number; summary: string };
  files: ExportSummary;
}

const FORM_TITLE: Record<GeneratedAnswer['form'], string> = FORMS_RU.titles;
const ROOT = path.resolve(__dirname, '..');

/** «[██████░░░░░░]  50 %» for a share between 0 and 1. */
export function progressBar(share: number, width = 24): string {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * width);
  const percent = String(Math.round(Math.min(1, Math.max(0, share)) * 100)).padStart(3);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${percent} %`;
}

/** A season played on the emulator: the workspace, the bundle and what was submitted. */
export interface SimulatedSeason {
  ws: ReturnType<typeof createWorkspace>;
  app: ReturnType<ReturnType<typeof createWorkspace>['loadBundle']>;
  answers: GeneratedAnswer[];
  submitted: Record<string, number>;
  rejected: number;
  days: number;
}

/**
 * The district set up and its season played day by day — answers submitted as schools would, the
 * daily trigger firing each morning — without exporting anything (tests use it too).
 */
export function simulateSeason(
  o: Omit<RunOptions, 'out' | 'close'> & { out?: string },
  started = Date.now(),
): SimulatedSeason {
  const ws = createWorkspace({
    now: `${o.from}T09:00:00+03:00`,
    timeZone: 'Europe/Moscow',
    user: 'metodist@center.example',
    triggerErrors: 'record',
    // The run must be the same for a seed: modelled time from service calls alone (the script's
    // own CPU time varies between machines; `npm run bench` measures it).
    scriptTimeFactor: 0,
  });
  const app = ws.loadBundle(path.join(ROOT, 'build'));
  app.call('setupSystem');
  // Staff fill in the year's events (two without a date) and who gets and signs the summary.
  addDistrictEvents(ws);
  configureDistrict(ws);
  const registry = generateRegistry(o.seed, o.schools);
  const sheet = ws.spreadsheet().getSheetByName('ОУ')!;
  sheet
    .getRange(2, 1, registry.length, SCHOOLS_SCHEMA.columns.length)
    .setValues(registry.map((s) => toRow(SCHOOLS_SCHEMA, s)) as never);
  app.call('setupSystem'); // refreshes the dropdowns from the registry
  ws.uploadFileItem(FORM_TITLE.order, FORMS_RU.questions.orderFile);
  // The centre's plan for the year (seed 000), pasted through «Импортировать план работы…».
  app.call('importPlan', seedPlanText());

  const choices = readChoices(
    ws,
    registry.map((s) => s.shortName),
    hiddenEventDates(),
  );
  const answers = generateSeason(registry, choices, o);
  const daily = app.has('runDailyJobs');
  const submitted: Record<string, number> = {};
  let rejected = 0;
  let next = 0;
  let days = 0;
  const end = new Date(`${o.to}T23:59:00+03:00`);
  for (
    let d = new Date(`${o.from}T12:00:00+03:00`);
    d <= end;
    d = new Date(d.getTime() + 86400e3)
  ) {
    days++;
    const today = ymd(d);
    while (next < answers.length && answers[next]!.at.slice(0, 10) <= today) {
      const a = answers[next++]!;
      if (new Date(a.at) > ws.clock.now()) ws.clock.advanceTo(a.at);
      try {
        ws.submitForm(FORM_TITLE[a.form], a.answers, { respondent: a.respondent });
        submitted[a.form] = (submitted[a.form] ?? 0) + 1;
      } catch {
        rejected++; // Google Forms' own validation refused it, as it would a respondent
      }
    }
    const tomorrow = ymd(new Date(d.getTime() + 86400e3));
    ws.clock.advanceTo(`${tomorrow}T07:00:00+03:00`);
    // Without the daily job, the month-end rebuild stands in for it.
    if (!daily && tomorrow.endsWith('-01')) app.call('rebuildAll');
    if (o.progress && (process.stdout.isTTY || tomorrow.endsWith('-01'))) {
      const sent = Object.values(submitted).reduce((x, y) => x + y, 0) + rejected;
      const line = `${today}  ${progressBar(sent / Math.max(1, answers.length))}  ответов: ${sent}/${answers.length}  ${((Date.now() - started) / 1000).toFixed(1)} с`;
      process.stdout.write(process.stdout.isTTY ? `\r${line}   ` : `${line}\n`);
    }
  }
  if (!daily) app.call('rebuildAll');
  return { ws, app, answers, submitted, rejected, days };
}

/** Runs a season on the emulator and exports it; used by the CLI and by test/start.test.ts. */
export async function runSeason(partial: Partial<RunOptions> = {}): Promise<RunResult> {
  const o = { ...DEFAULT_OPTIONS, ...partial };
  const closeDay = `${Number(o.from.slice(0, 4)) + (o.from.slice(5, 7) >= '09' ? 1 : 0)}-06-06`;
  if (o.close && o.to < closeDay) o.to = closeDay;
  const started = Date.now();
  const { ws, app, answers, submitted, rejected, days } = simulateSeason(o, started);
  // At the year's end staff mark the plan, write results and comments, and make its analysis.
  if (o.progress) process.stdout.write(`\nАнализ выполнения плана…\n`);
  fillPlanTab(ws);
  const schoolYear = Number(o.from.slice(0, 4)) - (Number(o.from.slice(5, 7)) < 9 ? 1 : 0);
  app.call('generatePlanAnalysis', `${schoolYear}/${schoolYear + 1}`);
  if (o.progress) process.stdout.write(`Грамоты и сертификаты…\n`);
  const certificates = makeCertificates(ws, app);
  // «Отправлять грамоты в ОУ» is on: the letters with each ОУ's folder go with the next morning's run.
  if (app.has('runDailyJobs'))
    ws.clock.advanceTo(`${ymd(new Date(ws.clock.now().getTime() + 86400e3))}T07:30:00+03:00`);
  let closed = '';
  const closing = { runs: 0, calls: 0, modelledMs: 0, wallMs: 0 };
  if (o.close) {
    if (o.progress) process.stdout.write(`Закрытие учебного года…\n`);
    const before = ws.costs().executions.length;
    const t0 = Date.now();
    const year = closeDay.slice(0, 4);
    const label = `${Number(year) - 1}/${year}`;
    for (let call = 0; call < 10; call++) {
      const answer = app.call('closeSchoolYear', label, true) as {
        closed: boolean;
        message: string;
      };
      closed = answer.message;
      if (answer.closed) break;
    }
    closing.wallMs = Date.now() - t0;
    for (const e of ws.costs().executions.slice(before)) {
      closing.runs++;
      closing.modelledMs += e.modelledMs;
      closing.calls += Object.values(e.calls).reduce((x, y) => x + y, 0);
    }
  }
  if (o.progress) process.stdout.write(`Запись файлов в ${o.out}/…\n`);
  const costs = ws.costs();
  const quality = qualityShare(ws, submitted.registration ?? 0);
  const files = await exportAll(ws, path.resolve(o.out), {
    title: 'Локальный прогон: синтетический Невский район',
    options: {
      seed: o.seed,
      schools: o.schools,
      participants: o.participants,
      from: o.from,
      to: o.to,
    },
    submitted,
    rejected,
    certificates: certificates.summary,
    closed,
  });
  return {
    answers: answers.length,
    submitted,
    rejected,
    failedExecutions: costs.executions.filter((e) => e.error).length,
    days,
    wallMs: Date.now() - started,
    costs: {
      calls: Object.values(costs.calls).reduce((x, y) => x + y, 0),
      modelledMs: costs.modelledMs,
      executions: costs.executions.length,
      topCalls: Object.entries(costs.calls)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8),
    },
    quality,
    certificates,
    closing: { message: closed, ...closing },
    files,
  };
}

/**
 * The diplomas, certificates and letters of one event, as staff would make them at the end of
 * the season: the dated event with the most results (staff do not certify an event whose date
 * «Мероприятия» lacks: the documents would print no date), its results confirmed by staff except every
 * seventh (which the answer then names as unconfirmed), generateCertificates called until done —
 * a run cut by the time budget is called again; past the daily quota of new documents the next
 * morning's daily run goes on.
 */
function makeCertificates(
  ws: ReturnType<typeof createWorkspace>,
  app: ReturnType<ReturnType<typeof createWorkspace>['loadBundle']>,
): RunResult['certificates'] {
  const sheet = ws.spreadsheet().getSheetByName(RESULTS_SCHEMA.name)!;
  const values = sheet.getDataRange().getValues();
  const eventAt = columnIndex(RESULTS_SCHEMA, 'event');
  const confirmedAt = columnIndex(RESULTS_SCHEMA, 'confirmed');
  const dated = new Set(
    ws
      .sheetValues(EVENTS_SCHEMA.name)
      .slice(1)
      // A date the bundle wrote comes from its own realm: tested by tag, not instanceof.
      .filter(
        (r) =>
          Object.prototype.toString.call(r[columnIndex(EVENTS_SCHEMA, 'start')]) ===
          '[object Date]',
      )
      .map((r) => String(r[columnIndex(EVENTS_SCHEMA, 'name')])),
  );
  const counts = new Map<string, number>();
  for (const row of values.slice(1)) {
    const event = String(row[eventAt] ?? '');
    if (dated.has(event)) counts.set(event, (counts.get(event) ?? 0) + 1);
  }
  const [event] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [''];
  if (!event) return { event: '', runs: 0, documents: 0, summary: '' };
  let seen = 0;
  const ticks = values.slice(1).map((row) => {
    if (row[eventAt] !== event) return [row[confirmedAt]];
    return [seen++ % 7 !== 6];
  });
  sheet.getRange(2, confirmedAt + 1, ticks.length, 1).setValues(ticks);
  let answer: { message: string; paused: string; total: number } = {
    message: '',
    paused: '',
    total: 0,
  };
  let runs = 0;
  for (; runs < 40; runs++) {
    answer = app.call('generateCertificates', event) as typeof answer;
    if (answer.paused === 'quota') {
      const tomorrow = new Date(ws.clock.now().getTime() + 86400e3);
      ws.clock.advanceTo(`${ymd(tomorrow)}T07:00:00+03:00`);
    } else if (answer.paused !== 'time') break;
  }
  return { event, runs: runs + 1, documents: answer.total, summary: `${event}: ${answer.message}` };
}

/** Registrations with at least one row in «Требует проверки», by the row's source response. */
function qualityShare(
  ws: ReturnType<typeof createWorkspace>,
  registrations: number,
): RunResult['quality'] {
  const [header = [], ...rows] = ws.sheetValues(QUALITY_TAB);
  const form = header.indexOf('Форма');
  const source = header.indexOf('Ответ-источник');
  const mine = rows.filter((r) => r[form] === FORM_TITLE.registration);
  return { registrations, flagged: new Set(mine.map((r) => r[source])).size, rows: mine.length };
}

function outDirOf(r: RunResult): string {
  return path.relative(process.cwd(), r.files.dir) || '.';
}

function parseArgs(argv: string[]): Partial<RunOptions> {
  const o: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) throw new Error(`Неизвестный аргумент: ${argv[i]}`);
    if (!(m[1]! in DEFAULT_OPTIONS)) throw new Error(`Неизвестный параметр: --${m[1]}`);
    const kind = typeof DEFAULT_OPTIONS[m[1] as keyof RunOptions];
    // A flag («--close») takes no value unless written «--close=false».
    const value = kind === 'boolean' ? (m[2] ?? 'true') : (m[2] ?? argv[++i] ?? '');
    o[m[1]!] = kind === 'number' ? Number(value) : kind === 'boolean' ? value !== 'false' : value;
  }
  return o as Partial<RunOptions>;
}

if (require.main === module) {
  runSeason({ ...parseArgs(process.argv.slice(2)), progress: true })
    .then((r) => {
      console.log(
        `Ответов сгенерировано: ${r.answers}; принято формами: ${JSON.stringify(r.submitted)}; отклонено формами: ${r.rejected}`,
      );
      console.log(
        `Дней: ${r.days}; выполнений: ${r.costs.executions} (с ошибкой: ${r.failedExecutions}); вызовов сервисов: ${r.costs.calls}; модельное время: ${(r.costs.modelledMs / 1000).toFixed(1)} с`,
      );
      console.log(`Чаще всего: ${r.costs.topCalls.map(([k, v]) => `${k} ${v}`).join(', ')}`);
      console.log(
        `Файлы: ${r.files.xlsx}, документов ${r.files.docs.length}, писем ${r.files.mail.length}, ${r.files.index}`,
      );
      const q = r.quality;
      console.log(
        `Регистраций в «Требует проверки»: ${q.flagged} из ${q.registrations} (${((100 * q.flagged) / Math.max(1, q.registrations)).toFixed(1)} %)`,
      );
      console.log(
        `Грамоты: ${r.certificates.event} — документов ${r.certificates.documents}, запусков ${r.certificates.runs}; файлы в ${outDirOf(r)}/certificates`,
      );
      if (r.closing.message) {
        console.log(
          `Закрытие года: ${r.closing.message} Выполнений: ${r.closing.runs}, вызовов: ${r.closing.calls}, модельное время: ${(r.closing.modelledMs / 1000).toFixed(1)} с, время прогона: ${(r.closing.wallMs / 1000).toFixed(1)} с; архив — в ${outDirOf(r)}/spreadsheets`,
        );
      }
      console.log(`Время прогона: ${(r.wallMs / 1000).toFixed(1)} с`);
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
