/**
 * Script projects bound to a spreadsheet, a document or a form, or standalone
 * (developers.google.com/apps-script/guides/bound, guides/standalone): what getActive…(),
 * getUi(), ScriptApp.getScriptId() and the document-scoped stores answer in each, and the open
 * triggers of each container (guides/triggers#onopene, guides/triggers/events).
 */
import { createWorkspace } from '../src';
import { TRIGGER_RUNTIME_ERROR } from '../src/workspace';

const ANY = `${__dirname}/fixtures/containers/any`;
const LIMITED = `${__dirname}/fixtures/containers/limited`;
const REF = 'developers.google.com/apps-script/reference';
const NOT_HERE = (service: string) => `Cannot call ${service}.getUi() from this context.`;

function workspace() {
  return createWorkspace({ scriptTimeFactor: 0 });
}

describe('a project bound to a spreadsheet', () => {
  test(`by default the master: getActiveSpreadsheet/getActive/getActiveSheet are it, SpreadsheetApp.getUi works, the others do not (${REF}/spreadsheet/spreadsheet-app#getactivespreadsheet, ${REF}/base/ui)`, () => {
    const ws = workspace();
    const app = ws.loadBundle(ANY);
    const master = ws.spreadsheet().getId();
    expect(app.call('whereAmI')).toEqual({
      spreadsheet: master,
      active: master,
      sheet: 'Лист1',
      form: null,
      document: null,
      documentProperties: true,
      documentLock: true,
      documentCache: true,
    });
    expect(app.call('uis')).toEqual({
      SpreadsheetApp: 'ok',
      DocumentApp: NOT_HERE('DocumentApp'),
      FormApp: NOT_HERE('FormApp'),
    });
  });

  test('several spreadsheets, each with its own bound project, in one workspace', () => {
    const ws = workspace();
    const north = ws.createSpreadsheet('Северный район');
    const south = ws.createSpreadsheet('Южный район');
    const northApp = ws.loadBundle(ANY, { container: { spreadsheet: north } });
    const southApp = ws.loadBundle(ANY, { container: { spreadsheet: south } });
    expect(northApp.call('whereAmI').spreadsheet).toBe(north);
    expect(southApp.call('whereAmI').spreadsheet).toBe(south);
    expect(ws.loadBundle(ANY).call('whereAmI').spreadsheet).toBe(ws.spreadsheet().getId());
    // Each script id is its own; harness reads reach any spreadsheet.
    expect(northApp.call('scriptFile').id).not.toBe(southApp.call('scriptFile').id);
    ws.spreadsheet(south).getSheets()[0]!.getRange('A1').setValue('юг');
    expect(ws.sheetValues('Лист1', south)).toEqual([['юг']]);
    expect(ws.sheetDisplayValues('Лист1', south)).toEqual([['юг']]);
  });

  test('a bound script is not a Drive file ("they do not appear in Google Drive", guides/bound)', () => {
    const ws = workspace();
    const file = ws.loadBundle(ANY).call('scriptFile');
    expect(file.id).toMatch(/^1[\w-]{43,}$/);
    expect(file.error).toMatch(
      /^Unexpected error while getting the method or property getFileById/,
    );
  });
});

describe('a project bound to a document', () => {
  test(`getActiveDocument is the document; DocumentApp.getUi works; no active spreadsheet or form (${REF}/document/document-app#getactivedocument)`, () => {
    const ws = workspace();
    const docId = ws.createDocument('Протокол');
    const app = ws.loadBundle(ANY, { container: { document: docId } });
    expect(app.call('whereAmI')).toEqual({
      spreadsheet: null,
      active: null,
      sheet: null,
      form: null,
      document: docId,
      documentProperties: true,
      documentLock: true,
      documentCache: true,
    });
    expect(app.call('uis')).toEqual({
      SpreadsheetApp: NOT_HERE('SpreadsheetApp'),
      DocumentApp: 'ok',
      FormApp: NOT_HERE('FormApp'),
    });
  });

  test('opening the document runs the simple onOpen (LIMITED, no triggerUid) and the installable one (FULL, triggerUid) (guides/triggers/events, Docs: Open)', () => {
    const ws = workspace();
    const docId = ws.createDocument('Протокол');
    const app = ws.loadBundle(ANY, { container: { document: docId } });
    app.call('installOpenTrigger');
    ws.open(docId, { user: 'teacher@school.example' });
    expect(app.call('noted', 'onOpen')).toEqual({
      authMode: 'LIMITED',
      source: docId,
      user: 'teacher@school.example',
      triggerUid: false,
      fields: ['authMode', 'source', 'user'],
    });
    expect(app.call('noted', 'openedByTrigger')).toEqual({
      authMode: 'FULL',
      source: docId,
      user: 'teacher@school.example',
      triggerUid: true,
      fields: ['authMode', 'source', 'triggerUid', 'user'],
    });
    expect(ws.menus()).toEqual([
      { title: 'Отчёты', items: [{ caption: 'Где я', functionName: 'whereAmI' }] },
    ]);
    expect(ws.triggers().map((t) => [t.type, t.source, t.sourceId])).toEqual([
      ['ON_OPEN', 'DOCUMENTS', docId],
    ]);
  });
});

describe('a project bound to a form', () => {
  test(`getActiveForm is the form (by id or title); FormApp.getUi works (${REF}/forms/form-app#getactiveform)`, () => {
    const ws = workspace();
    const formId = ws.createForm('Анкета');
    const app = ws.loadBundle(ANY, { container: { form: 'Анкета' } });
    expect(app.call('whereAmI')).toMatchObject({ spreadsheet: null, form: formId, document: null });
    expect(app.call('uis')).toEqual({
      SpreadsheetApp: NOT_HERE('SpreadsheetApp'),
      DocumentApp: NOT_HERE('DocumentApp'),
      FormApp: 'ok',
    });
    ws.open(formId);
    expect(app.call('noted', 'onOpen')).toMatchObject({ authMode: 'LIMITED', source: formId });
  });
});

describe('a standalone project', () => {
  test(`nothing is active, getUi throws everywhere, the document-scoped stores are null (${REF}/properties/properties-service#getdocumentproperties, ${REF}/lock/lock-service#getdocumentlock, ${REF}/cache/cache-service#getdocumentcache)`, () => {
    const ws = workspace();
    const app = ws.loadBundle(ANY, { container: 'standalone' });
    expect(app.call('whereAmI')).toEqual({
      spreadsheet: null,
      active: null,
      sheet: null,
      form: null,
      document: null,
      documentProperties: false,
      documentLock: false,
      documentCache: false,
    });
    expect(app.call('uis')).toEqual({
      SpreadsheetApp: NOT_HERE('SpreadsheetApp'),
      DocumentApp: NOT_HERE('DocumentApp'),
      FormApp: NOT_HERE('FormApp'),
    });
  });

  test(`ScriptApp.getScriptId is the id of its Drive file of the Apps Script MIME type (${REF}/script/script-app#getscriptid, guides/standalone)`, () => {
    const ws = workspace();
    const app = ws.loadBundle(ANY, { container: 'standalone', name: 'Сводка по городу' });
    const file = app.call('scriptFile');
    expect(file).toEqual({
      id: file.id,
      name: 'Сводка по городу',
      mimeType: 'application/vnd.google-apps.script',
    });
    expect(ws.files().find((f) => f.id === file.id)).toMatchObject({ path: '' });
  });

  test('opening a file runs no standalone script ("The script must be bound", guides/triggers#restrictions)', () => {
    const ws = workspace();
    const app = ws.loadBundle(ANY, { container: 'standalone' });
    ws.open();
    expect(app.call('noted', 'onOpen')).toBeNull();
  });
});

describe('UI and triggers', () => {
  test(`a time-driven trigger has no editor open: getUi throws even in a spreadsheet-bound project (${REF}/base/ui)`, () => {
    const ws = workspace();
    const app = ws.loadBundle(ANY);
    app.call('installHourly');
    ws.clock.advanceTo(new Date(ws.clock.now().getTime() + 3_600_000));
    expect(JSON.parse(app.project.scriptProperties.get('hourlyUi')!)).toEqual({
      SpreadsheetApp: NOT_HERE('SpreadsheetApp'),
      DocumentApp: NOT_HERE('DocumentApp'),
      FormApp: NOT_HERE('FormApp'),
    });
  });

  test('an installable open trigger for a spreadsheet gets FULL and its triggerUid; the simple one LIMITED (guides/triggers/events, Sheets: Open)', () => {
    const ws = workspace();
    const app = ws.loadBundle(ANY);
    app.call('installOpenTrigger');
    ws.open();
    expect(app.call('noted', 'onOpen')).toMatchObject({ authMode: 'LIMITED', triggerUid: false });
    expect(app.call('noted', 'openedByTrigger')).toMatchObject({
      authMode: 'FULL',
      triggerUid: true,
      user: 'metodist@center.example',
    });
    expect(ws.costs().executions.map((e) => [e.functionName, e.trigger])).toContainEqual([
      'onOpen',
      'ON_OPEN',
    ]);
  });
});

describe('edits by a user (guides/triggers#onedite, guides/triggers/events: Sheets Edit and Change)', () => {
  test('a one-cell edit gives value and oldValue (absent when the cell was empty); simple LIMITED, installable FULL with triggerUid; change triggers get EDIT', () => {
    const ws = workspace();
    const app = ws.loadBundle(ANY);
    app.call('installEditTriggers');
    ws.edit('B2', 'первое', { user: 'teacher@school.example' });
    expect(app.call('noted', 'onEdit')).toEqual({
      authMode: 'LIMITED',
      range: 'B2',
      value: 'первое',
      user: 'teacher@school.example',
      fields: ['authMode', 'range', 'source', 'user', 'value'],
    });
    ws.edit('Лист1!B2', 'второе');
    expect(app.call('noted', 'editedByTrigger')).toEqual({
      authMode: 'FULL',
      range: 'B2',
      value: 'второе',
      oldValue: 'первое',
      user: 'metodist@center.example',
      fields: ['authMode', 'oldValue', 'range', 'source', 'triggerUid', 'user', 'value'],
    });
    expect(app.call('noted', 'changed')).toEqual({
      changeType: 'EDIT',
      fields: ['authMode', 'changeType', 'source', 'triggerUid', 'user'],
    });
    expect(ws.sheetValues('Лист1')[1]).toEqual(['', 'второе']);
  });

  test('a pasted range has neither value nor oldValue; script writes fire nothing', () => {
    const ws = workspace();
    const app = ws.loadBundle(ANY);
    ws.edit('A1:B2', [
      [1, 2],
      [3, 4],
    ]);
    expect(app.call('noted', 'onEdit')).toMatchObject({
      range: 'A1:B2',
      fields: ['authMode', 'range', 'source', 'user'],
    });
    const runs = ws.costs().executions.length;
    app.call('whereAmI');
    (
      app.context as unknown as { SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }
    ).SpreadsheetApp.getActiveSheet()
      .getRange('C3')
      .setValue('by script');
    expect(
      ws
        .costs()
        .executions.map((e) => e.functionName)
        .slice(runs),
    ).toEqual(['whereAmI']);
  });
});

describe('simple trigger restrictions (guides/triggers#restrictions)', () => {
  test('they cannot use services that need authorization nor open other files, and may edit their own file', () => {
    const ws = workspace();
    const other = ws.createSpreadsheet('Чужая таблица');
    const app = ws.loadBundle(LIMITED);
    app.call('configure', other, 'no');
    ws.open();
    expect(app.call('results')).toMatchObject({
      mail: 'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
      other:
        'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    });
    expect(ws.sheetValues('Лист1')).toEqual([['opened']]);
    expect(ws.outbox()).toEqual([]);
  });

  test('they cannot run longer than 30 seconds', () => {
    const ws = createWorkspace({ scriptTimeFactor: 0, triggerErrors: 'record' });
    const app = ws.loadBundle(LIMITED);
    app.call('configure', ws.createSpreadsheet('x'), 'yes');
    ws.open();
    const run = ws.costs().executions.find((e) => e.functionName === 'onOpen')!;
    expect(run.error).toBe('Exceeded maximum execution time');
    expect(ws.sheetValues('Лист1')).toEqual([['opened']]);
  });

  test('they count against the daily trigger runtime (guides/services/quotas: "Triggers total runtime")', () => {
    const ws = createWorkspace({
      scriptTimeFactor: 0,
      triggerErrors: 'record',
      quotas: { triggerRuntimePerDayMs: 25_000 },
    });
    const app = ws.loadBundle(LIMITED);
    app.call('configure', ws.createSpreadsheet('x'), 'yes');
    ws.open();
    const runs = ws.costs().executions.filter((e) => e.functionName === 'onOpen');
    expect(runs.at(-1)!.error).toBe(TRIGGER_RUNTIME_ERROR);
    ws.open();
    // Nothing left today: the next one does not start.
    expect(ws.costs().executions.at(-1)).toMatchObject({
      error: TRIGGER_RUNTIME_ERROR,
      modelledMs: 0,
    });
  });
});
