/**
 * Protections enforced, as Google's reference describes them
 * (developers.google.com/apps-script/reference/spreadsheet/protection): only the protection's
 * editors and the owner edit a protected sheet or range — by hand or by script — a warning-only
 * protection lets anyone edit, and only an editor of a protection may change or remove it.
 */
import { createWorkspace } from '../src';

const REF = 'developers.google.com/apps-script/reference/spreadsheet/protection';
const OWNER = 'owner@center.example';
const STAFF = 'staff@center.example';
const STRANGER = 'stranger@example.org';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function setup() {
  const ws = createWorkspace({ now: '2021-09-01T09:00:00+03:00', user: OWNER });
  const ss = ws.spreadsheet();
  const sheet = ss.insertSheet('Настройки');
  const protection = sheet.protect();
  protection.addEditor(STAFF);
  return { ws, ss, sheet, protection };
}

describe('Protection', () => {
  test(`a non-editor cannot write, clear, rename or delete a protected sheet (${REF})`, () => {
    const { ws, ss, sheet } = setup();
    ws.actAs(STRANGER);
    expect(() => sheet.getRange(1, 1).setValue('x')).toThrow(PROTECTED);
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([['a', 'b']])).toThrow(PROTECTED);
    expect(() => sheet.getRange(1, 1).clearContent()).toThrow(PROTECTED);
    expect(() => sheet.setName('Мои настройки')).toThrow(PROTECTED);
    expect(() => sheet.deleteRows(1, 1)).toThrow(PROTECTED);
    expect(() => ss.deleteSheet(sheet)).toThrow(PROTECTED);
    expect(ss.getSheetByName('Настройки')).not.toBeNull();
  });

  test(`an editor of the protection and the owner may edit (${REF}#geteditors)`, () => {
    const { ws, sheet } = setup();
    ws.actAs(STAFF);
    sheet.getRange(1, 1).setValue('staff');
    ws.actAs(OWNER);
    sheet.getRange(1, 2).setValue('owner');
    expect(ws.sheetValues('Настройки')[0]!.slice(0, 2)).toEqual(['staff', 'owner']);
  });

  test(`a non-editor can neither add themselves nor remove the protection (${REF}#remove)`, () => {
    const { ws, sheet, protection } = setup();
    ws.actAs(STRANGER);
    const seen = sheet.getProtections(
      'SHEET' as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]!.canEdit()).toBe(false);
    expect(() => seen[0]!.addEditor(STRANGER)).toThrow(PROTECTED);
    expect(() => seen[0]!.remove()).toThrow(PROTECTED);
    expect(() => seen[0]!.setWarningOnly(true)).toThrow(PROTECTED);
    // Protecting again returns the same protection, still not theirs.
    expect(() => sheet.protect().addEditor(STRANGER)).toThrow(PROTECTED);
    expect(protection.getEditors().map((u) => u.getEmail())).not.toContain(STRANGER);
  });

  test(`a warning-only protection lets anyone edit (${REF}#setwarningonlywarningonly)`, () => {
    const { ws, sheet, protection } = setup();
    protection.setWarningOnly(true);
    ws.actAs(STRANGER);
    sheet.getRange(1, 1).setValue('x');
    expect(ws.sheetValues('Настройки')[0]![0]).toBe('x');
  });

  test(`a range protection guards only its range (${REF}#getrange)`, () => {
    const { ws, ss } = setup();
    const open = ss.insertSheet('Открытая');
    open.getRange('A1:A2').protect();
    ws.actAs(STRANGER);
    open.getRange('B1').setValue('ok');
    expect(() => open.getRange('A2').setValue('no')).toThrow(PROTECTED);
  });
});

describe('harness', () => {
  test('submitForm with deliver: false writes the row but fires no trigger (a trigger Google did not deliver)', () => {
    const ws = createWorkspace({ now: '2021-09-01T09:00:00+03:00', user: OWNER });
    const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
    app.call('setup');
    const before = ws.costs().executions.length;
    ws.submitForm('Регистрация', { Фамилия: 'Анна' }, { deliver: false });
    expect(ws.costs().executions.length).toBe(before);
    expect(ws.sheetValues('Ответы на форму (1)')).toHaveLength(2);
    ws.submitForm('Регистрация', { Фамилия: 'Борис' });
    expect(ws.costs().executions.length).toBeGreaterThan(before);
  });

  test('writes made without holding a lock are listed per execution', () => {
    const ws = createWorkspace({ now: '2021-09-01T09:00:00+03:00', user: OWNER });
    const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
    const g = app.context as unknown as {
      PropertiesService: GoogleAppsScript.Properties.PropertiesService;
      LockService: GoogleAppsScript.Lock.LockService;
    };
    (app.context as Record<string, unknown>).unlocked = () =>
      g.PropertiesService.getScriptProperties().setProperty('a', '1');
    (app.context as Record<string, unknown>).locked = () => {
      const lock = g.LockService.getScriptLock();
      lock.waitLock(1000);
      g.PropertiesService.getScriptProperties().setProperty('b', '2');
      lock.releaseLock();
    };
    app.call('unlocked');
    app.call('locked');
    const [first, second] = ws.costs().executions.slice(-2);
    expect(first!.unlockedWrites).toEqual(['Properties.setProperty a']);
    expect(second!.unlockedWrites).toBeUndefined();
  });
});
