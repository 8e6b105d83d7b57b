/** The sidebar's server side on the real bundle: HTML shown, figures, health, settings, access. */
import {
  district,
  errorOf,
  registration,
  scheduleFirstEvent,
  settingValue,
  type Ws,
} from './harness';
import { SIDEBAR_RU } from '../../src/i18n/ru/sidebar';

const STRANGER = 'stranger@other.example';

/** Runs as another user from now on (the spreadsheet stays owned by the methodologist). */
function actAs(ws: Ws, email: string): void {
  ws.world.user = email;
}

describe('sidebar (server side)', () => {
  test('showSidebar shows the evaluated HTML with the client bundle and no template left', () => {
    const { ws, app } = district();
    app.call('showSidebar');
    const html = ws.lastSidebar();
    expect(html).not.toBeNull();
    expect(html).toContain('id="dashboard-body"');
    expect(html).toContain('id="generate"');
    expect(html).toContain('google.script.run');
    expect(html).not.toContain('<!-- bundle:');
    expect(html).not.toContain('<?');
  });

  test('getDashboard counts by event date: an October registration for November is the pipeline', () => {
    const { ws, app } = district();
    ws.submitForm('Регистрация участников', registration()); // the seeded event is in November
    const before = app.call('getDashboard');
    expect(before.month.participants).toBe(0);
    expect(before.registrations).toBe(1);
    // No signatory in «Настройки»: the panel says so above «Сформировать справку».
    expect(before.warnings).toEqual([SIDEBAR_RU.warnings.noSignatory]);
    app.call('saveSettings', { signatureName: 'Е.В. Французан' });
    expect(app.call('getDashboard').warnings).toEqual([]);
  });

  test('getDashboard counts this month, the school year, the registry and the quality queue', () => {
    const { ws, app } = district();
    scheduleFirstEvent(ws, '2021-10-20', '2021-10-22', '2021-10-15');
    ws.submitForm('Регистрация участников', registration());
    const queued = app.call('getDashboard').qualityNew as number;
    // Two more queue rows: only the one still «Новая» counts.
    const quality = ws.spreadsheet().getSheetByName('Требует проверки')!;
    const width = quality.getLastColumn();
    const row = (key: string, status: string) => {
      const cells: unknown[] = new Array(width).fill('');
      cells[0] = key;
      cells[width - 1] = status;
      return cells;
    };
    quality
      .getRange(quality.getLastRow() + 1, 1, 2, width)
      .setValues([row('q-1', 'Новая'), row('q-2', 'Исправлено')] as never);
    const data = app.call('getDashboard');
    expect(data.period).toBe('2021-10');
    expect(data.periodLabel).toBe('октябрь 2021');
    expect(data.schoolsTotal).toBe(4);
    expect(data.month.participants).toBe(1);
    expect(data.year.participants).toBe(data.month.participants);
    expect(data.topSchools[0]).toEqual({ name: 'ГБОУ СОШ № 47', participants: 1 });
    expect(data.qualityNew).toBe(queued + 1);
    expect(data.qualityUrl).toMatch(/#gid=\d+$/);
    expect(data.series.map((p: { period: string }) => p.period)).toEqual(['2021-09', '2021-10']);
    expect(data.periods.map((p: { key: string }) => p.key)).toEqual(['2021-09', '2021-10']);
    expect(data.defaultPeriod).toBe('2021-09');
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  test('getHealth reports the triggers, the journal, the mail quota and the upload question', () => {
    const { app } = district();
    const health = app.call('getHealth');
    expect(health.triggers).toEqual({
      formSubmit: 1,
      daily: 1,
      ok: true,
      owner: 'metodist@center.example',
      mine: true,
    });
    expect(health.runs.length).toBeGreaterThanOrEqual(1);
    expect(health.runs.length).toBeLessThanOrEqual(10);
    expect(health.runs[0].at).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(health.mailQuota).toBe(100);
    expect(health.fileUpload.present).toBe(false);
    expect(health.fileUpload.instructions).toContain('Загрузка файлов');
    // The form, the question and the question schools answer meanwhile, named from the definition.
    expect(health.fileUpload.instructions).toContain('В форму «Приказы о направлении участников»');
    expect(health.fileUpload.instructions).toContain('назовите вопрос «Файл приказа»');
    expect(health.fileUpload.instructions).toContain('на вопрос «Ссылка на файл приказа»');
  });

  test('getHealth sees the upload question once the operator adds it', () => {
    const { ws, app } = district();
    ws.uploadFileItem('Приказы о направлении участников', 'Файл приказа');
    const health = app.call('getHealth');
    expect(health.fileUpload.present).toBe(true);
    expect(health.fileUpload.instructions).toBe(
      'Вопрос «Файл приказа» для загрузки файлов есть в форме «Приказы о направлении участников».',
    );
  });

  test('saveSettings returns Russian field errors and writes nothing when invalid', () => {
    const { ws, app } = district();
    const before = ws.sheetValues('Настройки');
    const result = app.call('saveSettings', {
      recipients: 'uo@district.example, не-адрес',
      noteDay: '31',
      centreName: '',
    });
    expect(result.ok).toBe(false);
    expect(result.errors.recipients).toContain('не-адрес');
    expect(result.errors.noteDay).toContain('от 1 до 28');
    expect(result.errors.centreName).toContain('заполните');
    expect(ws.sheetValues('Настройки')).toEqual(before);
  });

  test('saveSettings writes valid settings to «Настройки» in one block', () => {
    const { ws, app } = district();
    ws.resetCosts();
    const result = app.call('saveSettings', {
      recipients: 'uo@district.example; metodist2@district.example',
      staff: STRANGER,
      noteDay: '7',
      nameWinners: 'да',
      signatureName: '=HYPERLINK("x")',
    });
    expect(result.ok).toBe(true);
    expect(result.message).toBe('Настройки сохранены.');
    expect(settingValue(ws, 'recipients')).toBe('uo@district.example, metodist2@district.example');
    expect(settingValue(ws, 'noteDay')).toBe(7);
    expect(settingValue(ws, 'nameWinners')).toBe('да');
    expect(String(settingValue(ws, 'signatureName'))).toContain('HYPERLINK');
    expect(ws.costs().calls['Range.setValues']).toBe(1);
    const fields = app.call('getSettings');
    expect(fields.find((f: { key: string }) => f.key === 'noteDay').value).toBe('7');
  });

  test('another staff member sees who runs the triggers, not a false alarm', () => {
    const { ws, app } = district();
    app.call('saveSettings', { staff: STRANGER });
    ws.actAs(STRANGER);
    const health = app.call('getHealth');
    expect(health.triggers).toMatchObject({
      mine: false,
      ok: true,
      owner: 'metodist@center.example',
    });
  });

  test('syncFormChoices puts a school added to the registry into the forms at once', () => {
    const { ws, app } = district();
    const registry = ws.spreadsheet().getSheetByName('ОУ')!;
    registry.appendRow(['ШКОЛА-600', 'школа', '600', 'ГБОУ СОШ № 600', 'ГБОУ СОШ № 600']);
    expect(app.call('syncFormChoices')).toMatch(/обновлены/);
    const form = ws.forms().find((f) => f.title === 'Регистрация участников')!;
    const school = form.items.find((i) => i.title === 'Образовательное учреждение')!;
    expect(school.choices).toContain('ГБОУ СОШ № 600');
    expect(app.call('syncFormChoices')).toMatch(/уже совпадают/);
  });

  test('a user who is neither staff nor the owner gets the access error', () => {
    const { ws, app } = district();
    actAs(ws, STRANGER);
    for (const name of ['getDashboard', 'getHealth', 'getSettings']) {
      expect(() => app.call(name)).toThrow(/Нет доступа.*stranger@other\.example/);
    }
    expect(() => app.call('saveSettings', { staff: STRANGER })).toThrow(/Нет доступа/);
    expect(() => app.call('generateNote', '2021-09')).toThrow(/Нет доступа/);
    expect(() => app.call('sendSummary', '2021-09')).toThrow(/Нет доступа/);
  });

  test('every public job that writes, builds documents or mails refuses a non-staff caller', () => {
    const { ws, app } = district();
    app.call('saveSettings', { recipients: 'otdel@edu.example' });
    // setupSystem made the certificate templates; nothing else may appear.
    const templates = ws.documents().filter((d) => !d.trashed).length;
    actAs(ws, STRANGER);
    const calls: [string, unknown[]][] = [
      ['generateMonthlyNote', ['2021-09']],
      ['sendMonthlySummary', ['2021-09']],
      ['rebuildAll', []],
      ['setupSystem', []],
      ['refreshStatistics', []],
      ['importPlan', ['1.\tМероприятие\tСентябрь 2021']],
      ['generatePlanAnalysis', ['2021/2022']],
      ['runDailyJobs', []],
      ['runDailyJobs', [{ triggerUid: '1000001', authMode: 'FULL' }]],
      ['syncFormChoices', []],
      ['generateCertificates', ['Районный отборочный этап KidSkills']],
      ['previewCertificates', ['Районный отборочный этап KidSkills']],
      ['getCertificatesPanel', []],
      ['showCertificates', []],
    ];
    for (const [name, args] of calls) {
      expect({ name, error: errorOf(() => app.call(name, ...args)) }).toEqual({
        name,
        error: expect.stringMatching(/Нет доступа/),
      });
    }
    expect(ws.outbox()).toHaveLength(0);
    expect(ws.documents().filter((d) => !d.trashed)).toHaveLength(templates);
  });

  test('a user listed as staff may act', () => {
    const { ws, app } = district();
    app.call('saveSettings', { staff: STRANGER });
    actAs(ws, STRANGER);
    expect(app.call('getDashboard').schoolsTotal).toBe(4);
  });

  test('generateNote rejects a period that is not a month', () => {
    const { app } = district();
    expect(() => app.call('generateNote', '2021-13')).toThrow(/не распознан/);
  });
});
