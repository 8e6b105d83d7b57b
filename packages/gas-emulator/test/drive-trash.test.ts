/**
 * Drive's trash as Google has it (developers.google.com/drive/api/reference/rest/v3/files:
 * `trashed` — "either explicitly or from a trashed parent folder"; `explicitlyTrashed`;
 * support.google.com/drive/answer/2375102: items in the trash are deleted after 30 days) and
 * DriveApp listing trashed items where Drive lists them (scripts check `isTrashed()`).
 */
import { createWorkspace } from '../src';

function drive() {
  const ws = createWorkspace({ now: '2021-10-01T09:00:00+03:00' });
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  const g = app.context as unknown as { DriveApp: GoogleAppsScript.Drive.DriveApp };
  return { ws, DriveApp: g.DriveApp };
}

test("a trashed folder's files and subfolders are trashed with it and come back with it", () => {
  const { DriveApp } = drive();
  const bank = DriveApp.createFolder('Банк приказов');
  const school = bank.createFolder('ШКОЛА-47');
  const order = school.createFile('приказ.pdf', 'PDF', 'application/pdf');
  const ownTrash = school.createFile('черновик.pdf', 'PDF', 'application/pdf');
  ownTrash.setTrashed(true);
  bank.setTrashed(true);
  expect(DriveApp.getFolderById(school.getId()).isTrashed()).toBe(true);
  expect(DriveApp.getFileById(order.getId()).isTrashed()).toBe(true);
  bank.setTrashed(false);
  expect(DriveApp.getFolderById(school.getId()).isTrashed()).toBe(false);
  expect(DriveApp.getFileById(order.getId()).isTrashed()).toBe(false);
  // What was trashed on its own stays in the trash.
  expect(DriveApp.getFileById(ownTrash.getId()).isTrashed()).toBe(true);
});

test('listings include trashed items: a script that takes the first folder by name gets the trashed one', () => {
  const { DriveApp } = drive();
  const old = DriveApp.createFolder('Справки');
  old.setTrashed(true);
  const found = DriveApp.getRootFolder().getFoldersByName('Справки');
  expect(found.hasNext()).toBe(true);
  const first = found.next();
  expect(first.getId()).toBe(old.getId());
  expect(first.isTrashed()).toBe(true);
  expect(DriveApp.getFoldersByName('Справки').hasNext()).toBe(true);
  const file = DriveApp.createFile('a.txt', 'x');
  file.setTrashed(true);
  expect(DriveApp.getFilesByName('a.txt').next().isTrashed()).toBe(true);
});

test('moving a file out of a trashed folder takes it out of the trash; into one, puts it in', () => {
  const { DriveApp } = drive();
  const trashed = DriveApp.createFolder('Корзина');
  const kept = DriveApp.createFolder('Рабочая');
  const file = trashed.createFile('x.pdf', 'PDF', 'application/pdf');
  trashed.setTrashed(true);
  expect(file.isTrashed()).toBe(true);
  file.moveTo(kept);
  expect(file.isTrashed()).toBe(false);
  file.moveTo(trashed);
  expect(file.isTrashed()).toBe(true);
});

test('the trash is emptied 30 days after an item went there; then its id no longer resolves', () => {
  const { ws, DriveApp } = drive();
  const folder = DriveApp.createFolder('Старое');
  const file = folder.createFile('x.pdf', 'PDF', 'application/pdf');
  const id = file.getId();
  folder.setTrashed(true);
  ws.clock.advanceTo('2021-10-30T09:00:00+03:00');
  expect(DriveApp.getFileById(id).isTrashed()).toBe(true);
  ws.clock.advanceTo('2021-10-31T09:00:01+03:00');
  expect(() => DriveApp.getFileById(id)).toThrow();
  expect(ws.files().some((f) => f.id === id || f.id === folder.getId())).toBe(false);
});
