/**
 * A form submit in constant time (issue 19): through the index of answers and the Sheets API, at
 * most 10 service calls and no tab read whole; whatever it cannot trust sends it to the full
 * projection, so the derived tabs always equal rebuildAll.
 */
import { lastExecution, registration, setUpDistrict, snapshot, type Ws } from './harness';

const REG = 'Регистрация участников';
const REPORT = 'Ежемесячный отчёт ОУ';
const DERIVED = ['Участники', 'Приказы', 'Отчёты ОУ', 'Результаты', 'Требует проверки'];
const INDEX = 'Индекс ответов';

function lastSubmit(ws: Ws) {
  const run = lastExecution(ws, 'handleFormSubmit');
  return { ...run, total: Object.values(run.calls).reduce((a, b) => a + b, 0) };
}

/** Whether the submit read tabs whole, as only the full projection does. */
function full(run: { calls: Record<string, number> }): boolean {
  return (run.calls['Sheet.getDataRange'] ?? 0) > 0;
}

/** The derived tabs and the index equal what rebuildAll writes from scratch. */
function expectRebuildEqual(ws: Ws, app: ReturnType<typeof setUpDistrict>['app']): void {
  const incremental = snapshot(ws, [...DERIVED, INDEX]);
  for (const tab of [...DERIVED, INDEX]) {
    const sheet = ws.spreadsheet().getSheetByName(tab)!;
    if (sheet.getLastRow() > 1) {
      sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).clearContent();
    }
  }
  app.call('rebuildAll');
  expect(snapshot(ws, [...DERIVED, INDEX])).toEqual(incremental);
}

const child = (surname: string, school = 'ГБОУ СОШ № 47') =>
  registration({ 'Образовательное учреждение': school, 'Участник 1: фамилия': surname });

test('after the first answer every submit makes at most 10 calls and reads no tab whole', () => {
  const { ws, app } = setUpDistrict();
  ws.submitForm(REG, child('Орлова', 'ГБОУ СОШ № 51'));
  expect(full(lastSubmit(ws))).toBe(true); // the first builds the index
  const schools = ['ГБОУ СОШ № 47', 'ГБДОУ № 106', 'ГБОУ СОШ № 51', 'ГБДОУ № 21', 'ГБОУ СОШ № 47'];
  schools.forEach((school, i) => {
    ws.submitForm(REG, child(['Соколова', 'Лебедева', 'Волкова', 'Зайцева', 'Белова'][i]!, school));
    const run = lastSubmit(ws);
    expect({ i, full: full(run), error: run.error }).toEqual({ i, full: false, error: undefined });
    expect(run.total).toBeLessThanOrEqual(10);
    expect(run.calls['Range.getValues']).toBeUndefined();
  });
  ws.submitForm(REPORT, {
    'Образовательное учреждение': 'ГБОУ СОШ № 47',
    'Отчётный месяц': 'сентябрь 2021',
    'Проведено занятий по подготовке': '8',
    'Обучающихся в подготовке': '24',
    'Педагогов-наставников': '3',
    'Контактное лицо': 'Сидорова Анна',
  });
  expect(full(lastSubmit(ws))).toBe(false);
  expect(lastSubmit(ws).total).toBeLessThanOrEqual(10);
  expectRebuildEqual(ws, app);
});

test('an answer whose trigger never came is placed by the next submit of its family, still fast', () => {
  const { ws, app } = setUpDistrict();
  ws.submitForm(REG, child('Орлова'));
  ws.submitForm(REG, child('Соколова', 'ГБДОУ № 21'), { deliver: false });
  ws.submitForm(REG, child('Лебедева', 'ГБОУ СОШ № 51'));
  const run = lastSubmit(ws);
  expect(full(run)).toBe(false);
  expect(run.total).toBeLessThanOrEqual(10);
  const surnames = ws
    .sheetValues('Участники')
    .slice(1)
    .map((r) => r[1]);
  expect(surnames).toEqual(['Соколова', 'Орлова', 'Лебедева']); // ДОУ-21, ШКОЛА-47, ШКОЛА-51
  expectRebuildEqual(ws, app);
});

test('a renamed tab is still found by its id: the submit stays fast', () => {
  const { ws } = setUpDistrict();
  ws.submitForm(REG, child('Орлова'));
  ws.spreadsheet().getSheetByName('Участники')!.setName('Участники 2021');
  ws.spreadsheet().getSheetByName(INDEX)!.setName('Индекс (старый)');
  ws.submitForm(REG, child('Соколова'));
  expect(full(lastSubmit(ws))).toBe(false);
  expect(
    ws
      .sheetValues('Участники 2021')
      .slice(1)
      .map((r) => r[1]),
  ).toEqual(['Орлова', 'Соколова']);
});

test('the index edited by hand is not trusted: the next submit projects everything', () => {
  const { ws, app } = setUpDistrict();
  ws.submitForm(REG, child('Орлова'));
  ws.submitForm(REG, child('Соколова'));
  const index = ws.spreadsheet().getSheetByName(INDEX)!;
  const lines = index.getDataRange().getValues();
  const at = lines.findIndex((l) => l[0] === 'ответ: ГБОУ СОШ № 47');
  const column = lines[0]!.indexOf('Строки: регистрация');
  index.getRange(at + 1, column + 1).setValue('2'); // row 3 (Соколова) taken out
  ws.submitForm(REG, child('Лебедева'));
  expect(full(lastSubmit(ws))).toBe(true);
  expect(
    ws
      .sheetValues('Участники')
      .slice(1)
      .map((r) => r[1]),
  ).toEqual(['Орлова', 'Соколова', 'Лебедева']);
  expectRebuildEqual(ws, app);
});

test('a row deleted above the block: the tab is not as the index says, so everything is projected', () => {
  const { ws, app } = setUpDistrict();
  ws.submitForm(REG, child('Лебедева', 'ГБДОУ № 106'));
  ws.submitForm(REG, child('Орлова'));
  ws.spreadsheet().getSheetByName('Участники')!.deleteRow(2); // ДОУ-106's row
  ws.submitForm(REG, child('Соколова'));
  expect(full(lastSubmit(ws))).toBe(true);
  expect(
    ws
      .sheetValues('Участники')
      .slice(1)
      .map((r) => r[1]),
  ).toEqual(['Лебедева', 'Орлова', 'Соколова']);
  expectRebuildEqual(ws, app);
});

test('the index keeps answers as typed: after staff renumber an ОУ its answers go with it', () => {
  const { ws, app } = setUpDistrict();
  ws.submitForm(REG, child('Орлова'));
  // Staff renumber school 47 and keep its old name as another spelling of the new key.
  const registry = ws.spreadsheet().getSheetByName('ОУ')!;
  const head = registry.getRange(1, 1, 1, registry.getLastColumn()).getValues()[0]!;
  const set = (header: string, value: string) =>
    registry.getRange(2, head.indexOf(header) + 1).setValue(value);
  set('Ключ', 'ШКОЛА-74');
  set('Номер', '74');
  set('Официальное название', 'ГБОУ СОШ № 74');
  set('Краткое название', 'ГБОУ СОШ № 74');
  set('Другие написания', 'ГБОУ СОШ № 47');
  ws.submitForm(REG, child('Соколова')); // still offered by the form as «ГБОУ СОШ № 47»
  expect(full(lastSubmit(ws))).toBe(false);
  const block = ws
    .sheetValues('Участники')
    .slice(1)
    .filter((r) => r[3] === 'ШКОЛА-74')
    .map((r) => r[1]);
  expect(block).toEqual(['Орлова', 'Соколова']);
  // The daily run sees the registry changed and projects everything, as rebuildAll would.
  ws.clock.advanceTo('2021-10-05T07:00:00+03:00');
  expect(
    ws
      .sheetValues('Участники')
      .slice(1)
      .map((r) => `${r[3]} ${r[1]}`),
  ).toEqual(['ШКОЛА-74 Орлова', 'ШКОЛА-74 Соколова']);
  expectRebuildEqual(ws, app);
});
