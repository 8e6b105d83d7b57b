/**
 * Every built-in global service and enum of Apps Script is present in the bundle's context
 * (developers.google.com/apps-script/reference): what the emulator implements works, what it
 * does not throws "emulator: X.y is not implemented" — never a ReferenceError or TypeError.
 */
import * as vm from 'vm';
import { createWorkspace } from '../src';
import { appsScriptGlobalNames } from '../src/core/globals';

const FIXTURE = `${__dirname}/fixtures/globals-script`;

function load() {
  const ws = createWorkspace();
  const app = ws.loadBundle(FIXTURE);
  return { ws, app };
}

test('every built-in global exists; retired services do not (reference/base/mime-type, drive/access, spreadsheet/dimension)', () => {
  const { app } = load();
  const r = app.call('survey');
  expect(r).toEqual({
    mimePdf: 'application/pdf',
    mimeSheets: 'application/vnd.google-apps.spreadsheet',
    access: 'ANYONE_WITH_LINK',
    permission: 'VIEW',
    dimension: 'ROWS',
    copyPaste: 'PASTE_VALUES',
    sameEnum: true,
    browserType: 'object',
    contentMime: 'JSON',
    types: Array(8).fill('object'),
    retired: Array(5).fill('undefined'),
  });
  const context = app.context as unknown as Record<string, unknown>;
  for (const name of appsScriptGlobalNames()) expect(typeof context[name]).toBe('object');
  expect(appsScriptGlobalNames()).toEqual(
    expect.arrayContaining(['UrlFetchApp', 'MimeType', 'Browser', 'XmlService', 'CardService']),
  );
});

test('a service the emulator does not implement throws its own message naming the call', () => {
  const { app } = load();
  expect(() => app.call('calendar')).toThrow(
    'emulator: CalendarApp.getDefaultCalendar is not implemented',
  );
});

test('UrlFetchApp: no network unless a test registers the URL; HTTP errors as Google reports them (url-fetch-app#fetchurl,-params)', () => {
  const { ws, app } = load();
  expect(() => app.call('fetchJson', 'https://api.example.org/x')).toThrow(
    /no network in the emulator.*https:\/\/api\.example\.org\/x/,
  );
  ws.fakeUrl('https://api.example.org/x', {
    body: '{"ok":true}',
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
  expect(app.call('fetchJson', 'https://api.example.org/x')).toEqual({
    code: 200,
    text: '{"ok":true}',
    type: 'application/json',
  });
  ws.fakeUrl('https://api.example.org/missing', { status: 404, body: 'not here' });
  expect(() => app.call('fetchJson', 'https://api.example.org/missing')).toThrow(
    'Request failed for https://api.example.org/missing returned code 404. Truncated server response: not here',
  );
  expect(app.call('fetchJson', 'https://api.example.org/missing', true)).toMatchObject({
    code: 404,
  });
  expect(ws.fetches().map((f) => [f.method, f.url])).toEqual([
    ['GET', 'https://api.example.org/x'],
    ['GET', 'https://api.example.org/x'],
    ['GET', 'https://api.example.org/missing'],
    ['GET', 'https://api.example.org/missing'],
  ]);
});

test('an upload keeps the MIME type of its extension (photo.jpg is image/jpeg)', () => {
  const ws = createWorkspace();
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  const g = app.context as unknown as { FormApp: GoogleAppsScript.Forms.FormApp };
  g.FormApp.create('Фото');
  ws.uploadFileItem('Фото', 'Снимок');
  ws.submitForm('Фото', { Снимок: ['photo.jpg', 'scan.PDF', 'notes.unknownext'] });
  const types = ws
    .files()
    .filter((f) => f.path.includes('Снимок'))
    .map((f) => [f.name, f.mimeType]);
  expect(types).toEqual(
    expect.arrayContaining([
      ['photo - respondent.jpg', 'image/jpeg'],
      ['scan - respondent.PDF', 'application/pdf'],
      ['notes - respondent.unknownext', 'application/octet-stream'],
    ]),
  );
});

test('the built-ins are also constants of the global scope (found fast): the same objects, Date the clock’s', () => {
  const { ws, app } = load();
  const context = app.context as vm.Context;
  const seen = vm.runInContext(
    '[Math === globalThis.Math, String === globalThis.String, Date === globalThis.Date, Date.now()]',
    context,
  ) as [boolean, boolean, boolean, number];
  expect(seen).toEqual([true, true, true, ws.clock.now().getTime()]);
  // A lexical binding, not only the global object's property: a second declaration is refused.
  expect(() => vm.runInContext('let Math = 1;', context)).toThrow(/already been declared/);
  expect(() => vm.runInContext('let SpreadsheetApp = 1;', context)).not.toThrow();
});
