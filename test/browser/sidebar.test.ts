/**
 * The sidebar in a real browser: Chromium driven by playwright-core (found by ./chromium:
 * CHROMIUM_PATH, Debian's, or the one @sparticuz/chromium carries), the HTML the bundle showed
 * (ws.lastSidebar()), and google.script.run shimmed onto the emulator's app.call.
 * Chromium is required: without one that launches this suite fails, it is never skipped.
 */
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import type { School } from '../../src/domain/model';
import {
  firstEvent,
  registration,
  rememberFirstEvent,
  scheduleFirstEvent,
  setUpDistrict,
} from '../app/harness';
import { SIDEBAR_RU } from '../../src/i18n/ru/sidebar';
import { launchChromium } from './chromium';

const OUT = path.resolve(__dirname, '../../out');
const HOSTILE = '<img src=x onerror=alert(1)>';

/** google.script.run for the page: every call goes to window.__gasCall (bound to app.call). */
const SHIM = `<script>
(function () {
  function runner(ok, fail) {
    return new Proxy({}, {
      get: function (_, name) {
        if (name === 'withSuccessHandler') return function (fn) { return runner(fn, fail); };
        if (name === 'withFailureHandler') return function (fn) { return runner(ok, fn); };
        return function () {
          var args = Array.prototype.slice.call(arguments);
          window.__gasCall(String(name), args).then(function (r) {
            if (r.ok) { if (ok) ok(r.value); } else if (fail) fail(new Error(r.message));
          });
        };
      },
    });
  }
  window.google = { script: { run: runner(null, null) } };
})();
</script>`;

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A district with one ordinary participant and one from an ОУ whose short name is hostile HTML. */
function district() {
  const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00');
  rememberFirstEvent(ws.sheetValues('Мероприятия'));
  // The month's figures are those of its events: the registrations are for an October event.
  scheduleFirstEvent(ws, '2021-10-20', '2021-10-22', '2021-10-15');
  const hostile: School = {
    key: 'ШКОЛА-666',
    type: 'школа',
    number: '666',
    officialName: 'ГБОУ СОШ № 666',
    shortName: HOSTILE,
    district: 'Невский',
    emails: ['school666@school.example'],
    responsible: 'Сидоров С. С.',
    aliases: [],
  };
  const sheet = ws.spreadsheet().getSheetByName('ОУ')!;
  sheet
    .getRange(sheet.getLastRow() + 1, 1, 1, SCHOOLS_SCHEMA.columns.length)
    .setValues([toRow(SCHOOLS_SCHEMA, hostile)] as never);
  app.call('setupSystem'); // the dropdown now offers the new ОУ
  ws.submitForm('Регистрация участников', registration());
  ws.submitForm(
    'Регистрация участников',
    registration({
      'Образовательное учреждение': HOSTILE,
      'Участник 1: фамилия': 'Смирнов',
      'Участник 1: имя': 'Олег',
    }),
  );
  return { ws, app };
}

/** Opens the sidebar HTML the bundle showed, with google.script.run bound to the emulator. */
async function openSidebar(
  app: ReturnType<typeof district>['app'],
  ws: ReturnType<typeof district>['ws'],
) {
  app.call('showSidebar');
  const html = ws.lastSidebar();
  if (!html) throw new Error('showSidebar showed nothing');
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const results: { name: string; value?: unknown; message?: string }[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Nothing may leave the page (an injected <img src=x> would try).
  await page.route('**/*', (route) => route.abort());
  await page.exposeFunction('__gasCall', (name: string, args: unknown[]) => {
    try {
      const value = app.call(name, ...args);
      results.push({ name, value });
      return { ok: true, value };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ name, message });
      return { ok: false, message };
    }
  });
  await page.setContent(html.replace('<head>', `<head>${SHIM}`));
  return { page, results, dialogs, pageErrors };
}

async function texts(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).allTextContents();
}

describe('sidebar in chromium', () => {
  test('dashboard, note, summary, settings and health work; hostile names stay text', async () => {
    const { ws, app } = district();
    const { page, results, dialogs, pageErrors } = await openSidebar(app, ws);
    try {
      // Dashboard: the figures the server computed.
      await page.locator('.figure-value').first().waitFor();
      const expected = app.call('getDashboard');
      const values = await texts(page, '.figure-value');
      expect(values).toEqual(
        [expected.month, expected.year].flatMap((f) => [
          String(f.participants),
          String(f.schoolsParticipating),
          String(f.winners),
          String(f.prizeWinners),
        ]),
      );
      expect(expected.month.participants).toBe(2);
      // No signatory in «Настройки»: the warning stands above «Сформировать справку».
      expect(await texts(page, '#note-warnings .warning')).toEqual([
        SIDEBAR_RU.warnings.noSignatory,
      ]);
      expect(await page.locator('#dashboard-body').textContent()).toContain(
        SIDEBAR_RU.dashboard.registrations(2),
      );
      expect(await page.locator('svg.chart rect.bar').count()).toBe(expected.series.length);
      expect(await page.locator('.quality-count').textContent()).toBe(String(expected.qualityNew));

      // The hostile ОУ name is shown as text, and no element was made of it.
      const hostileName = page.locator('.school-name', { hasText: HOSTILE });
      await expect(hostileName.isVisible()).resolves.toBe(true);
      expect(await hostileName.textContent()).toBe(HOSTILE);
      expect(await page.locator('img').count()).toBe(0);

      // Health: triggers, quota and the upload instructions.
      await page.locator('.triggers li').first().waitFor();
      expect(await texts(page, '.triggers li')).toEqual([
        'Приём ответов форм: установлен',
        'Ежедневный запуск: установлен',
      ]);
      expect(await page.locator('.quota').textContent()).toBe('100');
      expect(await page.locator('#health-body').textContent()).toContain('Загрузка файлов');
      expect(await page.locator('.run').count()).toBeGreaterThan(0);
      await page.click('#sync-choices');
      await page.locator('#sync-status:not(:empty)').waitFor();
      expect(await page.locator('#sync-status').textContent()).toContain('Списки в формах');

      // Settings: invalid values show messages under the fields and change nothing.
      await page.locator('[name="noteDay"]').waitFor();
      await page.fill('[name="noteDay"]', '31');
      await page.fill('[name="recipients"]', 'uo@district.example, не-адрес');
      await page.click('#save');
      await page.locator('.field-error').first().waitFor();
      expect(await page.locator('#settings-status').textContent()).toBe(
        'Настройки не сохранены: исправьте отмеченные поля.',
      );
      const errors = await texts(page, '.field.invalid .field-error');
      expect(errors).toHaveLength(2);
      expect(errors.join(' ')).toContain('от 1 до 28');
      expect(errors.join(' ')).toContain('не-адрес');
      expect(await page.inputValue('[name="noteDay"]')).toBe('31');
      const setting = (key: string) => ws.sheetValues('Настройки').find((r) => r[2] === key)?.[1];
      expect(setting('noteDay')).toBe(5);

      // Valid values are saved.
      await page.fill('[name="noteDay"]', '7');
      await page.fill('[name="recipients"]', 'uo@district.example');
      await page.click('#save');
      await page.locator('#settings-status.ok').waitFor();
      expect(await page.locator('#settings-status').textContent()).toBe('Настройки сохранены.');
      expect(await page.locator('.field-error').count()).toBe(0);
      expect(setting('noteDay')).toBe(7);
      expect(setting('recipients')).toBe('uo@district.example');

      // A colleague changes another field meanwhile: this (now stale) form sends only its own
      // change, so the colleague's value is not overwritten.
      app.call('saveSettings', { signatureName: 'О. П. Коллегова' });
      await page.fill('[name="noteDay"]', '9');
      await page.click('#save');
      await page.locator('#settings-status.ok').waitFor();
      expect(setting('noteDay')).toBe(9);
      expect(setting('signatureName')).toBe('О. П. Коллегова');
      expect(setting('recipients')).toBe('uo@district.example');
      expect(await page.inputValue('[name="signatureName"]')).toBe('О. П. Коллегова');

      // The note for the preselected month: progress, then the link.
      expect(await page.inputValue('#period')).toBe(expected.defaultPeriod);
      await page.selectOption('#period', '2021-10');
      await page.click('#generate');
      const noteLink = page.locator('#note-status a');
      await noteLink.waitFor({ timeout: 20000 });
      const note = results.find((r) => r.name === 'generateNote');
      expect(note?.message).toBeUndefined();
      const made = note!.value as { id: string; url: string; name: string };
      expect(await noteLink.textContent()).toBe(made.name);
      expect(await noteLink.getAttribute('href')).toBe(made.url);
      expect(made.name).toContain('октябрь 2021');
      expect(ws.documents().some((d) => d.id === made.id && !d.trashed)).toBe(true);

      // The summary: only for a finished month (issue 18), so staff send it in November, before
      // the note day; the server's own message is shown.
      ws.clock.advanceTo('2021-11-03T12:00:00+03:00');
      await page.click('#send');
      await page.waitForFunction(
        () => !document.querySelector<HTMLButtonElement>('#send')!.disabled,
      );
      const summary = results.find((r) => r.name === 'sendSummary');
      expect(summary?.message).toBeUndefined();
      const status = summary!.value as { message: string };
      expect(await page.locator('#summary-status').textContent()).toBe(status.message);
      expect(await noteLink.textContent()).toBe(made.name);
      expect(ws.outbox().some((m) => String(m.to).includes('uo@district.example'))).toBe(true);

      expect(await page.locator('#error').isHidden()).toBe(true);
      fs.mkdirSync(OUT, { recursive: true });
      await page.screenshot({ path: path.join(OUT, 'sidebar.png'), fullPage: true });

      // A refused call shows the server's message in the one error banner.
      ws.world.user = 'stranger@other.example';
      await page.click('#refresh');
      await page.locator('#error').waitFor({ state: 'visible' });
      expect(await page.locator('#error').textContent()).toMatch(
        /^Нет доступа: адрес stranger@other\.example не указан/,
      );

      expect(await page.locator('img').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('certificates: choose the event, see what will be made, make it, open the files', async () => {
    const { ws, app } = district();
    const { page, results, pageErrors } = await openSidebar(app, ws);
    try {
      await page.locator('#cert-event option').first().waitFor({ state: 'attached' });
      await page.selectOption('#cert-event', firstEvent);
      await page.click('#cert-preview');
      await page.locator('#cert-status .documents li').first().waitFor();
      expect(await page.locator('#cert-status').textContent()).toContain(
        // Two certificates (two ОУ) and one letter: both children have the same mentor.
        'Будет сделано документов: 3',
      );
      await page.click('#cert-make');
      await page
        .locator('#cert-status a', { hasText: 'Открыть папку' })
        .waitFor({ timeout: 20000 });
      const made = results.find((r) => r.name === 'generateCertificates');
      expect(made?.message).toBeUndefined();
      const answer = made!.value as { made: number; total: number };
      expect(answer).toMatchObject({ made: 3, total: 3 });
      // A link to each document and its PDF; the hostile short name appears nowhere as HTML.
      expect(await page.locator('#cert-status .documents a').count()).toBe(6);
      fs.mkdirSync(OUT, { recursive: true });
      await page
        .locator('#certificates')
        .screenshot({ path: path.join(OUT, 'sidebar-certificates.png') });
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('#error').isHidden()).toBe(true);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('year close: the preview first, the close only after ticking that names go for good', async () => {
    const { ws, app } = setUpDistrict('2022-06-02T09:00:00+03:00');
    rememberFirstEvent(ws.sheetValues('Мероприятия'));
    scheduleFirstEvent(ws, '2021-11-15', '2021-11-16', '2021-11-10');
    app.call('syncFormChoices');
    ws.submitForm('Регистрация участников', registration());
    for (const p of ['2021-09', '2021-10', '2021-11', '2021-12', '2022-01']) {
      app.call('generateMonthlyNote', p);
    }
    for (const p of ['2022-02', '2022-03', '2022-04', '2022-05'])
      app.call('generateMonthlyNote', p);
    const { page, results, pageErrors } = await openSidebar(app, ws);
    try {
      await page.waitForFunction(
        () => (document.getElementById('close-year') as HTMLInputElement).value !== '',
      );
      expect(await page.inputValue('#close-year')).toBe('2021/2022');
      expect(await page.locator('#close-confirm-row').isHidden()).toBe(true);
      await page.click('#close-preview');
      await page.locator('#close-status p').first().waitFor();
      expect(await page.locator('#close-status').textContent()).toContain('Архив 2021/2022');
      expect(results.filter((r) => r.name === 'closeSchoolYear')).toHaveLength(1);
      expect(await page.locator('#close-run').isDisabled()).toBe(true);
      await page.check('#close-understood');
      expect(await page.locator('#close-run').isDisabled()).toBe(false);
      fs.mkdirSync(OUT, { recursive: true });
      await page
        .locator('#yearclose')
        .screenshot({ path: path.join(OUT, 'sidebar-yearclose.png') });
      await page.click('#close-run');
      await page.locator('#close-status p.ok').first().waitFor({ timeout: 20000 });
      expect(await page.locator('#close-status').textContent()).toContain('учебный год закрыт');
      expect(
        ws
          .sheetValues('Участники')
          .slice(1)
          .filter((r) => r.some((c) => c !== '')),
      ).toEqual([]);
      expect(await page.locator('#error').isHidden()).toBe(true);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
