/**
 * Executions that overlap in modelled time (ws.burst) and the quotas on trigger executions:
 * the script lock (developers.google.com/apps-script/reference/lock/lock), simultaneous
 * executions per user and the daily trigger runtime (guides/services/quotas).
 */
import { createWorkspace } from '../src';
import { SIMULTANEOUS_ERROR, TRIGGER_RUNTIME_ERROR } from '../src/workspace';

const DEADLINE = `${__dirname}/fixtures/deadline`;
const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

function deadline(
  settings: { workMs: number; timeoutMs: number; mode: 'wait' | 'try' | 'none' },
  options: Parameters<typeof createWorkspace>[0] = {},
) {
  const ws = createWorkspace({
    now: '2021-10-15T09:00:00+03:00',
    scriptTimeFactor: 0,
    ...options,
  });
  const app = ws.loadBundle(DEADLINE);
  app.call('setup', settings);
  return { ws, app };
}

/** Submits from `n` schools, `everyMs` apart from 10:00. */
function submits(n: number, everyMs: number) {
  const start = new Date('2021-10-15T10:00:00+03:00').getTime();
  return Array.from({ length: n }, (_, i) => ({
    at: new Date(start + i * everyMs),
    form: 'Заявки',
    answers: { Школа: `Школа ${i + 1}` },
    respondent: `school${i + 1}@example.org`,
  }));
}

describe('ws.burst: form submits whose triggers overlap in modelled time', () => {
  test('each execution starts at its submit; a waitLock waits for the holder to release, so holds never overlap (lock#waitlocktimeoutinmillis)', () => {
    const { ws } = deadline({ workMs: 5_000, timeoutMs: 30_000, mode: 'wait' });
    const report = ws.burst(submits(3, 1_000));
    expect(report.submitted).toBe(3);
    expect(report.executions.map((e) => e.startedAt.toISOString())).toEqual([
      '2021-10-15T07:00:00.000Z',
      '2021-10-15T07:00:01.000Z',
      '2021-10-15T07:00:02.000Z',
    ]);
    expect(report.executions.every((e) => e.error === undefined)).toBe(true);
    expect(report.executions[0]!.lockWaitMs).toBe(0);
    expect(report.executions[1]!.lockWaitMs).toBeGreaterThan(4_000);
    expect(report.executions[2]!.lockWaitMs).toBeGreaterThan(report.executions[1]!.lockWaitMs);
    const rows = ws.sheetValues('Реестр').slice(1);
    expect(rows.map((r) => r[0])).toEqual(['Школа 1', 'Школа 2', 'Школа 3']);
    const taken = rows.map((r) => (r[1] as Date).getTime());
    // Each got the lock only after the previous one had held it for its 5 s of work.
    expect(taken[1]! - taken[0]!).toBeGreaterThanOrEqual(5_000);
    expect(taken[2]! - taken[1]!).toBeGreaterThanOrEqual(5_000);
    // The response sheet has the submits at their own times; the clock ends with the last execution.
    expect(ws.clock.now()).toEqual(report.endedAt);
    expect(report.endedAt.getTime()).toBe(
      Math.max(...report.executions.map((e) => e.endedAt.getTime())),
    );
  });

  test("past its timeout waitLock throws Google's message after waiting the whole timeout", () => {
    const { ws } = deadline({ workMs: 20_000, timeoutMs: 30_000, mode: 'wait' });
    const report = ws.burst(submits(3, 0));
    expect(report.executions.map((e) => e.error ?? 'ok')).toEqual(['ok', 'ok', LOCK_TIMEOUT]);
    expect(report.executions[2]!.lockWaitMs).toBe(30_000);
    expect(
      ws
        .sheetValues('Реестр')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Школа 1', 'Школа 2']);
    // The response itself is stored whatever the trigger did.
    expect(ws.forms()[0]!.responses).toBe(3);
  });

  test('tryLock gives false after its timeout while another execution holds the lock (lock#trylocktimeoutinmillis)', () => {
    const { ws, app } = deadline({ workMs: 10_000, timeoutMs: 2_000, mode: 'try' });
    ws.burst(submits(2, 500));
    const busy = app.project.scriptProperties.get('busy:Школа 2');
    expect(
      Number(busy) - new Date('2021-10-15T10:00:00.500+03:00').getTime(),
    ).toBeGreaterThanOrEqual(2_000);
    expect(
      ws
        .sheetValues('Реестр')
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(['Школа 1']);
  });

  test('executions that do not overlap do not wait', () => {
    const { ws } = deadline({ workMs: 1_000, timeoutMs: 30_000, mode: 'wait' });
    const report = ws.burst(submits(3, 60_000));
    expect(report.executions.map((e) => e.lockWaitMs)).toEqual([0, 0, 0]);
  });

  test(`past 30 executions running at once for one user the next does not start: "${SIMULTANEOUS_ERROR}"`, () => {
    const { ws } = deadline({ workMs: 60_000, timeoutMs: 0, mode: 'none' });
    const report = ws.burst(submits(32, 100));
    const errors = report.executions.map((e) => e.error ?? 'ok');
    expect(errors.slice(0, 30).every((e) => e === 'ok')).toBe(true);
    expect(errors.slice(30)).toEqual([SIMULTANEOUS_ERROR, SIMULTANEOUS_ERROR]);
    // All of them run as the user who installed the trigger.
    expect(new Set(report.executions.map((e) => e.user))).toEqual(
      new Set(['metodist@center.example']),
    );
  });

  test('a burst cannot start before the clock; time-driven triggers due before it fire first', () => {
    const { ws } = deadline({ workMs: 1_000, timeoutMs: 30_000, mode: 'wait' });
    expect(() =>
      ws.burst([{ at: '2021-10-15T08:00:00+03:00', form: 'Заявки', answers: { Школа: 'x' } }]),
    ).toThrow(/^emulator: the clock cannot go back/);
    expect(ws.burst([]).submitted).toBe(0);
  });

  test('deadline day: 200 submits from different schools within 10 modelled minutes', () => {
    const { ws } = deadline({ workMs: 2_000, timeoutMs: 30_000, mode: 'wait' });
    const report = ws.burst(submits(200, 3_000));
    const failed = report.executions.filter((e) => e.error);
    // 2 s of work every 3 s keeps the lock busy but never 30 s deep: nobody times out.
    expect(failed).toEqual([]);
    expect(ws.sheetValues('Реестр')).toHaveLength(201);
    expect(report.endedAt.getTime() - new Date('2021-10-15T10:00:00+03:00').getTime()).toBeLessThan(
      11 * 60_000,
    );
  });
});

describe('daily trigger runtime (guides/services/quotas: "Triggers total runtime" 90 min / 6 hr)', () => {
  test(`a consumer account's triggers stop after 90 minutes a day with "${TRIGGER_RUNTIME_ERROR}"; the next day they run again`, () => {
    const { ws } = deadline(
      { workMs: 290_000, timeoutMs: 0, mode: 'none' },
      { triggerErrors: 'record' },
    );
    // 18 submits of about 290 s use 87 of the day's 90 minutes; the 19th is stopped when the
    // 90 minutes are up, the 20th does not start.
    const report = ws.burst(submits(20, 6 * 60_000));
    expect(report.executions.slice(0, 18).every((e) => e.error === undefined)).toBe(true);
    const used = report.executions.slice(0, 18).reduce((n, e) => n + e.modelledMs, 0);
    expect(report.executions[18]).toMatchObject({
      error: TRIGGER_RUNTIME_ERROR,
      modelledMs: 90 * 60_000 - used,
    });
    expect(report.executions[19]).toMatchObject({ error: TRIGGER_RUNTIME_ERROR, modelledMs: 0 });
    ws.clock.advanceTo('2021-10-16T10:00:00+03:00');
    ws.submitForm('Заявки', { Школа: 'Завтрашняя' });
    expect(ws.costs().executions.at(-1)!.error).toBeUndefined();
  });

  test("a Workspace account's 6 hours take all of them", () => {
    const { ws } = deadline(
      { workMs: 300_000, timeoutMs: 0, mode: 'none' },
      { triggerErrors: 'record', account: 'workspace' },
    );
    const report = ws.burst(submits(20, 6 * 60_000));
    expect(report.executions.every((e) => e.error === undefined)).toBe(true);
  });

  test('the execution that crosses the limit is stopped there; direct calls do not count', () => {
    const { ws, app } = deadline(
      { workMs: 250_000, timeoutMs: 0, mode: 'none' },
      { triggerErrors: 'record', quotas: { triggerRuntimePerDayMs: 400_000 } },
    );
    app.call('big'); // a direct call of 5 minutes: not a trigger
    ws.submitForm('Заявки', { Школа: 'Первая' });
    ws.submitForm('Заявки', { Школа: 'Вторая' });
    const [first, second] = ws.costs().executions.filter((e) => e.trigger === 'ON_FORM_SUBMIT');
    expect(first!.error).toBeUndefined();
    expect(second!.error).toBe(TRIGGER_RUNTIME_ERROR);
    expect(first!.modelledMs + second!.modelledMs).toBe(400_000);
  });
});
