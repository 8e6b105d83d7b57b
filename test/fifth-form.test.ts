/**
 * README «Как добавить форму» says a fifth form with its own tab touches four files. This proves
 * it: the worked example (test/fixtures/fifthForm.ts) is applied to a copy of the project, no
 * other file changes, the copy typechecks and builds, and its bundle — setup, submits, the full
 * rebuild and the daily run — handles the new form with no other code knowing about it.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { execFileSync } from 'child_process';
import { createWorkspace } from '@opc/gas-emulator';
import { EDITS, PROJECTOR, PROJECTOR_FILE } from './fixtures/fifthForm';
import { registration, SCHOOLS } from './app/harness';
import { SCHOOLS_SCHEMA, toRow } from '../src/domain/schema';

const root = path.resolve(__dirname, '..');
let copy = '';

/** Every file under a directory, as paths relative to it. */
function filesUnder(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full, base) : [path.relative(base, full)];
  });
}

beforeAll(() => {
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'fifth-form-'));
  for (const part of ['src', 'scripts']) {
    fs.cpSync(path.join(root, part), path.join(copy, part), { recursive: true });
  }
  for (const file of ['tsconfig.json', 'appsscript.json', 'package.json']) {
    fs.copyFileSync(path.join(root, file), path.join(copy, file));
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
  for (const [file, edits] of Object.entries(EDITS)) {
    let text = fs.readFileSync(path.join(copy, file), 'utf8');
    for (const edit of edits) {
      const found = text.match(new RegExp(edit.anchor.source, 'g')) ?? [];
      if (found.length !== 1) {
        throw new Error(
          `${file}: anchor ${edit.anchor} matched ${found.length} times; update the recipe`,
        );
      }
      text = text.replace(edit.anchor, edit.replace as never);
    }
    fs.writeFileSync(path.join(copy, file), text);
  }
  fs.writeFileSync(path.join(copy, PROJECTOR_FILE), PROJECTOR);
}, 60_000);

afterAll(() => {
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

test('the fifth form touches four files of src/: three edited, one new', () => {
  const before = new Set(filesUnder(path.join(root, 'src')));
  const after = filesUnder(path.join(copy, 'src'));
  const changed = after.filter(
    (f) =>
      !before.has(f) ||
      fs.readFileSync(path.join(copy, 'src', f), 'utf8') !==
        fs.readFileSync(path.join(root, 'src', f), 'utf8'),
  );
  expect(changed.map((f) => `src/${f}`).sort()).toEqual(
    [...Object.keys(EDITS), PROJECTOR_FILE].sort(),
  );
  expect(changed).toHaveLength(4);
});

test('the copy typechecks and its bundle places the new form end to end', () => {
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '--noEmit', '-p', path.join(copy, 'src/tsconfig.json')]);
  execFileSync(process.execPath, [path.join(copy, 'scripts/build.mjs')], { stdio: 'pipe' });

  const ws = createWorkspace({
    now: '2021-10-04T09:00:00+03:00',
    timeZone: 'Europe/Moscow',
    user: 'metodist@center.example',
  });
  const app = ws.loadBundle(path.join(copy, 'build'));
  app.call('setupSystem');
  ws.spreadsheet()
    .getSheetByName('ОУ')!
    .getRange(2, 1, SCHOOLS.length, SCHOOLS_SCHEMA.columns.length)
    .setValues(SCHOOLS.map((s) => toRow(SCHOOLS_SCHEMA, s)) as never);
  app.call('setupSystem');
  const event = String(ws.sheetValues('Мероприятия')[1]![0]);
  const tab = () => ws.sheetValues('Отзывы');
  expect(tab()[0]).toEqual([
    'ОУ',
    'Мероприятие',
    'Оценка',
    'Комментарий',
    'Получен',
    'Ответ-источник',
  ]);

  const feedback = (school: string, rating: string, comment = '') => ({
    'Образовательное учреждение': school,
    Мероприятие: event,
    'Оценка мероприятия (от 1 до 5)': rating,
    Комментарий: comment,
  });
  ws.submitForm('Регистрация участников', registration({ Мероприятие: event }));
  ws.submitForm('Отзыв о мероприятии', feedback('ГБОУ СОШ № 47', '5', '=HYPERLINK("http://x")'));
  ws.submitForm('Отзыв о мероприятии', feedback('ГБОУ СОШ № 51', '4'));
  ws.submitForm('Отзыв о мероприятии', feedback('ГБДОУ № 21', '2'));
  ws.submitForm('Отзыв о мероприятии', feedback('ГБОУ СОШ № 47', '3', '=HYPERLINK("http://y")'));
  const submits = ws.costs().executions.filter((e) => e.functionName === 'handleFormSubmit');
  const last = submits[submits.length - 1]!;
  expect(Object.values(last.calls).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(10);
  expect(last.calls['Sheet.getDataRange']).toBeUndefined(); // placed through the index

  const placed = tab();
  expect(placed.slice(1).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
    ['ДОУ-21', event, 2, ''],
    ['ШКОЛА-47', event, 3, '=HYPERLINK("http://y")'],
    ['ШКОЛА-51', event, 4, ''],
  ]);
  expect(ws.spreadsheet().getSheetByName('Отзывы')!.getRange(3, 4).getFormula()).toBe('');
  expect(ws.sheetValues('Индекс ответов')[0]).toContain('Строки: отзывы');

  app.call('rebuildAll');
  expect(tab()).toEqual(placed);
  app.call('runDailyJobs');
  const journal = ws.sheetValues('Журнал').slice(1);
  expect(journal.map((r) => r[2])).not.toContain('ошибка');
  expect(journal.filter((r) => r[5])).toEqual([]);
}, 120_000);
