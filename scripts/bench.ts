/**
 * `npm run bench`: the real bundle on the emulator at district and city scale. For each job —
 * a form submit at the end of the season, rebuildAll, the daily run, the monthly note and the
 * summary — service calls by kind, modelled Apps Script time, local CPU and memory, the job's
 * lower bound (scripts/bench/bounds.ts) and the targets of issues 9 and 19, PASS or MISS; in the
 * large district, the deadline day (scripts/bench/deadline.ts).
 * `--scenario district|large|city` picks one, `--json <file>` writes the figures for comparison.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FORMS_RU } from '../src/i18n/ru/forms';
import { boundOf, JOB_TITLES, JOBS, total, type BoundItem, type JobName } from './bench/bounds';
import { buildState, SCENARIOS, type BenchState, type Scenario } from './bench/state';
import { runDeadline, type DeadlineReport } from './bench/deadline';

const ROOT = path.resolve(__dirname, '..');
const TIME_LIMIT_ERROR = 'Exceeded maximum execution time';

/** One target of issue 9 and whether the job met it. */
export interface TargetResult {
  target: string;
  pass: boolean;
  actual: string;
}

/** The figures of one job. */
export interface JobReport {
  job: JobName;
  title: string;
  status: 'ok' | 'failed-time-limit' | 'error';
  error?: string;
  /** Function names of the executions the job ran (a submit fires the form-submit trigger). */
  executions: string[];
  calls: number;
  callsByKind: Record<string, number>;
  /** serviceMs + scriptMs. */
  modelledMs: number;
  /** Modelled time of the service calls (the emulator's cost table). */
  serviceMs: number;
  /** The script's own computing: its CPU time between calls × the emulator's scriptTimeFactor. */
  scriptMs: number;
  cpuMs: number;
  wallMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  bound: number;
  boundItems: BoundItem[];
  callsPerBound: number;
  targets: TargetResult[];
}

/** The figures of one scenario. */
export interface ScenarioReport {
  scenario: string;
  title: string;
  schools: number;
  participantsTarget: number;
  answers: number;
  seeded: Record<string, number>;
  rejected: number;
  generateMs: number;
  seedMs: number;
  setupMs: number;
  jobs: JobReport[];
  /** The deadline-day burst, where the scenario has one. */
  deadline?: DeadlineReport;
}

/** The whole run, as printed and as written by --json. */
export interface BenchReport {
  startedAt: string;
  node: string;
  wallMs: number;
  scenarios: ScenarioReport[];
}

export interface BenchOptions {
  scenarios: Scenario[];
  /** Folder of the built bundle (build/). */
  bundleDir?: string;
  log?: (line: string) => void;
}

/** Builds each scenario's state and measures every job on it. */
export function runBench(options: BenchOptions): BenchReport {
  const log = options.log ?? (() => undefined);
  const bundleDir = options.bundleDir ?? path.join(ROOT, 'build');
  const started = Date.now();
  const scenarios: ScenarioReport[] = [];
  for (const s of options.scenarios) {
    log(`Сценарий ${s.name}: ${s.title}`);
    const t0 = Date.now();
    const state = buildState(s, bundleDir, log);
    const setupMs = Date.now() - t0;
    const jobs: JobReport[] = [];
    for (const job of JOBS) {
      log(`  ${JOB_TITLES[job]}…`);
      const report = measure(state, s, job);
      log(
        `  ${JOB_TITLES[job]}: ${report.status}, вызовов ${report.calls}, модельное время ${sec(report.modelledMs)} с (сервисы ${sec(report.serviceMs)}, скрипт ${sec(report.scriptMs)}), CPU ${sec(report.cpuMs)} с`,
      );
      jobs.push(report);
    }
    let deadline: DeadlineReport | undefined;
    if (s.deadlineSubmits) {
      log(`  день сдачи: ${s.deadlineSubmits} отправок за ${s.deadlineMinutes} мин…`);
      deadline = runDeadline(state, s);
      log(
        `  день сдачи: своей отправкой ${deadline.placedByOwnSubmit} из ${deadline.submits}, ждут дособора ${deadline.waitForCatchUp}`,
      );
    }
    scenarios.push({
      scenario: s.name,
      title: s.title,
      schools: state.registry.length,
      participantsTarget: s.participants,
      answers: state.answers.length,
      seeded: state.seeded,
      rejected: state.rejected,
      generateMs: state.generateMs,
      seedMs: state.seedMs,
      setupMs,
      jobs,
      ...(deadline ? { deadline } : {}),
    });
  }
  return {
    startedAt: new Date(started).toISOString(),
    node: process.version,
    wallMs: Date.now() - started,
    scenarios,
  };
}

/** Runs one job and collects its figures; a job past 360 s modelled is reported, not thrown. */
function measure(state: BenchState, s: Scenario, job: JobName): JobReport {
  const { ws } = state;
  ws.resetCosts();
  const tracker = ws.world.tracker;
  const record = tracker.record;
  let peakRss = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  // Memory peaks between service calls (a tab read, a block built): sample at every call.
  tracker.record = (call: string, cells?: number): void => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    record.call(tracker, call, cells);
  };
  const cpu0 = process.cpuUsage();
  const wall0 = Date.now();
  let thrown: unknown = null;
  let noteShape;
  try {
    runJob(state, s, job);
  } catch (error) {
    thrown = error;
  } finally {
    tracker.record = record;
  }
  const cpu = process.cpuUsage(cpu0);
  const wallMs = Date.now() - wall0;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const costs = ws.costs();
  const failed = costs.executions.find((e) => e.error);
  const message = failed?.error ?? (thrown ? messageOf(thrown) : undefined);
  const status: JobReport['status'] = !message
    ? 'ok'
    : message.includes(TIME_LIMIT_ERROR)
      ? 'failed-time-limit'
      : 'error';
  if (job === 'note') {
    const doc = ws
      .documents()
      .filter((d) => !d.trashed)
      .pop();
    if (doc)
      noteShape = {
        paragraphs: doc.paragraphs().length,
        tables: doc.tables().length,
        images: doc.images().length,
      };
  }
  const callsByKind: Record<string, number> = {};
  for (const e of costs.executions)
    for (const [k, n] of Object.entries(e.calls)) callsByKind[k] = (callsByKind[k] ?? 0) + n;
  const calls = Object.values(callsByKind).reduce((a, b) => a + b, 0);
  const modelledMs = costs.executions.reduce((a, e) => a + e.modelledMs, 0);
  const serviceMs = costs.executions.reduce((a, e) => a + e.serviceMs, 0);
  const scriptMs = costs.executions.reduce((a, e) => a + e.scriptMs, 0);
  const boundItems = boundOf(job, noteShape);
  const bound = total(boundItems);
  const report: JobReport = {
    job,
    title: JOB_TITLES[job],
    status,
    ...(message ? { error: message } : {}),
    executions: costs.executions.map((e) => e.functionName),
    calls,
    callsByKind,
    modelledMs: round(modelledMs),
    serviceMs: round(serviceMs),
    scriptMs: round(scriptMs),
    cpuMs: round((cpu.user + cpu.system) / 1000),
    wallMs,
    peakRssMb: round(peakRss / 2 ** 20),
    peakHeapMb: round(peakHeap / 2 ** 20),
    bound,
    boundItems,
    callsPerBound: round(calls / bound),
    targets: [],
  };
  report.targets = targetsOf(report, s.submitGoalMs ?? 1000);
  return report;
}

/** Does the job: one new registration, the daily trigger, or a direct call. */
function runJob(state: BenchState, s: Scenario, job: JobName): void {
  const { ws, app } = state;
  switch (job) {
    case 'rebuildAll':
      app.call('rebuildAll');
      return;
    case 'submit': {
      const last = [...state.answers].reverse().find((a) => a.form === 'registration');
      if (!last) throw new Error('bench: the season has no registration to repeat');
      // A new team of one from the last school that registered: a fresh answer, not a duplicate.
      const answers: Record<string, unknown> = { ...last.answers };
      for (const k of Object.keys(answers)) if (k.startsWith('Участник 2')) delete answers[k];
      answers['Участник 1: фамилия'] = 'Замеров';
      answers['Участник 1: имя'] = 'Тимофей';
      ws.submitForm(FORMS_RU.titles.registration, answers, { respondent: last.respondent });
      if (!ws.costs().executions.some((e) => e.functionName === 'handleFormSubmit'))
        throw new Error('bench: the form submit fired no handleFormSubmit');
      return;
    }
    case 'daily': {
      const now = ws.clock.now();
      const next = new Date(now.getTime() + 86400e3);
      const day = new Date(next.getTime() + 3 * 3600e3).toISOString().slice(0, 10);
      ws.clock.advanceTo(`${day}T06:30:00+03:00`);
      if (!ws.costs().executions.some((e) => e.functionName === 'runDailyJobs'))
        throw new Error('bench: the daily trigger did not fire');
      return;
    }
    case 'note':
      app.call('generateMonthlyNote', s.period);
      return;
    case 'summary':
      app.call('sendMonthlySummary', s.period);
      if (ws.outbox().length === 0) throw new Error('bench: the summary sent no letter');
      return;
  }
}

/** The targets of issues 9 and 19 that apply to a job. */
function targetsOf(r: JobReport, submitGoalMs: number): TargetResult[] {
  const out: TargetResult[] = [];
  const add = (target: string, pass: boolean, actual: string): void => {
    out.push({ target, pass, actual });
  };
  if (r.status === 'failed-time-limit')
    add('≤ 360 с (лимит Apps Script)', false, `FAILED после ${sec(r.modelledMs)} с`);
  if (r.job === 'submit') {
    add('вызовов ≤ 10', r.calls <= 10, String(r.calls));
    add(
      `модельное время ≤ ${submitGoalMs / 1000} с`,
      r.modelledMs <= submitGoalMs,
      `${sec(r.modelledMs)} с`,
    );
  }
  if (r.job === 'note')
    add('модельное время ≤ 60 с', r.modelledMs <= 60000, `${sec(r.modelledMs)} с`);
  if (r.job === 'daily')
    add('модельное время ≤ 120 с', r.modelledMs <= 120000, `${sec(r.modelledMs)} с`);
  add('вызовов / граница ≤ 1.5', r.callsPerBound <= 1.5, r.callsPerBound.toFixed(2));
  return out;
}

/** The report as aligned text tables, one per scenario. */
export function formatReport(report: BenchReport): string {
  const lines: string[] = [];
  for (const s of report.scenarios) {
    lines.push('');
    lines.push(`== ${s.scenario}: ${s.title}`);
    lines.push(
      `   ОУ: ${s.schools}; ответов: ${s.answers} (${Object.entries(s.seeded)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}; отклонено ${s.rejected}); построение состояния ${sec(s.setupMs)} с (генерация ${sec(s.generateMs)} с, запись ответов ${sec(s.seedMs)} с)`,
    );
    const head = [
      'задача',
      'статус',
      'вызовов',
      'граница',
      'выз/гр',
      'модель, с',
      'сервисы, с',
      'скрипт, с',
      'CPU, с',
      'RSS, МБ',
      'heap, МБ',
    ];
    const rows = s.jobs.map((j) => [
      j.title,
      j.status === 'ok' ? 'ok' : j.status === 'failed-time-limit' ? 'FAILED (лимит)' : 'ERROR',
      String(j.calls),
      String(j.bound),
      j.callsPerBound.toFixed(2),
      sec(j.modelledMs),
      sec(j.serviceMs),
      sec(j.scriptMs),
      sec(j.cpuMs),
      j.peakRssMb.toFixed(0),
      j.peakHeapMb.toFixed(0),
    ]);
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
    const fmt = (r: string[]): string =>
      r.map((v, c) => (c < 2 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ');
    lines.push(fmt(head));
    lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) lines.push(fmt(r));
    lines.push('');
    for (const j of s.jobs) {
      const top = Object.entries(j.callsByKind)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ');
      lines.push(`   ${j.title}: ${top} (всего ${j.calls})`);
      lines.push(
        `     цели: ${j.targets.map((t) => `${t.pass ? 'PASS' : 'MISS'} ${t.target} (${t.actual})`).join('; ')}`,
      );
      if (j.error) lines.push(`     ошибка: ${j.error}`);
    }
    const d = s.deadline;
    if (d) {
      lines.push('');
      lines.push(
        `   день сдачи: ${d.submits} регистраций от разных ОУ за ${d.minutes} модельных минут (ws.burst): своей отправкой размещено ${d.placedByOwnSubmit}, ждут дособора ${d.waitForCatchUp}; в «Участниках» новых строк ${d.inParticipants}`,
      );
      lines.push(
        `     отправка: модельное время до ${sec(d.maxModelledMs)} с с ожиданием блокировки, до ${sec(d.maxWorkMs)} с без него (медиана ${sec(d.medianModelledMs)} с), ожидание блокировки до ${sec(d.maxLockWaitMs)} с, вызовов до ${d.maxCalls}; ${sec(d.wallMs)} с на машине`,
      );
      lines.push(
        `     цели: ${d.targets.map((t) => `${t.pass ? 'PASS' : 'MISS'} ${t.target} (${t.actual})`).join('; ')}`,
      );
    }
  }
  lines.push('');
  lines.push(`Время прогона: ${sec(report.wallMs)} с`);
  return lines.join('\n');
}

function sec(ms: number): string {
  return (ms / 1000).toFixed(ms < 10000 ? 2 : 1);
}
function round(n: number): number {
  return Math.round(n * 100) / 100;
}
function messageOf(error: unknown): string {
  const m = (error as { message?: unknown } | null)?.message;
  return typeof m === 'string' ? m : String(error);
}

function parseArgs(argv: string[]): { scenarios: Scenario[]; json: string | null } {
  let names = Object.keys(SCENARIOS);
  let json: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(scenario|json)(?:=(.*))?$/.exec(argv[i]!);
    if (!m) throw new Error(`Неизвестный аргумент: ${argv[i]}`);
    const value = m[2] ?? argv[++i];
    if (!value) throw new Error(`--${m[1]}: нужно значение`);
    if (m[1] === 'json') json = value;
    else {
      names = value.split(',');
      for (const n of names)
        if (!SCENARIOS[n])
          throw new Error(
            `Неизвестный сценарий: ${n} (есть: ${Object.keys(SCENARIOS).join(', ')})`,
          );
    }
  }
  return { scenarios: names.map((n) => SCENARIOS[n]!), json };
}

if (require.main === module) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const report = runBench({ scenarios: args.scenarios, log: (l) => console.log(l) });
    console.log(formatReport(report));
    if (args.json) {
      fs.writeFileSync(args.json, JSON.stringify(report, null, 2) + '\n');
      console.log(`JSON: ${args.json}`);
    }
  } catch (e) {
    console.error(e);
    process.exit(1);
  }
}
