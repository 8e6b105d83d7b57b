/** Drive, Properties, Cache, Lock, Utilities, Session fidelity. */
import { createWorkspace } from '../src';

const REF = 'developers.google.com/apps-script/reference';

function globals() {
  const ws = createWorkspace();
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  return {
    ws,
    app,
    ...(app.context as unknown as {
      DriveApp: GoogleAppsScript.Drive.DriveApp;
      PropertiesService: GoogleAppsScript.Properties.PropertiesService;
      CacheService: GoogleAppsScript.Cache.CacheService;
      LockService: GoogleAppsScript.Lock.LockService;
      Utilities: GoogleAppsScript.Utilities.Utilities;
      Session: GoogleAppsScript.Base.Session;
      SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    }),
  };
}

describe('DriveApp', () => {
  test(`folders, files, iterators, moveTo and makeCopy (${REF}/drive/file#makecopyname,-destination)`, () => {
    const { DriveApp, Utilities } = globals();
    const bank = DriveApp.createFolder('Банк приказов');
    const school = bank.createFolder('ШКОЛА-47');
    const file = DriveApp.createFile(Utilities.newBlob('PDF', 'application/pdf', 'приказ.pdf'));
    file.moveTo(school);
    const it = school.getFiles();
    expect(it.hasNext()).toBe(true);
    expect(it.next().getName()).toBe('приказ.pdf');
    expect(it.hasNext()).toBe(false);
    expect(bank.getFoldersByName('ШКОЛА-47').next().getId()).toBe(school.getId());
    const copy = file.makeCopy('копия', bank);
    expect(copy.getParents().next().getName()).toBe('Банк приказов');
    expect(copy.getBlob().getDataAsString()).toBe('PDF');
  });

  test(`a spreadsheet copy is a deep copy (${REF}/drive/file#makecopy)`, () => {
    const { DriveApp, SpreadsheetApp } = globals();
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheets()[0]!.getRange('A1').setValue('оригинал');
    const copy = SpreadsheetApp.openById(
      DriveApp.getFileById(ss.getId()).makeCopy('Архив').getId(),
    );
    copy.getSheets()[0]!.getRange('A1').setValue('копия');
    expect(ss.getSheets()[0]!.getRange('A1').getValue()).toBe('оригинал');
  });

  test(`getFileById with an unknown id throws (${REF}/drive/drive-app#getfilebyidid)`, () => {
    expect(() => globals().DriveApp.getFileById('nope')).toThrow(
      'Unexpected error while getting the method or property getFileById on object DriveApp.',
    );
  });
});

describe('PropertiesService', () => {
  test(`values are stored as strings (${REF}/properties/properties#setpropertykey,-value)`, () => {
    const { PropertiesService } = globals();
    const p = PropertiesService.getScriptProperties();
    p.setProperty('n', 5 as unknown as string);
    expect(p.getProperty('n')).toBe('5');
    expect(p.getProperty('missing')).toBeNull();
    expect(p.getKeys()).toEqual(['n']);
  });

  test('a value over 9 KB is refused (developers.google.com/apps-script/guides/services/quotas)', () => {
    const { PropertiesService } = globals();
    expect(() =>
      PropertiesService.getScriptProperties().setProperty('big', 'x'.repeat(9 * 1024 + 1)),
    ).toThrow('Argument too large: value');
  });

  test('properties belong to the project that set them (EMULATOR.md)', () => {
    const { ws, PropertiesService } = globals();
    PropertiesService.getScriptProperties().setProperty('k', 'v');
    const other = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
    const otherProps = (
      other.context as unknown as {
        PropertiesService: GoogleAppsScript.Properties.PropertiesService;
      }
    ).PropertiesService;
    expect(otherProps.getScriptProperties().getProperty('k')).toBeNull();
  });
});

describe('CacheService', () => {
  test(`entries expire on the simulated clock (${REF}/cache/cache#putkey,-value,-expirationinseconds)`, () => {
    const { ws, CacheService } = globals();
    const cache = CacheService.getScriptCache();
    cache.put('k', 'v', 60);
    expect(cache.get('k')).toBe('v');
    ws.clock.advanceTo(new Date(ws.clock.now().getTime() + 61_000));
    expect(cache.get('k')).toBeNull();
  });
});

describe('LockService', () => {
  test(`tryLock is false and waitLock throws while another execution holds the lock (${REF}/lock/lock#waitlocktimeoutinmillis)`, () => {
    const { ws, LockService } = globals();
    ws.lockHeldElsewhere(true);
    expect(LockService.getScriptLock().tryLock(1000)).toBe(false);
    expect(() => LockService.getScriptLock().waitLock(1000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    ws.lockHeldElsewhere(false);
    const lock = LockService.getScriptLock();
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
  });
});

describe('LockService: the lock belongs to the execution', () => {
  test(`two Lock objects of one scope in one execution share the held flag (${REF}/lock/lock#haslock)`, () => {
    const { ws, LockService } = globals();
    ws.world.tracker.run('p', 'job', 'direct', ws.clock.now(), () => {
      const outer = LockService.getScriptLock();
      const inner = LockService.getScriptLock();
      expect(outer.hasLock()).toBe(false);
      expect(outer.tryLock(1000)).toBe(true);
      expect(inner.hasLock()).toBe(true);
      inner.releaseLock();
      expect(outer.hasLock()).toBe(false);
      inner.waitLock(1000);
      expect(outer.hasLock()).toBe(true);
      // Another scope is another lock.
      expect(LockService.getUserLock().hasLock()).toBe(false);
      expect(LockService.getDocumentLock().hasLock()).toBe(false);
    });
  });

  test(`a lock is released when its execution ends (${REF}/lock/lock#releaselock)`, () => {
    const { ws, LockService } = globals();
    const run = (body: () => boolean) =>
      ws.world.tracker.run('p', 'job', 'direct', ws.clock.now(), body);
    expect(run(() => LockService.getScriptLock().tryLock(1000))).toBe(true);
    expect(run(() => LockService.getScriptLock().hasLock())).toBe(false);
  });

  test(`lockHeldElsewhere still makes tryLock false and waitLock throw (${REF}/lock/lock#trylocktimeoutinmillis)`, () => {
    const { ws, LockService } = globals();
    ws.lockHeldElsewhere(true);
    ws.world.tracker.run('p', 'job', 'direct', ws.clock.now(), () => {
      const lock = LockService.getScriptLock();
      expect(lock.tryLock(1000)).toBe(false);
      expect(lock.hasLock()).toBe(false);
      expect(() => lock.waitLock(1000)).toThrow('Lock timeout');
    });
  });
});

describe('Utilities and Session', () => {
  test(`formatDate uses SimpleDateFormat in an explicit time zone (${REF}/utilities/utilities#formatdatedate,-timezone,-format)`, () => {
    const { Utilities } = globals();
    const d = new Date('2021-10-05T21:30:07.042Z');
    expect(Utilities.formatDate(d, 'Europe/Moscow', 'dd.MM.yyyy HH:mm:ss')).toBe(
      '06.10.2021 00:30:07',
    );
    expect(Utilities.formatDate(d, 'Europe/Moscow', "EEE, d MMM yyyy h:mm a 'в' Z XXX S")).toBe(
      'Wed, 6 Oct 2021 12:30 AM в +0300 +03:00 42',
    );
    expect(Utilities.formatDate(d, 'UTC', "MMMM yy '''quoted''' EEEE")).toBe(
      "October 21 'quoted' Tuesday",
    );
  });

  test(`computeDigest returns signed bytes, as Java does (${REF}/utilities/utilities#computedigestalgorithm,-value,-charset)`, () => {
    const { Utilities } = globals();
    const bytes = Utilities.computeDigest(
      Utilities.DigestAlgorithm.SHA_256,
      'abc',
      Utilities.Charset.UTF_8,
    );
    expect(bytes).toHaveLength(32);
    expect(bytes[0]).toBe(-70); // 0xba
    expect(Math.min(...bytes)).toBeGreaterThanOrEqual(-128);
    expect(Utilities.base64EncodeWebSafe(bytes)).toBe(
      'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0=',
    );
    expect(Utilities.base64Decode(Utilities.base64Encode('Привет'))).toEqual(
      Utilities.newBlob('Привет').getBytes(),
    );
  });

  test(`getUuid is deterministic per workspace (${REF}/utilities/utilities#getuuid)`, () => {
    const a = globals().Utilities.getUuid();
    const b = globals().Utilities.getUuid();
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test(`Session gives the configured user and time zone (${REF}/base/session)`, () => {
    const { Session } = globals();
    expect(Session.getActiveUser().getEmail()).toBe('metodist@center.example');
    expect(Session.getScriptTimeZone()).toBe('Europe/Moscow');
  });
});

test('ScriptApp.getOAuthToken gives a stable token per user (script-app#getoauthtoken); Sheet.insertColumnAfter/Before insert one column (sheet#insertcolumnafteraftposition)', () => {
  const ws = createWorkspace();
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  const g = app.context as unknown as {
    ScriptApp: GoogleAppsScript.Script.ScriptApp;
    SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  };
  const token = g.ScriptApp.getOAuthToken();
  expect(token).toMatch(/^ya29\./);
  expect(g.ScriptApp.getOAuthToken()).toBe(token);
  ws.actAs('other@center.example');
  expect(g.ScriptApp.getOAuthToken()).not.toBe(token);
  const sheet = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]!;
  sheet.getRange('A1:B1').setValues([['a', 'b']]);
  const columns = sheet.getMaxColumns();
  sheet.insertColumnAfter(1);
  sheet.insertColumnBefore(1);
  expect(sheet.getMaxColumns()).toBe(columns + 2);
  expect(sheet.getRange('A1:D1').getValues()).toEqual([['', 'a', '', 'b']]);
});
