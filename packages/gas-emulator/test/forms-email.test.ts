/**
 * Collecting respondents' addresses on a form already linked to a spreadsheet
 * (developers.google.com/apps-script/reference/forms/form#setcollectemailcollect): the response
 * sheet gets the address column as column B and the question columns move right.
 */
import { createWorkspace } from '../src';

test('setCollectEmail(true) on a linked form adds the address column B; answers keep their columns', () => {
  const ws = createWorkspace({ now: '2021-09-01T09:00:00+03:00' });
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  const formId = app.call('setup') as string;
  ws.submitForm('Регистрация', { Фамилия: 'Анна' }, { respondent: 'a@school.example' });
  const g = app.context as unknown as { FormApp: GoogleAppsScript.Forms.FormApp };
  const form = g.FormApp.openById(formId);
  form.setCollectEmail(true);
  expect(form.collectsEmail()).toBe(true);
  ws.submitForm('Регистрация', { Фамилия: 'Борис' }, { respondent: 'b@school.example' });
  const values = ws.sheetValues('Ответы на форму (1)');
  expect(values[0]!.slice(0, 3)).toEqual(['Отметка времени', 'Адрес электронной почты', 'Фамилия']);
  expect(values[1]!.slice(1, 3)).toEqual(['', 'Анна']);
  expect(values[2]!.slice(1, 3)).toEqual(['b@school.example', 'Борис']);
  form.setCollectEmail(true); // again: no second column
  expect(ws.sheetValues('Ответы на форму (1)')[0]![3]).not.toBe('Адрес электронной почты');
});
