/**
 * End to end: a plain Apps Script project (fixtures/plain-script/Code.js) on the emulator —
 * form-submit and time-driven triggers, the 6-minute limit, locks, faults and costs.
 */
import { createWorkspace } from '../src';

const FIXTURE = `${__dirname}/fixtures/plain-script`;

/** A workspace whose modelled time comes from service calls alone (deterministic clock). */
function started() {
  const ws = createWorkspace({
    now: '2021-09-01T09:00:00+03:00',
    timeZone: 'Europe/Moscow',
    scriptTimeFactor: 0,
  });
  const app = ws.loadBundle(FIXTURE);
  app.call('setup');
  return { ws, app };
}

test('the bundle context has only Apps Script services; Date follows the clock; instanceof works across the boundary', () => {
  const { ws, app } = started();
  ws.spreadsheet().getSheetByName('Журнал')!.getRange('A2').setValue(new Date());
  const before = ws.clock.now().getTime();
  const r = app.call('checkRealm');
  // Date.now() inside the script is the execution's start plus the modelled time spent so far:
  // getActiveSpreadsheet, getSheetByName, getRange 10 ms each, getValues 40 + 2 cells,
  // getActiveSpreadsheet 10, the failed insertSheet 1000.
  expect(r).toEqual({
    dateIsDate: true,
    now: Math.floor(before + 10 + 10 + 10 + 40.02 + 10 + 1000),
    arrayIsArray: true,
    cellDate: true,
    errorIsError: true,
    errorMessage: 'A sheet with the name "Журнал" already exists. Please enter another name.',
    noRequire: true,
    noNode: true,
  });
  expect(app.has('setup')).toBe(true);
  expect(app.has('nothing')).toBe(false);
});

test('a form submit fires the installable spreadsheet trigger with the documented event (guides/triggers/events#form-submit)', () => {
  const { ws } = started();
  ws.submitForm('Регистрация', {
    Фамилия: 'Иванова',
    Школа: 'Школа 1',
    Компетенции: ['Кулинария', 'Дизайн'],
  });
  const log = ws.sheetValues('Журнал');
  expect(log[1]!.slice(1)).toEqual(['submit Иванова', 4]);
  expect(ws.sheetValues('Ответы на форму (1)')[1]!.slice(1)).toEqual([
    'Иванова',
    'Школа 1',
    'Кулинария, Дизайн',
  ]);
});

test('the same submit delivered twice reaches the handler twice (fireDuplicateLastSubmit)', () => {
  const { ws } = started();
  ws.submitForm('Регистрация', { Фамилия: 'Петров' });
  ws.fireDuplicateLastSubmit();
  expect(ws.sheetValues('Журнал').filter((r) => r[1] === 'submit Петров')).toHaveLength(2);
});

test('setup run twice installs its triggers once', () => {
  const { ws, app } = started();
  app.call('setup');
  expect(ws.triggers().map((t) => [t.handler, t.type, t.source])).toEqual([
    ['onSubmit', 'ON_FORM_SUBMIT', 'SPREADSHEET'],
    ['daily', 'CLOCK', 'CLOCK'],
  ]);
  expect(ws.triggers()[1]!.schedule).toBe(
    'everyDays(1) atHour(6) nearMinute(0) inTimezone(Europe/Moscow)',
  );
});

test('advanceTo fires each due daily trigger at its time, in order, as its own execution (clock-trigger-builder#athourhour)', () => {
  const { ws } = started();
  ws.resetCosts();
  ws.clock.advanceTo('2021-09-03T12:00:00+03:00');
  const log = ws.sheetValues('Журнал').slice(1);
  // `new Date()` in the handler comes after getActiveSpreadsheet and getSheetByName (10 ms each).
  expect(log.map((r) => r[0])).toEqual([
    new Date('2021-09-02T06:00:00.020+03:00'),
    new Date('2021-09-03T06:00:00.020+03:00'),
  ]);
  expect(log[0]![1]).toBe('daily 3 UTC');
  expect(ws.costs().executions.map((e) => [e.functionName, e.trigger])).toEqual([
    ['daily', 'CLOCK'],
    ['daily', 'CLOCK'],
  ]);
  expect(ws.clock.now()).toEqual(new Date('2021-09-03T12:00:00+03:00'));
});

test('the clock never goes back: advanceTo an earlier time throws, the same time is a no-op', () => {
  const { ws } = started();
  const now = ws.clock.now();
  expect(() => ws.clock.advanceTo(new Date(now.getTime() - 1))).toThrow(
    /^emulator: the clock cannot go back to /,
  );
  expect(() => ws.clock.advanceTo(now)).not.toThrow();
  expect(ws.clock.now()).toEqual(now);
});

test('an execution past 6 minutes of modelled time fails with "Exceeded maximum execution time", even if the script catches', () => {
  const { ws, app } = started();
  expect(() => app.call('slowJob')).toThrow('Exceeded maximum execution time');
  const last = ws.costs().executions.at(-1)!;
  expect(last.error).toBe('Exceeded maximum execution time');
  // Stopped when its 6 minutes are up, not after the call that passed them.
  expect(last.modelledMs).toBe(360_000);
});

test('faults.stopAt kills the execution at the nth matching call as the time limit would: that call is not made, catching does not help', () => {
  const { ws, app } = started();
  const stop = ws.faults.stopAt(['Range.setValue'], 3);
  expect(stop.stopped).toBeNull();
  expect(() => app.call('slowJob')).toThrow('Exceeded maximum execution time');
  const last = ws.costs().executions.at(-1)!;
  expect(last.error).toBe('Exceeded maximum execution time');
  expect(last.modelledMs).toBe(360_000);
  // Two setValue calls made (0, then 1); the third is where the time ran out.
  expect(last.calls['Range.setValue']).toBe(2);
  expect(ws.sheetValues('Журнал')[0]![0]).toBe(1);
  expect(stop.stopped).toEqual({ call: 'Range.setValue', functionName: 'slowJob' });
  // Spent: the next execution runs; a predicate counts too, and clearStop disarms.
  ws.faults.stopAt((call) => call.startsWith('Sheet.append'), 1);
  ws.faults.clearStop();
  expect(() => ws.submitForm('Регистрация', { Фамилия: 'Г' })).not.toThrow();
  expect(() => ws.faults.stopAt(['Range.setValue'], 0)).toThrow(/nth/);
});

test('with the lock held elsewhere the trigger handler fails; recorded, and thrown by default', () => {
  const { ws } = started();
  ws.lockHeldElsewhere(true);
  expect(() => ws.submitForm('Регистрация', { Фамилия: 'Сидоров' })).toThrow('busy');
  expect(ws.costs().executions.at(-1)!.error).toBe('busy');
  // The response itself is stored: the form accepted it before the trigger ran.
  expect(ws.sheetValues('Ответы на форму (1)')).toHaveLength(2);
});

test("triggerErrors: 'record' keeps going like Google (the failure is only logged)", () => {
  const ws = createWorkspace({ triggerErrors: 'record' });
  ws.loadBundle(FIXTURE).call('setup');
  ws.lockHeldElsewhere(true);
  expect(() => ws.submitForm('Регистрация', { Фамилия: 'Сидоров' })).not.toThrow();
  expect(ws.costs().executions.at(-1)!.error).toBe('busy');
});

test('fault injection makes the next calls of a service fail with the given error', () => {
  const { ws, app } = started();
  ws.faults.fail('Sheet.appendRow', { times: 1, error: 'Service Spreadsheets failed' });
  expect(() => ws.submitForm('Регистрация', { Фамилия: 'А' })).toThrow(
    'Service Spreadsheets failed',
  );
  ws.submitForm('Регистрация', { Фамилия: 'Б' });
  expect(ws.sheetValues('Журнал').map((r) => r[1])).toEqual(['Что', 'submit Б']);
  expect(app.has('onSubmit')).toBe(true);
});

test('costs are counted per execution with the modelled table (core/costs.ts)', () => {
  const { ws } = started();
  ws.resetCosts();
  ws.submitForm('Регистрация', { Фамилия: 'В' });
  const [execution] = ws.costs().executions;
  expect(execution!.functionName).toBe('onSubmit');
  expect(execution!.calls['Sheet.appendRow']).toBe(1);
  expect(execution!.calls['Lock.tryLock']).toBe(1);
  // tryLock 20 + appendRow 60 + getActiveSpreadsheet, getSheetByName, releaseLock 10 each.
  expect(execution!.modelledMs).toBe(110);
  expect(ws.costs().calls['Sheet.appendRow']).toBe(1);
});

test('the clock runs inside an execution: a job that loops until 300 s of modelled work stops by its own budget', () => {
  const { ws, app } = started();
  const before = ws.clock.now().getTime();
  const r = app.call('budgetedJob', 300_000) as {
    done: number;
    elapsed: number;
    startedAt: number;
  };
  // getActiveSpreadsheet and getSheetByName take 20 ms of the budget, then each round is
  // getRange (10 ms) + setValue (5 ms): ceil(299,980 / 15) = 19,999 rounds.
  expect(r.done).toBe(19_999);
  expect(r.elapsed).toBeGreaterThanOrEqual(300_000);
  expect(r.startedAt).toBe(before);
  const run = ws.costs().executions.at(-1)!;
  expect(run.error).toBeUndefined();
  expect(run.modelledMs).toBeLessThan(360_000);
  // The next execution (and every trigger) sees the later time.
  expect(ws.clock.now().getTime()).toBe(before + run.modelledMs);
  const next = app.call('checkRealm') as { now: number };
  expect(next.now).toBeGreaterThan(before + 300_000);
});

test("the script's own computing counts as modelled time (CPU time × scriptTimeFactor), apart from service time", () => {
  const ws = createWorkspace({ scriptTimeFactor: 2 });
  const app = ws.loadBundle(FIXTURE);
  app.call('spin', 30_000_000);
  const [run] = ws.costs().executions;
  expect(run!.serviceMs).toBe(0);
  expect(run!.scriptMs).toBeGreaterThan(10);
  expect(run!.modelledMs).toBe(run!.scriptMs);
  // Service calls are not counted as the script's time: a service-heavy, compute-light job
  // has far less script time than service time.
  ws.resetCosts();
  app.call('setup');
  const setup = ws.costs().executions[0]!;
  expect(setup.serviceMs).toBeGreaterThan(1000);
  expect(setup.scriptMs).toBeLessThan(setup.serviceMs / 10);
  expect(ws.costs().modelledMs).toBeCloseTo(setup.serviceMs + setup.scriptMs, 6);
});

test('a factor of 0 leaves the script out (deterministic modelled time)', () => {
  const ws = createWorkspace({ scriptTimeFactor: 0 });
  const app = ws.loadBundle(FIXTURE);
  app.call('spin', 30_000_000);
  expect(ws.costs().executions[0]!.modelledMs).toBe(0);
});

test('each loadBundle is its own project: triggers run their handler in the project that created them', () => {
  const { ws } = started();
  const second = ws.loadBundle(FIXTURE);
  expect(second.call('hashOf', 'abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0=');
  const scriptApp = (second.context as unknown as { ScriptApp: GoogleAppsScript.Script.ScriptApp })
    .ScriptApp;
  expect(scriptApp.getProjectTriggers()).toHaveLength(0);
  ws.submitForm('Регистрация', { Фамилия: 'Г' });
  expect(ws.costs().executions.at(-1)!.project).toBe(ws.costs().executions[0]!.project);
});

test("getProjectTriggers lists only the current user's triggers; triggers run as their owner (reference/script/script-app#getprojecttriggers)", () => {
  const { ws, app } = started();
  expect(ws.triggers().map((t) => t.owner)).toEqual([
    'metodist@center.example',
    'metodist@center.example',
  ]);
  const scriptApp = (app.context as unknown as { ScriptApp: GoogleAppsScript.Script.ScriptApp })
    .ScriptApp;
  ws.actAs('deputy@center.example');
  expect(scriptApp.getProjectTriggers()).toHaveLength(0);
  // setup() does not see the first user's triggers, so it installs its own.
  app.call('setup');
  expect(ws.triggers()).toHaveLength(4);
  const own = scriptApp.getProjectTriggers();
  expect(own).toHaveLength(2);
  for (const t of own) scriptApp.deleteTrigger(t);
  expect(ws.triggers().map((t) => t.owner)).toEqual([
    'metodist@center.example',
    'metodist@center.example',
  ]);
  ws.actAs('metodist@center.example');
  expect(scriptApp.getProjectTriggers().map((t) => t.getHandlerFunction())).toEqual([
    'onSubmit',
    'daily',
  ]);
});
