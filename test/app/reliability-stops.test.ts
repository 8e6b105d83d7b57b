/**
 * Killed at every write (README «Надёжность»): on a generated district big enough that a submit
 * inserts and deletes rows of the grouped tabs, the execution is stopped by the 6-minute limit at
 * its Nth write (`ws.faults.stopAt`: that write is not made), for every N or a deterministic
 * sample; then a form submit and the next daily run. At the end every tab equals the same story
 * told without the stop — derived tabs, «Индекс ответов», «Почта», the letters sent and the
 * documents made — and a clean rebuildAll changes nothing: no answer lost or placed twice, no
 * letter twice, no second document. The year's close, stopped at its writes, is finished by the
 * next call without pseudonymising twice or losing the archive.
 */
import {
  addNextYearEvent,
  generatedSeason,
  madeDocuments,
  NEXT_YEAR_EVENT,
  type App,
  type Ws,
} from './harness';
import { FORMS_RU } from '../../src/i18n/ru/forms';
import { SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import type { GeneratedAnswer } from '../../scripts/district/generate';
import type { School } from '../../src/domain/model';

const T = FORMS_RU.titles;
const Q = FORMS_RU.questions;
const DERIVED = [
  'Участники',
  'Приказы',
  'Отчёты ОУ',
  'Результаты',
  'Требует проверки',
  'Индекс ответов',
];
const LIMIT = 'Exceeded maximum execution time';

/** A call that changes something (a sheet, a property, a form, Drive, a document, mail). */
function isWrite(call: string): boolean {
  const parts = call.split('.');
  const owner = parts[parts.length - 2] ?? '';
  const method = parts[parts.length - 1] ?? '';
  if (owner.endsWith('Builder') || owner === 'Lock') return false;
  return /^(set|insert|delete|clear|append|create|send|move|makeCopy|remove|add|hide|show|protect|rename|replace|batchUpdate|saveAndClose|trash|update)/.test(
    method,
  );
}

/** The writes the next executions make, in order, until `stop()` (a stop that never fires). */
function recordWrites(ws: Ws): { writes: string[]; stop: () => void } {
  const writes: string[] = [];
  ws.faults.stopAt((call) => {
    if (isWrite(call)) writes.push(call);
    return false;
  }, 1);
  return { writes, stop: () => ws.faults.clearStop() };
}

/**
 * Tabs whose times are those of runs (a run after a stop does more and ends later); «Статистика»
 * says when it was refreshed.
 */
const RUN_TIMES = new Set(['Почта']);

/** Every tab of the master but «Журнал» (its run lines differ by design), by name. */
function masterState(ws: Ws): Record<string, unknown[][]> {
  const tabs: Record<string, unknown[][]> = {};
  for (const sheet of ws.spreadsheet().getSheets()) {
    const name = sheet.getName();
    if (name === 'Журнал') continue;
    const rows = ws.sheetValues(name);
    tabs[name] = rows.map((r) =>
      r.map((c) =>
        (RUN_TIMES.has(name) && c instanceof Date) ||
        (typeof c === 'string' && c.startsWith('Обновлено: '))
          ? '(время)'
          : c,
      ),
    );
  }
  return tabs;
}

/** What went out and what was made: letters (to, subject), live documents, stored responses. */
function sideEffects(ws: Ws) {
  return {
    letters: ws
      .outbox()
      .map((m) => `${String(m.to)} | ${m.subject}`)
      .sort(),
    documents: madeDocuments(ws)
      .filter((d) => !d.trashed)
      .map((d) => `${d.folderPath}/${d.name}`)
      .sort(),
    responses: ws.forms().map((f) => `${f.title}: ${f.responses}`),
    // Spreadsheets other than the master (the year's archive), live ones, with their values.
    spreadsheets: ws
      .files()
      .filter(
        (f) =>
          f.mimeType === 'application/vnd.google-apps.spreadsheet' &&
          !f.trashed &&
          f.id !== ws.spreadsheet().getId(),
      )
      .map((f) => ({
        path: `${f.path}`,
        tabs: ws
          .spreadsheet(f.id)
          .getSheets()
          .map((sheet) => [sheet.getName(), ws.sheetValues(sheet.getName(), f.id)]),
      }))
      .sort((a, b) => (a.path < b.path ? -1 : 1)),
  };
}

/** Everything the end state is compared by. */
function endState(ws: Ws) {
  return { tabs: masterState(ws), ...sideEffects(ws) };
}

/** `n` indices of 1…total, evenly spread, with the first and last, and any of `must`. */
function sample(total: number, n: number, must: number[] = []): number[] {
  const picked = new Set<number>(must.filter((i) => i >= 1 && i <= total));
  for (let k = 0; k < n; k++) picked.add(1 + Math.round((k * (total - 1)) / Math.max(1, n - 1)));
  return [...picked].sort((a, b) => a - b);
}

/** Answers seeded into the forms at their own times, without triggers (as if none came). */
function seed(ws: Ws, answers: readonly GeneratedAnswer[]): void {
  const byForm = new Map<GeneratedAnswer['form'], GeneratedAnswer[]>();
  for (const a of answers) byForm.set(a.form, [...(byForm.get(a.form) ?? []), a]);
  for (const [form, list] of byForm) {
    ws.seedResponses(
      T[form],
      list.map((a) => ({ answers: a.answers, respondent: a.respondent, at: a.at })),
      { invalid: 'skip' },
    );
  }
}

/** The ОУ label an answer gives. */
const labelOf = (a: GeneratedAnswer): string => String(a.answers[Q.school]);

/**
 * A district of 60 ОУ on 21 November 2021 with its autumn placed by a full projection; answers
 * of ten ОУ held back (`later`) to arrive afterwards, so their blocks appear in the middle.
 */
function autumn() {
  const { ws, app, registry, answers } = generatedSeason({
    seed: 29,
    participants: 180,
    to: '2021-11-20',
    schools: 60,
    workspace: {
      now: '2021-11-21T09:00:00+03:00',
      scriptTimeFactor: 0,
      triggerErrors: 'record',
      quotas: { mailRecipientsPerDay: 1500 },
    },
  });
  // ОУ that registered someone, in order; every fifth is held back.
  const labels = [...new Set(answers.filter((a) => a.form === 'registration').map(labelOf))].sort();
  const heldBack = new Set(labels.filter((_, i) => i % 5 === 2));
  seed(
    ws,
    answers.filter((a) => !heldBack.has(labelOf(a))),
  );
  app.call('rebuildAll');
  const later = answers.filter((a) => heldBack.has(labelOf(a)));
  return { ws, app, registry, answers, later, labels };
}

type Autumn = ReturnType<typeof autumn>;

/**
 * Staff reorganise the district so that a rebuild moves answers between blocks: one ОУ merges
 * into another (its row leaves «ОУ», its name becomes the other's alias), three registration
 * rows are deleted from the response sheet, and the held-back answers came without triggers.
 */
function reorganise(d: Autumn): void {
  const { ws, registry, answers } = d;
  const counts = new Map<string, number>();
  for (const a of answers) counts.set(labelOf(a), (counts.get(labelOf(a)) ?? 0) + 1);
  const busy = registry.filter((s) => (counts.get(s.shortName) ?? 0) > 3);
  const gone = busy[1]!;
  const into = busy[busy.length - 2]!;
  const next: School[] = registry
    .filter((s) => s !== gone)
    .map((s) => (s === into ? { ...s, aliases: [...s.aliases, gone.shortName] } : s));
  const sheet = ws.spreadsheet().getSheetByName('ОУ')!;
  sheet.getRange(2, 1, registry.length, SCHOOLS_SCHEMA.columns.length).clearContent();
  sheet
    .getRange(2, 1, next.length, SCHOOLS_SCHEMA.columns.length)
    .setValues(next.map((s) => toRow(SCHOOLS_SCHEMA, s)) as never);
  const responses = ws
    .spreadsheet()
    .getSheets()
    .find((s) => s.getFormUrl() && s.getName().includes(T.registration))!;
  for (const row of [40, 25, 9]) responses.deleteRow(row);
  seed(ws, d.later);
}

/** A registration answer of the season for the ОУ `label` (the generator's own answers). */
function registrationOf(d: Autumn, label: string): Record<string, string | string[]> {
  const a = d.answers.find((x) => x.form === 'registration' && labelOf(x) === label);
  if (!a) throw new Error(`no registration of ${label}`);
  return { ...a.answers, [Q.p1Surname]: 'Стопова', [Q.p1Name]: 'Алиса' };
}

/** The next morning: the daily trigger at 07:00 and whatever it starts. */
function nextMorning(ws: Ws): void {
  const day = new Date(ws.clock.now().getTime() + 24 * 3600 * 1000 + 3 * 3600 * 1000);
  ws.clock.advanceTo(`${day.toISOString().slice(0, 10)}T07:30:00+03:00`);
}

/** rebuildAll changes nothing in the derived tabs and the index. */
function expectRebuildChangesNothing(ws: Ws, app: App): void {
  const before = Object.fromEntries(DERIVED.map((t) => [t, ws.sheetValues(t)]));
  app.call('rebuildAll');
  for (const tab of DERIVED) {
    expect({ tab, rows: ws.sheetValues(tab) }).toEqual({ tab, rows: before[tab] });
  }
}

/**
 * Plays `story` once to learn its writes and the end state, then again with the first step
 * stopped at each sampled write; each time the end state must be the same.
 */
function stoppedAtEveryWrite(
  build: () => { ws: Ws; app: App },
  story: {
    stopped: (ws: Ws, app: App) => void;
    after: ((ws: Ws, app: App) => void)[];
    /** Whether each later step must already find the derived tabs as the clean story has them. */
    eachStep?: boolean;
  },
  pick: (writes: string[]) => number[],
): { total: number; tried: number } {
  const clean = build();
  const recorder = recordWrites(clean.ws);
  story.stopped(clean.ws, clean.app);
  recorder.stop();
  const writes = recorder.writes;
  const derivedAfter: Record<string, unknown[][]>[] = [];
  for (const step of story.after) {
    step(clean.ws, clean.app);
    derivedAfter.push(Object.fromEntries(DERIVED.map((t) => [t, clean.ws.sheetValues(t)])));
  }
  const expected = endState(clean.ws);
  const sampled = pick(writes);
  expectRebuildChangesNothing(clean.ws, clean.app);
  for (const n of sampled) {
    const { ws, app } = build();
    const stop = ws.faults.stopAt(isWrite, n);
    let error = 'no error';
    try {
      story.stopped(ws, app);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    ws.faults.clearStop();
    // A trigger's failure is recorded, not thrown: the execution's record says it was killed.
    const killed = ws.costs().executions.some((e) => e.error === LIMIT);
    expect({ n, write: writes[n - 1], killed, error }).toEqual({
      n,
      write: stop.stopped?.call,
      killed: true,
      error: error === 'no error' ? 'no error' : LIMIT,
    });
    // Each later step already finds the tabs as the clean story has them.
    story.after.forEach((step, i) => {
      step(ws, app);
      if (story.eachStep === false) return;
      for (const tab of DERIVED) {
        expect({ n, write: writes[n - 1], step: i, tab, rows: ws.sheetValues(tab) }).toEqual({
          n,
          write: writes[n - 1],
          step: i,
          tab,
          rows: derivedAfter[i]![tab],
        });
      }
    });
    const got = endState(ws);
    for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
      if (key === 'tabs') {
        for (const tab of Object.keys({ ...expected.tabs, ...got.tabs })) {
          expect({ n, write: writes[n - 1], tab, rows: got.tabs[tab] }).toEqual({
            n,
            write: writes[n - 1],
            tab,
            rows: expected.tabs[tab],
          });
        }
      } else {
        expect({ n, write: writes[n - 1], key, value: got[key] }).toEqual({
          n,
          write: writes[n - 1],
          key,
          value: expected[key],
        });
      }
    }
    expectRebuildChangesNothing(ws, app);
  }
  return { total: writes.length, tried: sampled.length };
}

describe('killed at every write', () => {
  test('rebuildAll after a reorganisation (blocks merge, shrink and appear), stopped at each write; then a submit and the daily run', () => {
    let d: Autumn | undefined;
    const build = () => {
      d = autumn();
      reorganise(d);
      return d;
    };
    const first = autumn();
    const before = first.ws.sheetValues('Участники');
    reorganise(first);
    first.app.call('rebuildAll');
    // The rebuild really moves blocks: rows of some ОУ come and go in the middle of the tab.
    const keysOf = (rows: unknown[][]) => rows.slice(1).map((r) => String(r[0]));
    expect(keysOf(first.ws.sheetValues('Участники'))).not.toEqual(keysOf(before));
    const { total, tried } = stoppedAtEveryWrite(
      build,
      {
        stopped: (_ws, app) => app.call('rebuildAll'),
        after: [
          (ws) => {
            // A killed run takes its six minutes: the story goes on at the same hour either way.
            ws.clock.advanceTo('2021-11-21T10:00:00+03:00');
            ws.submitForm(T.registration, registrationOf(d!, d!.labels[3]!));
          },
          nextMorning,
        ],
      },
      (writes) => writes.map((_, i) => i + 1),
    );
    expect(total).toBeGreaterThan(5);
    expect(tried).toBe(total);
  });

  test('a submit that inserts a new ОУ block, or grows a block, stopped at each write; then another submit and the daily run', () => {
    for (const grow of [false, true]) {
      let d: Autumn | undefined;
      const build = () => (d = autumn());
      const { total, tried } = stoppedAtEveryWrite(
        build,
        {
          stopped: (ws) => {
            ws.clock.advanceTo('2021-11-21T09:30:00+03:00');
            // A held-back ОУ has no block yet; a placed one has.
            const label = grow ? d!.labels[3]! : d!.labels[7]!;
            ws.submitForm(T.registration, registrationOf(d!, label));
          },
          after: [
            (ws) => {
              ws.clock.advanceTo('2021-11-21T10:00:00+03:00');
              ws.submitForm(T.registration, registrationOf(d!, d!.labels[10]!));
            },
            nextMorning,
          ],
        },
        (writes) => writes.map((_, i) => i + 1),
      );
      expect({ grow, tried }).toEqual({ grow, tried: total });
      expect(total).toBeGreaterThan(1);
    }
  });

  test('the year’s close stopped at its writes is finished by the next call (or the daily run): pseudonymised once, one archive, one annual note', () => {
    const { total, tried } = stoppedAtEveryWrite(
      juneDistrict,
      {
        stopped: (_ws, app) => {
          app.call('closeSchoolYear', YEAR, true);
        },
        after: [
          (ws) => {
            ws.clock.advanceTo('2022-06-02T12:00:00+03:00');
            registerForNewYear(ws);
          },
          nextMorning,
          (_ws, app) => {
            for (let call = 0; call < 3; call++) {
              const answer = app.call('closeSchoolYear', YEAR, true) as { closed: boolean };
              if (answer.closed) break;
            }
          },
        ],
        eachStep: false,
      },
      (writes) => {
        // Hundreds of writes (the annual note is a document): a few spread over the close, and
        // the ones where it hands over — the archive moved into its folder and filled, each step
        // recorded, the names replaced in the response sheets, the forms' responses deleted.
        const first = (call: string, from = 0): number => writes.indexOf(call, from) + 1;
        const recorded = first('Properties.setProperties');
        const noteRecorded = first('Properties.setProperties', recorded);
        return sample(writes.length, 4, [
          first('File.moveTo'),
          first('File.moveTo') + 5,
          recorded,
          noteRecorded,
          noteRecorded + 1,
          first('Form.deleteAllResponses'),
          first('Range.clearContent', noteRecorded),
        ]);
      },
    );
    expect(total).toBeGreaterThan(50);
    expect(tried).toBeGreaterThanOrEqual(8);
  });
});

const YEAR = '2021/2022';
const NEW_EVENT = NEXT_YEAR_EVENT;

/**
 * A district of 40 ОУ on 2 June 2022: its year answered and placed, the notes of September to May
 * made, next year's first event in «Мероприятия» — ready to close.
 */
function juneDistrict() {
  const { ws, app, answers } = generatedSeason({
    seed: 31,
    participants: 90,
    to: '2022-05-25',
    schools: 40,
    workspace: {
      now: '2022-06-02T09:00:00+03:00',
      scriptTimeFactor: 0,
      triggerErrors: 'record',
      quotas: { mailRecipientsPerDay: 1500 },
    },
  });
  seed(ws, answers);
  app.call('rebuildAll');
  for (const month of ['09', '10', '11', '12']) app.call('generateMonthlyNote', `2021-${month}`);
  for (const month of ['01', '02', '03', '04', '05'])
    app.call('generateMonthlyNote', `2022-${month}`);
  addNextYearEvent(ws, app);
  return { ws, app };
}

/** A school registers a child for next year's event (its name stays through the close). */
function registerForNewYear(ws: Ws): void {
  const items = ws.forms().find((f) => f.title === T.registration)!.items;
  const school = items.find((i) => i.title === Q.school)!.choices[0]!;
  ws.submitForm(T.registration, {
    [Q.school]: school,
    [Q.event]: NEW_EVENT,
    [Q.competency]: 'Мобильная робототехника',
    [Q.ageCategory]: '10+',
    [Q.p1Surname]: 'Сентябрёва',
    [Q.p1Name]: 'Злата',
    [Q.p1Class]: '5А',
    [Q.mentorName]: 'Осенняя Вера Павловна',
    [Q.mentorEmail]: 'osen@school.example',
    [Q.consent]: ['Да, согласие получено'],
  });
}
