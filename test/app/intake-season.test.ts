/**
 * The partitioned intake against the full projection on a generated season with realistic
 * mistakes (typos, duplicates, late and missing answers, hostile strings): every answer goes through
 * the form-submit trigger, which re-projects only the answering ОУ; rebuildAll must then find
 * nothing to change. All answers are delivered on one day so no daily run tidies up in between.
 */
import { generatedSeason } from './harness';
import { FORMS_RU } from '../../src/i18n/ru/forms';

const DERIVED = ['Участники', 'Приказы', 'Отчёты ОУ', 'Результаты', 'Требует проверки'];

test('a generated season through the submit trigger equals rebuildAll, row for row', () => {
  const { ws, app, answers } = generatedSeason({ seed: 7, participants: 160, to: '2021-11-30' });
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
