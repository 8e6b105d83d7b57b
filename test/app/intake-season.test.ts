/**
 * The partitioned intake against the full projection on a generated season with realistic
 * mistakes (typos, duplicates, late and missing answers, hostile strings): every answer goes through
 * the form-submit trigger, which re-projects only the answering ОУ; rebuildAll must then find
 * nothing to change. All answers are delivered on one day so no daily run tidies up in between.
 */
import { createWorkspace } from '@opc/gas-emulator';
import { BUILD_DIR } from './harness';
import { generateRegistry, generateSeason } from '../../scripts/district/generate';
import { readChoices } from '../../scripts/district/choices';
import { SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import { FORMS_RU } from '../../src/i18n/ru/forms';

const DERIVED = ['Участники', 'Приказы', 'Отчёты ОУ', 'Результаты', 'Требует проверки'];

test('a generated season through the submit trigger equals rebuildAll, row for row', () => {
  const ws = createWorkspace({ now: '2021-09-01T08:00:00+03:00', user: 'metodist@center.example' });
  const app = ws.loadBundle(BUILD_DIR);
  app.call('setupSystem');
  const registry = generateRegistry(7, 12);
  ws.spreadsheet()
    .getSheetByName('ОУ')!
    .getRange(2, 1, registry.length, SCHOOLS_SCHEMA.columns.length)
    .setValues(registry.map((s) => toRow(SCHOOLS_SCHEMA, s)) as never);
  app.call('setupSystem');
  ws.uploadFileItem(FORMS_RU.titles.order, FORMS_RU.questions.orderFile);
  const choices = readChoices(
    ws,
    registry.map((s) => s.shortName),
  );
  const answers = generateSeason(registry, choices, {
    seed: 7,
    schools: registry.length,
    participants: 160,
    from: '2021-09-01',
    to: '2021-11-30',
  } as never);
  let submitted = 0;
  for (const a of answers) {
    try {
      ws.submitForm(FORMS_RU.titles[a.form], a.answers, { respondent: a.respondent });
      submitted++;
    } catch {
      // Google Forms itself would refuse it
    }
  }
  expect(submitted).toBeGreaterThan(150);
  expect(ws.costs().executions.filter((e) => e.functionName === 'runDailyJobs')).toHaveLength(0);
  const incremental = Object.fromEntries(DERIVED.map((t) => [t, ws.sheetValues(t)]));
  expect(incremental['Участники']!.length).toBeGreaterThan(50);
  for (const tab of DERIVED) {
    const sheet = ws.spreadsheet().getSheetByName(tab)!;
    if (sheet.getLastRow() > 1) {
      sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).clearContent();
    }
  }
  app.call('rebuildAll');
  for (const tab of DERIVED) {
    expect({ tab, rows: ws.sheetValues(tab) }).toEqual({ tab, rows: incremental[tab] });
  }
});
