/**
 * A season under fire (issue 17, «Done when»): a few hundred mixed answers from the generator,
 * with faults injected at random service calls, random busy locks, random staff edits (a tab
 * renamed, a question renamed, a derived row deleted, a tab sorted), results confirmed by staff,
 * and a few triggers Google never delivered. After the next daily run every raw answer is placed
 * or flagged exactly once, the confirmations are intact, and rebuildAll changes nothing.
 */
import { generatedSeason, type Ws } from './harness';
import { prng } from '../../scripts/district/generate';
import { FORMS_RU } from '../../src/i18n/ru/forms';
import { matchKey } from '../../src/domain/text/clean';

const DERIVED = ['Участники', 'Приказы', 'Отчёты ОУ', 'Результаты', 'Требует проверки'];
/** Service calls a submit or a daily run makes; one of them fails now and then. */
const FAULTS = [
  'Range.setValues',
  'Range.getValues',
  'Sheet.getDataRange',
  'Spreadsheet.getSheetById',
  'Properties.setProperty',
  'Properties.getProperties',
  'Sheet.insertRowsBefore',
  'Sheet.deleteRows',
  'Range.clearContent',
  'MailApp.sendEmail',
  'DocumentApp.create',
];
const TITLES = FORMS_RU.titles;

test('a season with faults, busy locks, staff edits and dropped triggers: nothing lost, nothing twice', () => {
  const random = prng(17);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const { ws, app, answers } = generatedSeason({
    seed: 17,
    participants: 320,
    to: '2021-11-20',
    workspace: { quotas: { mailRecipientsPerDay: 1500 }, triggerErrors: 'record' },
  });
  expect(answers.length).toBeGreaterThan(250);

  const g = app.context as unknown as {
    FormApp: GoogleAppsScript.Forms.FormApp;
    PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  };
  tabIds = () =>
    JSON.parse(
      g.PropertiesService.getDocumentProperties().getProperty('tabs.ids') ?? '{}',
    ) as Record<string, number>;
  const formId = (title: string) => ws.forms().find((f) => f.title === title)!.id;
  /** Questions staff renamed: form title → canonical title → the title respondents now see. */
  const renamed = new Map<string, Map<string, string>>();
  const confirmed = new Set<string>();
  const counts = { faults: 0, busy: 0, dropped: 0, edits: 0, submitted: 0 };

  const staffEdit = (): void => {
    const ss = ws.spreadsheet();
    const kind = Math.floor(random() * 4);
    counts.edits++;
    if (kind === 0) {
      // Rename a tab — a derived one, a staff one or a response sheet.
      const sheets = ss.getSheets().filter((s) => !s.isSheetHidden());
      const sheet = pick(sheets);
      sheet.setName(`${sheet.getName().slice(0, 40)} ${counts.edits}`);
    } else if (kind === 1) {
      // Rename a question of a form (not the ОУ question: the generator's answers need it).
      const title = pick([TITLES.registration, TITLES.report, TITLES.results]);
      const form = g.FormApp.openById(formId(title));
      const items = form
        .getItems()
        .filter(
          (i) =>
            i.getTitle() !== FORMS_RU.questions.school && i.getType().toString() !== 'FILE_UPLOAD',
        );
      const item = pick(items);
      const before = item.getTitle();
      const after = `${before} (уточнено ${counts.edits})`;
      item.setTitle(after);
      const map = renamed.get(title) ?? new Map<string, string>();
      const canonical = [...map.entries()].find(([, now]) => now === before)?.[0] ?? before;
      map.set(canonical, after);
      renamed.set(title, map);
    } else if (kind === 2 || kind === 3) {
      // Delete a derived row, or sort a derived tab by hand (rows reversed).
      const sheet = ss.getSheetById(idOf(ws, pick(DERIVED.slice(0, 4))))!;
      const last = sheet.getLastRow();
      if (last < 3) return;
      if (kind === 2) {
        const row = 2 + Math.floor(random() * (last - 1));
        // A confirmed row deleted by staff takes its tick with it (README says so).
        const values = sheet.getRange(row, 1, 1, sheet.getLastColumn()).getValues()[0]!;
        for (const key of [...confirmed]) {
          if (values.map(String).join('|').includes(key.split('|')[0]!)) confirmed.delete(key);
        }
        sheet.deleteRow(row);
      } else {
        const body = sheet.getRange(2, 1, last - 1, sheet.getLastColumn());
        body.setValues(body.getValues().reverse());
      }
    }
  };

  const confirmResult = (): void => {
    {
      const ss = ws.spreadsheet();
      const sheet = ss.getSheetById(idOf(ws, 'Результаты'))!;
      const values = sheet.getDataRange().getValues();
      if (values.length < 2) return;
      const head = values[0]!;
      const row = 1 + Math.floor(random() * (values.length - 1));
      const id = String(values[row]![head.indexOf('ID участника')]);
      if (!id) return;
      sheet.getRange(row + 1, head.indexOf('Подтверждено') + 1).setValue(true);
      confirmed.add(`${id}|${values[row]![head.indexOf('Мероприятие')]}`);
    }
  };

  for (const answer of answers) {
    // Executions move the clock too: answers of the same minute follow the last one.
    if (new Date(answer.at) > ws.clock.now()) ws.clock.advanceTo(answer.at);
    const title = TITLES[answer.form];
    const map = renamed.get(title);
    const typed: Record<string, string | string[]> = {};
    for (const [question, value] of Object.entries(answer.answers)) {
      typed[map?.get(question) ?? question] = value;
    }
    const roll = random();
    const busy = roll < 0.06;
    const dropped = roll >= 0.06 && roll < 0.09;
    if (roll >= 0.09 && roll < 0.2) {
      ws.faults.fail(pick(FAULTS), { times: 1, error: 'Service unavailable: injected' });
      counts.faults++;
    }
    if (busy) counts.busy++;
    if (dropped) counts.dropped++;
    ws.lockHeldElsewhere(busy);
    try {
      ws.submitForm(title, typed, { respondent: answer.respondent, deliver: !dropped });
      counts.submitted++;
    } catch {
      // Google Forms itself refuses it (a required question left empty by the generator)
    }
    ws.lockHeldElsewhere(false);
    if (answer.form === 'results' && random() < 0.4) {
      try {
        confirmResult();
      } catch {
        // a pending fault met the staff member's own edit: it did not happen
      }
    }
    if (random() < 0.06) {
      try {
        staffEdit();
      } catch {
        // a pending fault met the staff member's own edit: it did not happen
      }
    }
  }
  expect(counts).toMatchObject({
    faults: expect.any(Number),
    busy: expect.any(Number),
    dropped: expect.any(Number),
  });
  expect(counts.faults).toBeGreaterThan(10);
  expect(counts.busy).toBeGreaterThan(5);
  expect(counts.dropped).toBeGreaterThan(3);
  expect(counts.edits).toBeGreaterThan(5);

  // Whatever fault is still pending is spent; then the next daily run.
  for (const call of FAULTS) ws.faults.fail(call, { times: 0 });
  const day = new Date(ws.clock.now().getTime() + 24 * 3600 * 1000);
  ws.clock.advanceTo(`${day.toISOString().slice(0, 10)}T07:00:00+03:00`);

  // Every raw answer is placed or flagged, and none twice.
  const sources = new Map<string, number>();
  for (const tab of DERIVED.slice(0, 4)) {
    const [head = [], ...rows] = ws.sheetValues(nameOf(ws, tab));
    const at = head.indexOf('Ответ-источник');
    for (const row of rows) {
      const id = String(row[at]);
      sources.set(`${tab}|${id}`, (sources.get(`${tab}|${id}`) ?? 0) + 1);
    }
  }
  const [qHead = [], ...qRows] = ws.sheetValues(nameOf(ws, 'Требует проверки'));
  const flagged = new Set(qRows.map((r) => String(r[qHead.indexOf('Ответ-источник')])));
  const participants = ws.sheetValues(nameOf(ws, 'Участники'));
  const children = new Set(participants.slice(1).map((r) => `${matchKey(r[1])}|${matchKey(r[2])}`));
  const placedOnce = (tab: string, id: string, most: number): boolean => {
    const n = sources.get(`${tab}|${id}`) ?? 0;
    return n >= 1 && n <= most;
  };
  const prefixes: Record<string, [string, string, number]> = {
    registration: ['REG', 'Участники', 2],
    order: ['ORD', 'Приказы', 1],
    report: ['REP', 'Отчёты ОУ', 1],
    results: ['RES', 'Результаты', 1],
  };
  let checked = 0;
  for (const form of ws.forms()) {
    const kind = (Object.keys(TITLES) as (keyof typeof TITLES)[]).find(
      (k) => TITLES[k] === form.title,
    )!;
    const [prefix, tab, most] = prefixes[kind]!;
    const sheet = ws.spreadsheet().getSheetById(idOf(ws, `responses.${kind}`))!;
    const raw = sheet.getDataRange().getValues();
    const head = raw[0]!.map(String);
    raw.slice(1).forEach((row, i) => {
      if (row.every((c) => c === '')) return;
      const id = `${prefix}-${i + 2}`;
      checked++;
      if (flagged.has(id)) return;
      if ((sources.get(`${tab}|${id}`) ?? 0) > most) throw new Error(`${id} placed twice`);
      if (placedOnce(tab, id, most)) return;
      // A repeated registration is merged into the child's earlier row; a newer report or
      // result of the same key replaces an older one.
      if (kind === 'registration') {
        const surname = row[head.findIndex((h) => h.startsWith('Участник 1: фамилия'))];
        const name = row[head.findIndex((h) => h.startsWith('Участник 1: имя'))];
        if (children.has(`${matchKey(surname)}|${matchKey(name)}`)) return;
      }
      if (kind !== 'registration') return; // replaced by a later answer of the same key
      throw new Error(`${id} is neither placed nor flagged`);
    });
  }
  expect(checked).toBeGreaterThan(200);
  expect(confirmed.size).toBeGreaterThan(2);

  // Confirmations intact.
  const [rHead = [], ...rRows] = ws.sheetValues(nameOf(ws, 'Результаты'));
  for (const key of confirmed) {
    const row = rRows.find(
      (r) => `${r[rHead.indexOf('ID участника')]}|${r[rHead.indexOf('Мероприятие')]}` === key,
    );
    if (!row) continue;
    // Unconfirmed only when the school changed the answer since: then it says so in the queue.
    const source = String(row[rHead.indexOf('Ответ-источник')]);
    const changed = qRows.some(
      (q) =>
        String(q[qHead.indexOf('Ответ-источник')]) === source &&
        String(q[qHead.indexOf('Проблема')]).includes('изменён после подтверждения'),
    );
    const state = row[rHead.indexOf('Подтверждено')] === true || changed;
    expect({ key, state }).toEqual({ key, state: true });
  }

  // rebuildAll equals the incremental state.
  const incremental = Object.fromEntries(DERIVED.map((t) => [t, ws.sheetValues(nameOf(ws, t))]));
  app.call('rebuildAll');
  for (const tab of DERIVED) {
    expect({ tab, rows: ws.sheetValues(nameOf(ws, tab)) }).toEqual({ tab, rows: incremental[tab] });
  }
});

let tabIds: () => Record<string, number> = () => ({});

/** The recorded sheet id of a tab (staff may have renamed it). */
function idOf(_ws: Ws, name: string): number {
  const id = tabIds()[name];
  if (id === undefined) throw new Error(`no recorded id for ${name}`);
  return id;
}

function nameOf(ws: Ws, tab: string): string {
  return ws.spreadsheet().getSheetById(idOf(ws, tab))!.getName();
}
