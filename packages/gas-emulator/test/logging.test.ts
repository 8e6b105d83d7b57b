/**
 * Logger and console write what Apps Script's execution log shows
 * (developers.google.com/apps-script/guides/logging): an error as its name and message, a date
 * as text in the script's time zone (Logger like Java's Date.toString, console like JavaScript's),
 * other objects as JSON.
 */
import { createWorkspace } from '../src';

test('errors keep their message, dates are text, objects are JSON', () => {
  const ws = createWorkspace({ timeZone: 'Europe/Moscow' });
  const app = ws.loadBundle(`${__dirname}/fixtures/plain-script`);
  app.call('logThings');
  expect(ws.logs()).toEqual([
    "TypeError: Cannot read properties of null (reading 'x')",
    "TypeError: Cannot read properties of null (reading 'x')",
    'Error: boom',
    'at Wed Sep 01 09:00:00 GMT+03:00 2021',
    'Wed Sep 01 2021 09:00:00 GMT+0300 (Moscow Standard Time)',
    '[warn] {"a":1,"b":[2,"три"]}',
    'n = 7',
  ]);
});
