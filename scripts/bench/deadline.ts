/**
 * The deadline day (issue 19): a registration from each of N different ОУ within a few modelled
 * minutes, their triggers overlapping and competing for the script lock (ws.burst). An answer is
 * placed by its own submit when that execution ran to its end without finding the table busy and
 * without an error; the others wait for the catch-up (the next submit of the family after a full
 * projection, or the next daily run).
 */
import type { BenchState, Scenario } from './state';
import { prng } from '../district/generate';
import { FORMS_RU } from '../../src/i18n/ru/forms';
import { JOURNAL_RU } from '../../src/i18n/ru/journal';

/** The figures of one deadline-day burst. */
export interface DeadlineReport {
  submits: number;
  minutes: number;
  /** Trigger executions the burst caused. */
  executions: number;
  placedByOwnSubmit: number;
  waitForCatchUp: number;
  /** Modelled time of one submit: the longest, the median; the longest wait for the lock. */
  maxModelledMs: number;
  /** The longest modelled time of one submit's own work (its time less its wait for the lock). */
  maxWorkMs: number;
  medianModelledMs: number;
  maxLockWaitMs: number;
  /** Service calls of one submit: the most any made. */
  maxCalls: number;
  /** Burst answers found in «Участники» afterwards (placed by any submit). */
  inParticipants: number;
  wallMs: number;
  targets: { target: string; pass: boolean; actual: string }[];
}

const Q = FORMS_RU.questions;

/** Runs the burst on the state's workspace, after its jobs, the next morning at 10:00. */
export function runDeadline(state: BenchState, s: Scenario): DeadlineReport {
  const { ws } = state;
  const count = Math.min(s.deadlineSubmits ?? 0, state.registry.length);
  const minutes = s.deadlineMinutes ?? 10;
  const random = prng(s.seed + 19);
  const registrations = state.answers.filter((a) => a.form === 'registration');
  // The day after the measured jobs, before the next daily run.
  const now = ws.clock.now();
  const day = new Date(now.getTime() + 3 * 3600e3).toISOString().slice(0, 10);
  let t0 = new Date(`${day}T10:00:00+03:00`).getTime();
  if (t0 <= now.getTime()) t0 = now.getTime() + 60e3;
  const offsets = Array.from({ length: count }, () => random() * minutes * 60e3).sort(
    (a, b) => a - b,
  );
  const items = offsets.map((offset, i) => {
    const label = state.choices.schoolLabels[i]!;
    const own = registrations.filter((a) => a.answers[Q.school] === label).pop();
    const template = own ?? registrations[i % registrations.length]!;
    const answers: Record<string, unknown> = { ...template.answers, [Q.school]: label };
    for (const k of Object.keys(answers)) if (k.startsWith('Участник 2')) delete answers[k];
    // A new child: a name of another ОУ's registration, so the block grows by one row.
    const other = registrations[(i * 7 + 3) % registrations.length]!.answers;
    answers[Q.p1Surname] = other[Q.p1Surname];
    answers[Q.p1Name] = other[Q.p1Name];
    return {
      at: new Date(t0 + offset),
      form: FORMS_RU.titles.registration,
      answers,
      respondent: own?.respondent ?? template.respondent,
    };
  });
  const journalBefore = ws.sheetValues('Журнал').length;
  const participantsBefore = ws.sheetValues('Участники').length;
  ws.resetCosts();
  const wall = Date.now();
  const report = ws.burst(items);
  const wallMs = Date.now() - wall;
  const submits = ws.costs().executions.filter((e) => e.functionName === 'handleFormSubmit');
  const journal = ws.sheetValues('Журнал').slice(journalBefore);
  const behind = journal.filter(
    (r) =>
      r[1] === 'handleFormSubmit' &&
      (r[2] === JOURNAL_RU.outcome.queued || r[2] === JOURNAL_RU.outcome.error),
  ).length;
  const failed = submits.filter((e) => e.error).length;
  const waitForCatchUp = Math.min(count, behind + failed);
  const times = submits.map((e) => e.modelledMs).sort((a, b) => a - b);
  const calls = submits.map((e) => Object.values(e.calls).reduce((a, b) => a + b, 0));
  const maxModelledMs = times[times.length - 1] ?? 0;
  const maxWorkMs = Math.max(0, ...submits.map((e) => e.modelledMs - e.lockWaitMs));
  const goal = s.submitGoalMs ?? 1000;
  const result: DeadlineReport = {
    submits: count,
    minutes,
    executions: report.executions.length,
    placedByOwnSubmit: count - waitForCatchUp,
    waitForCatchUp,
    maxModelledMs,
    maxWorkMs,
    medianModelledMs: times[Math.floor(times.length / 2)] ?? 0,
    maxLockWaitMs: Math.max(0, ...submits.map((e) => e.lockWaitMs)),
    maxCalls: Math.max(0, ...calls),
    inParticipants: ws.sheetValues('Участники').length - participantsBefore,
    wallMs,
    targets: [],
  };
  result.targets = [
    {
      target: 'все ответы размещены своей отправкой',
      pass: result.waitForCatchUp === 0,
      actual: `${result.placedByOwnSubmit} из ${count}`,
    },
    {
      target: 'вызовов ≤ 10 у каждой отправки',
      pass: result.maxCalls <= 10,
      actual: String(result.maxCalls),
    },
    {
      target: `своё модельное время ≤ ${goal / 1000} с у каждой отправки (без ожидания блокировки)`,
      pass: maxWorkMs <= goal,
      actual: `${(maxWorkMs / 1000).toFixed(2)} с`,
    },
  ];
  return result;
}
