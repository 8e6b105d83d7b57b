/**
 * generateCertificates on the real bundle: a season with confirmed and unconfirmed results gives
 * exactly the expected diplomas, certificates and letters with names in the right cases; a second
 * run changes nothing; a run cut by time or by the daily quota completes later without
 * duplicates; a misspelled template field stops everything with the field's name.
 */
import { pdfPages, type DocumentView } from '@opc/gas-emulator';
import type { BlockNode, DocumentContent } from '@opc/gas-emulator';
import {
  type App,
  madeDocuments,
  registration,
  setSetting,
  setUpDistrict,
  type Ws,
} from './harness';

const EVENT = 'Отборочный (заочный) тур регионального чемпионата JuniorSkills';
const FOLDER = `Мониторинг чемпионатов/Грамоты/2021-2022/${EVENT}`;
const NAME = (kind: string, school: string) => `${kind} — ${school} — ${EVENT}`;

interface Answer {
  ok: boolean;
  message: string;
  errors: string[];
  made: number;
  unchanged: number;
  total: number;
  paused: string;
}

function result(school: string, person: string, place: string) {
  return {
    'Образовательное учреждение': school,
    Мероприятие: EVENT,
    Компетенция: 'Мобильная робототехника',
    'Участник (Фамилия Имя)': person,
    Результат: place,
    Баллы: '80',
  };
}

/** Staff tick «Подтверждено» for the results of these participants. */
function confirm(ws: Ws, ...people: string[]) {
  const sheet = ws.spreadsheet().getSheetByName('Результаты')!;
  const values = sheet.getDataRange().getValues();
  const header = values[0]!.map(String);
  const [who, tick] = [header.indexOf('Участник'), header.indexOf('Подтверждено')];
  values.forEach((row, i) => {
    if (i > 0 && people.includes(String(row[who]))) sheet.getRange(i + 1, tick + 1).setValue(true);
  });
}

/** Registrations of three ОУ, results of the event, two of three medals confirmed. */
function season(quotas?: { documentsCreatedPerDay: number }) {
  const { ws, app } = setUpDistrict('2021-11-15T10:00:00+03:00', quotas);
  const reg = (school: string, mentor: string, children: [string, string][]) =>
    ws.submitForm(
      'Регистрация участников',
      registration({
        'Образовательное учреждение': school,
        Мероприятие: EVENT,
        'Участник 1: фамилия': children[0]![0],
        'Участник 1: имя': children[0]![1],
        ...(children[1]
          ? {
              'Участник 2: фамилия': children[1][0],
              'Участник 2: имя': children[1][1],
              'Участник 2: класс / группа': '6 «А»',
            }
          : {}),
        'Наставник: ФИО': mentor,
      }),
    );
  reg('ГБОУ СОШ № 47', 'Кузьмич Олег Иванович', [
    ['Орлова', 'Ирина'],
    ['Сорокин', 'Илья'],
  ]);
  reg('ГБОУ СОШ № 47', 'Орлова Ирина Петровна', [['Белых', 'Саша']]);
  reg('ГБОУ СОШ № 51', 'Смирнова Анна Сергеевна', [['Козлова', 'Анна']]);
  ws.submitForm(
    'Результаты участия',
    result('ГБОУ СОШ № 47', 'Орлова Ирина', 'Победитель (1 место)'),
  );
  ws.submitForm('Результаты участия', result('ГБОУ СОШ № 47', 'Сорокин Илья', 'Призёр (2 место)'));
  ws.submitForm('Результаты участия', result('ГБОУ СОШ № 47', 'Белых Саша', 'Участник'));
  ws.submitForm(
    'Результаты участия',
    result('ГБОУ СОШ № 51', 'Козлова Анна', 'Медальон за профессионализм'),
  );
  confirm(ws, 'Орлова Ирина', 'Козлова Анна');
  return { ws, app };
}

function generate(app: App): Answer {
  return app.call('generateCertificates', EVENT) as Answer;
}

/** Live certificate documents (not templates, not the trash), by name. */
function certificates(ws: Ws): Map<string, DocumentView> {
  return new Map(
    madeDocuments(ws)
      .filter((d) => !d.trashed && d.folderPath.startsWith(FOLDER))
      .map((d) => [d.name, d]),
  );
}

function paragraphText(block: BlockNode): string {
  if (block.type === 'TABLE') return '';
  return block.children
    .map((c) => (c.type === 'TEXT' ? c.runs.map((r) => r.text).join('') : ''))
    .join('');
}

/** The text of each page: a page starts at a paragraph holding a page break. */
function pages(content: DocumentContent): string[] {
  const out: string[][] = [[]];
  for (const block of content.body.children) {
    if (block.type !== 'TABLE' && block.children.some((c) => c.type === 'PAGE_BREAK')) out.push([]);
    out[out.length - 1]!.push(paragraphText(block));
  }
  return out.map((lines) => lines.filter((l) => l !== '').join('\n'));
}

/** Files of the event's folder (documents and PDFs), not trashed. */
function files(ws: Ws) {
  return ws
    .files()
    .filter(
      (f) =>
        !f.trashed &&
        f.path.startsWith(FOLDER) &&
        f.mimeType !== 'application/vnd.google-apps.folder',
    );
}

describe('generateCertificates', () => {
  test('confirmed results give diplomas, the rest certificates, mentors letters — names in the right case', () => {
    const { ws, app } = season();
    const answer = generate(app);
    expect(answer).toMatchObject({ ok: true, made: 5, unchanged: 0, total: 5, paused: '' });
    // The unconfirmed silver is counted and named; no prize diploma exists.
    expect(answer.message).toContain('Результаты не подтверждены (1): Сорокин Илья (ШКОЛА-47)');

    const docs = certificates(ws);
    expect([...docs.keys()].sort()).toEqual(
      [
        NAME('Дипломы победителей', 'ШКОЛА-47'),
        NAME('Сертификаты участников', 'ШКОЛА-47'),
        NAME('Благодарственные письма', 'ШКОЛА-47'),
        NAME('Сертификаты участников', 'ШКОЛА-51'),
        NAME('Благодарственные письма', 'ШКОЛА-51'),
      ].sort(),
    );
    const diploma = docs.get(NAME('Дипломы победителей', 'ШКОЛА-47'))!;
    expect(diploma.folderPath).toBe(`${FOLDER}/ШКОЛА-47`);
    const [winner, ...more] = pages(diploma.content());
    expect(more).toEqual([]);
    expect(winner).toContain('Орлова Ирина');
    expect(winner).toContain('занявшая 1 место');
    // «№» keeps to its number on the page (a no-break space); the registry keeps what was typed.
    expect(winner).toContain('ГБОУ СОШ №\u00A047 имени Д.С. Лихачева');
    expect(winner).not.toMatch(/№ /);
    expect(ws.sheetValues('ОУ').flat()).toContain('ГБОУ СОШ № 47 имени Д.С. Лихачева');
    expect(winner).toContain('Наставник: Кузьмич Олег Иванович');
    expect(winner).not.toContain('{{');

    const certificate = pages(docs.get(NAME('Сертификаты участников', 'ШКОЛА-51'))!.content());
    expect(certificate).toHaveLength(1);
    expect(certificate[0]).toContain('Козлова Анна');
    expect(certificate[0]).toContain('приняла участие');
    expect(certificate[0]).toContain('Результат: Медальон за профессионализм');

    const letters = pages(docs.get(NAME('Благодарственные письма', 'ШКОЛА-47'))!.content());
    expect(letters).toHaveLength(2);
    expect(letters[0]).toContain('выражает благодарность\nКузьмичу Олегу Ивановичу');
    // Кузьмич's list holds his confirmed child; the unconfirmed silver waits.
    expect(letters[0]).toContain('Орлова Ирина (Мобильная робототехника) — победитель (1 место)');
    expect(letters[0]).not.toContain('Сорокин');
    expect(letters[1]).toContain('Орловой Ирине Петровне');
    expect(letters[1]).toContain('Белых Саша (Мобильная робототехника) — участник');
    expect(pages(docs.get(NAME('Благодарственные письма', 'ШКОЛА-51'))!.content())[0]).toContain(
      'Смирновой Анне Сергеевне',
    );

    // Every document has its PDF beside it, one page per person.
    const pdf = files(ws).find(
      (f) => f.name === `${NAME('Благодарственные письма', 'ШКОЛА-47')}.pdf`,
    )!;
    expect(pdf.path).toBe(`${FOLDER}/ШКОЛА-47`);
    const pdfText = pdfPages(pdf.bytes!);
    expect(pdfText).toHaveLength(2);
    expect(pdfText[1]).toContain('Орловой Ирине Петровне');
    expect(files(ws)).toHaveLength(10);

    // «Грамоты» lists each document; «Журнал» has the run.
    expect(
      ws
        .sheetValues('Грамоты')
        .slice(1)
        .map((r) => [r[2], r[3], r[4]]),
    ).toEqual([
      ['ШКОЛА-47', 'Диплом победителя', 1],
      ['ШКОЛА-47', 'Сертификат участника', 1],
      ['ШКОЛА-47', 'Благодарственное письмо', 2],
      ['ШКОЛА-51', 'Сертификат участника', 1],
      ['ШКОЛА-51', 'Благодарственное письмо', 1],
    ]);
    const journal = ws.sheetValues('Журнал').filter((r) => r[1] === 'Грамоты');
    expect(journal).toHaveLength(1);
    expect(journal[0]![2]).toBe('выполнено');
  });

  test('the template’s formatting is kept: fonts, sizes, alignment of the filled name', () => {
    const { ws, app } = season();
    generate(app);
    const diploma = certificates(ws).get(NAME('Дипломы победителей', 'ШКОЛА-47'))!;
    const name = diploma.content().body.children.find((b) => paragraphText(b) === 'Орлова Ирина')!;
    expect(name.type).toBe('PARAGRAPH');
    if (name.type === 'TABLE') return;
    expect(name.attrs.HORIZONTAL_ALIGNMENT).toBe('CENTER');
    const run = (name.children[0] as { runs: { attrs: Record<string, unknown> }[] }).runs[0]!;
    expect(run.attrs).toMatchObject({ FONT_FAMILY: 'Times New Roman', FONT_SIZE: 24, BOLD: true });
  });

  test('a child whose gender cannot be told keeps the nominative and is listed for review', () => {
    const { ws, app } = season();
    const answer = generate(app);
    const certificate = pages(
      certificates(ws).get(NAME('Сертификаты участников', 'ШКОЛА-47'))!.content(),
    )[0]!;
    expect(certificate).toContain('Белых Саша');
    expect(certificate).toContain('принял/приняла участие');
    expect(answer.message).toContain('Пол не удалось определить (1)');
    const review = ws.sheetValues('Требует проверки').filter((r) => r[2] === 'Грамоты');
    expect(review).toHaveLength(1);
    expect(String(review[0]![5])).toContain('Белых Саша');
    expect(String(review[0]![7])).toContain('Укажите пол/падеж вручную');
    // A second run and a rebuild keep exactly one line.
    generate(app);
    app.call('rebuildAll');
    expect(ws.sheetValues('Требует проверки').filter((r) => r[2] === 'Грамоты')).toHaveLength(1);
  });

  test('a second run with unchanged inputs creates and trashes nothing', () => {
    const { ws, app } = season();
    generate(app);
    const all = () =>
      ws
        .files()
        .filter((f) => f.path.startsWith(FOLDER))
        .map((f) => `${f.id}:${f.trashed}`);
    const before = all();
    ws.clock.advanceTo('2021-11-16T12:00:00+03:00');
    const again = generate(app);
    expect(again).toMatchObject({ ok: true, made: 0, unchanged: 5, total: 5 });
    expect(all()).toEqual(before);
  });

  test('a confirmed result replaces only its ОУ’s documents, after the new ones are made', () => {
    const { ws, app } = season();
    generate(app);
    const old = certificates(ws);
    confirm(ws, 'Сорокин Илья');
    const answer = generate(app);
    // ШКОЛА-47 gets its prize diploma and a new letter (Кузьмич's list now has Сорокин).
    expect(answer).toMatchObject({ made: 2, unchanged: 4, total: 6 });
    const now = certificates(ws);
    expect(now.size).toBe(6);
    const prize = pages(now.get(NAME('Дипломы призёров', 'ШКОЛА-47'))!.content());
    expect(prize[0]).toContain('Сорокин Илья');
    expect(prize[0]).toContain('занявший 2 место');
    const letter = NAME('Благодарственные письма', 'ШКОЛА-47');
    expect(now.get(letter)!.id).not.toBe(old.get(letter)!.id);
    expect(ws.documents().find((d) => d.id === old.get(letter)!.id)!.trashed).toBe(true);
    expect(pages(now.get(letter)!.content())[0]).toContain(
      'Сорокин Илья (Мобильная робототехника) — призёр (2 место)',
    );
    for (const kept of [
      NAME('Дипломы победителей', 'ШКОЛА-47'),
      NAME('Сертификаты участников', 'ШКОЛА-51'),
    ])
      expect(now.get(kept)!.id).toBe(old.get(kept)!.id);
    // Never two live files of one name.
    const names = files(ws).map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('an event without a start date: «Дата проведения:» is left out of every page, not printed empty', () => {
    const { ws, app } = season();
    generate(app);
    const dated = pages(
      certificates(ws).get(NAME('Благодарственные письма', 'ШКОЛА-47'))!.content(),
    );
    expect(dated.every((p) => /Дата проведения: 6–10\u00a0декабря 2021\u00a0г\./.test(p))).toBe(
      true,
    );
    // Staff clear the event's dates in «Мероприятия»: the documents are made again.
    const sheet = ws.spreadsheet().getSheetByName('Мероприятия')!;
    const row = sheet
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === EVENT);
    sheet.getRange(row + 1, 5, 1, 2).setValues([['', '']]);
    const again = generate(app);
    expect(again).toMatchObject({ ok: true, made: 5 });
    for (const doc of certificates(ws).values()) {
      const texts = pages(doc.content());
      expect(texts.length).toBeGreaterThan(0);
      for (const page of texts) {
        expect(page).not.toContain('Дата проведения');
        expect(page).toContain('____________'); // the signature line is still there
      }
    }
    expect(
      pages(certificates(ws).get(NAME('Благодарственные письма', 'ШКОЛА-47'))!.content()),
    ).toHaveLength(2);
  });

  test('a misspelled field stops the run before anything is made, naming the field', () => {
    const { ws, app } = season();
    const template = ws.documents().find((d) => d.name === 'Шаблон: Диплом победителя')!;
    for (const block of template.content().body.children)
      if (block.type !== 'TABLE')
        for (const child of block.children)
          if (child.type === 'TEXT')
            for (const run of child.runs)
              run.text = run.text.replace('{{Фамилия Имя}}', '{{Фамлия Имя}}');
    const answer = generate(app);
    expect(answer.ok).toBe(false);
    expect(answer.errors).toEqual([
      'Шаблон «Диплом победителя»: неизвестное поле {{Фамлия Имя}} — возможно, {{Фамилия Имя}}.',
    ]);
    expect(answer.message).toContain('Ничего не создано');
    expect(certificates(ws).size).toBe(0);
    const journal = ws.sheetValues('Журнал').filter((r) => r[1] === 'Грамоты');
    expect(journal[0]![2]).toBe('ошибка');
    expect(String(journal[0]![5])).toContain('{{Фамлия Имя}} — возможно, {{Фамилия Имя}}');
  });

  test('an unknown event is named with the closest one; nothing is made', () => {
    const { ws, app } = season();
    const answer = app.call(
      'generateCertificates',
      'Отборочный тур регионального чемпионата JuniorSkils',
    ) as Answer;
    expect(answer.ok).toBe(false);
    expect(answer.message).toContain(`возможно, «${EVENT}»`);
    expect(certificates(ws).size).toBe(0);
  });

  test('the preview says what would be made and makes nothing', () => {
    const { ws, app } = season();
    const preview = app.call('previewCertificates', EVENT) as Answer;
    expect(preview.ok).toBe(true);
    expect(preview.message).toContain('Будет сделано документов: 5 (страниц: 6)');
    expect(certificates(ws).size).toBe(0);
  });
});

describe('generateCertificates within limits', () => {
  test('the daily quota of new documents: the rest is made by the next daily run, once', () => {
    // The templates take 7 of the day's documents (4 certificates, 3 notes); 2 more fit today.
    const { ws, app } = season({ documentsCreatedPerDay: 9 });
    const first = generate(app);
    expect(first).toMatchObject({ ok: true, made: 2, paused: 'quota' });
    expect(first.message).toContain('дневная квота Google на создание документов исчерпана');
    expect(certificates(ws).size).toBe(2);
    expect(ws.sheetValues('Журнал').filter((r) => r[1] === 'Грамоты')[0]![2]).toBe('отложено');

    ws.clock.advanceTo('2021-11-16T08:00:00+03:00'); // the daily trigger fires at 06:00–07:00
    const made = certificates(ws);
    expect(made.size).toBe(5);
    const names = files(ws).map((f) => f.name);
    expect(names).toHaveLength(10);
    expect(new Set(names).size).toBe(10);
    const again = generate(app);
    expect(again).toMatchObject({ made: 0, unchanged: 5 });
  });

  test('a run cut by its time budget finishes on the next call without duplicates', () => {
    const { ws, app } = season();
    // 100 more schools, one child each: more documents than one run's time budget allows.
    const schools = Array.from({ length: 100 }, (_, i) => 1001 + i);
    const registry = ws.spreadsheet().getSheetByName('ОУ')!;
    registry
      .getRange(registry.getLastRow() + 1, 1, schools.length, 9)
      .setValues(
        schools.map((n) => [
          `ШКОЛА-${n}`,
          'школа',
          String(n),
          `ГБОУ СОШ № ${n}`,
          `ГБОУ СОШ № ${n}`,
          'Невский',
          '',
          '',
          '',
        ]),
      );
    app.call('syncFormChoices');
    ws.seedResponses(
      'Регистрация участников',
      schools.map((n, i) => ({
        answers: registration({
          'Образовательное учреждение': `ГБОУ СОШ № ${n}`,
          Мероприятие: EVENT,
          'Участник 1: фамилия': ['Иванова', 'Петров', 'Сидорова', 'Кузнецов'][i % 4]!,
          'Участник 1: имя': ['Мария', 'Глеб', 'Анна', 'Олег'][i % 4]!,
          'Наставник: ФИО': ['Петрова Мария Ивановна', 'Соколов Игорь Петрович'][i % 2]!,
        }),
      })),
    );
    app.call('rebuildAll');
    const first = generate(app);
    expect(first.paused).toBe('time');
    expect(first.made).toBeGreaterThan(0);
    expect(first.made).toBeLessThan(first.total);
    let answer = first;
    for (let runs = 1; answer.paused === 'time' && runs < 10; runs++) answer = generate(app);
    expect(answer.paused).toBe('');
    // Each run stopped by itself, well inside Apps Script's 6 minutes.
    const runs = ws.costs().executions.filter((e) => e.functionName === 'generateCertificates');
    expect(runs.length).toBeGreaterThan(1);
    for (const run of runs) {
      expect(run.error).toBeUndefined();
      expect(run.modelledMs).toBeLessThan(300_000);
    }
    // 5 documents of the season, a certificate per new school, a letter per mentor (2).
    expect(answer.total).toBe(107);
    expect(first.total).toBe(107);
    const names = files(ws).map((f) => f.name);
    expect(names).toHaveLength(214);
    expect(new Set(names).size).toBe(names.length);
    expect(certificates(ws).size).toBe(107);
    expect(ws.sheetValues('Грамоты')).toHaveLength(108);
  });
});

describe('templates and the panel', () => {
  test('setupSystem makes one template per kind, shares it with staff, and a second run changes nothing', () => {
    const { ws, app } = setUpDistrict();
    app.call('saveSettings', { staff: 'metodist@center.example, kollega@center.example' });
    const report = app.call('setupSystem') as { changes: number };
    // Sharing the templates (4 certificates, 3 documents) with the new colleague is the only change.
    expect(report.changes).toBe(7);
    expect((app.call('setupSystem') as { changes: number }).changes).toBe(0);
    const templates = ws
      .documents()
      .filter((d) => d.folderPath === 'Мониторинг чемпионатов/Шаблоны');
    expect(templates.map((t) => t.name)).toEqual([
      'Шаблон: Диплом победителя',
      'Шаблон: Диплом призёра',
      'Шаблон: Сертификат участника',
      'Шаблон: Благодарственное письмо',
      'Шаблон: Аналитическая справка за месяц',
      'Шаблон: Аналитическая справка за учебный год',
      'Шаблон: Анализ выполнения плана работы',
    ]);
    for (const t of templates) {
      const file = ws.files().find((f) => f.id === t.id)!;
      expect(file.editors).toEqual(['kollega@center.example']);
      expect(t.content().body.attrs).toMatchObject({ PAGE_WIDTH: 595.3, PAGE_HEIGHT: 841.9 });
    }
    const settings = new Map(ws.sheetValues('Настройки').map((r) => [r[2], String(r[1])]));
    expect(settings.get('templateWinner')).toBe(
      `https://docs.google.com/document/d/${templates[0]!.id}/edit`,
    );
    expect(templates[3]!.text()).toContain('выражает благодарность\n{{ФИО наставника:дательный}}');
  });

  test('staff point «Настройки» to their own template; it is used as it is', () => {
    const { ws, app } = season();
    const own = ws.documents().find((d) => d.name === 'Шаблон: Сертификат участника')!;
    // Staff change the wording of a copy of their own: the first line becomes a field.
    own.content().body.children.splice(0, 1, {
      type: 'PARAGRAPH',
      attrs: { HORIZONTAL_ALIGNMENT: 'CENTER' },
      children: [
        {
          type: 'TEXT',
          runs: [{ text: 'Сертификат вручается {{Фамилия Имя:дательный}}', attrs: {} }],
        },
      ],
    });
    app.call('saveSettings', { templateParticipant: own.id });
    generate(app);
    const text = certificates(ws).get(NAME('Сертификаты участников', 'ШКОЛА-51'))!.text();
    expect(text).toContain('Сертификат вручается Козловой Анне');
    expect(app.call('saveSettings', { templateParticipant: 'шаблон' })).toMatchObject({
      ok: false,
    });
  });

  test('the panel lists each event once and the sidebar opens at the section from the menu', () => {
    const { ws, app } = season();
    const panel = app.call('getCertificatesPanel') as { events: { name: string }[] };
    const names = panel.events.map((e) => e.name);
    expect(names).toContain(EVENT);
    expect(new Set(names).size).toBe(names.length);
    app.call('showCertificates');
    const html = ws.lastSidebar()!;
    expect(html).toContain('data-focus="certificates"');
    expect(html).toContain('id="cert-event"');
  });
});

describe('letters to ОУ about their certificates («Отправлять грамоты в ОУ»)', () => {
  const notices = (ws: Ws) =>
    ws.outbox().filter((m) => m.subject.startsWith('Документы участников'));

  test('off by default: nobody is written to, nothing is shared', () => {
    const { ws, app } = season();
    expect(generate(app).paused).toBe('');
    ws.clock.advanceTo('2021-11-16T08:00:00+03:00');
    expect(notices(ws)).toHaveLength(0);
    expect(ws.files().every((f) => !f.viewers || f.viewers.length === 0)).toBe(true);
  });

  test('once the documents are made, each ОУ gets one letter with the link to its folder, opened to it', () => {
    const { ws, app } = season();
    setSetting(ws, 'certificatesToSchools', 'да');
    const answer = generate(app);
    expect(answer.message).toContain('в очередь почты поставлено 2 письма');
    expect(notices(ws)).toHaveLength(0); // through the queue: the next daily run sends them
    // On 16 November each ОУ gets October's monthly letter (the note is caught up that morning):
    // the notice waits for the next day, one letter an ОУ a day.
    ws.clock.advanceTo('2021-11-16T08:00:00+03:00');
    expect(notices(ws)).toHaveLength(0);
    ws.clock.advanceTo('2021-11-17T08:00:00+03:00');
    const sent = notices(ws);
    expect(sent.map((m) => m.to).sort()).toEqual([
      'школа-47@school.example',
      'школа-51@school.example',
    ]);
    const to47 = sent.find((m) => m.to === 'школа-47@school.example')!;
    const folder = ws.files().find((f) => f.path === FOLDER && f.name === 'ШКОЛА-47')!;
    expect(folder.viewers).toEqual(['школа-47@school.example']);
    expect(to47.subject).toBe(`Документы участников мероприятия «${EVENT}» для ГБОУ СОШ № 47`);
    expect(to47.body).toContain(
      'дипломы победителей, сертификаты участников и благодарственные письма наставникам',
    );
    expect(to47.body).toContain(`https://drive.google.com/drive/folders/${folder.id}`);
    expect(to47.htmlBody).toContain(
      `<a href="https://drive.google.com/drive/folders/${folder.id}">`,
    );
    expect(to47.body).not.toContain('Орлова'); // no child is named in the letter
    // Made again (nothing changed) or remade (a result confirmed): never a second letter.
    generate(app);
    confirm(ws, 'Сорокин Илья');
    expect(generate(app).made).toBeGreaterThan(0);
    ws.clock.advanceTo('2021-11-19T08:00:00+03:00');
    expect(notices(ws)).toHaveLength(2);
  });

  test('a notice waits while the ОУ gets its monthly letter and its reminder: one letter an ОУ a day', () => {
    const { ws, app } = season();
    setSetting(ws, 'certificatesToSchools', 'да');
    ws.clock.advanceTo('2021-12-04T18:00:00+03:00');
    generate(app);
    ws.clock.advanceTo('2021-12-05T09:00:00+03:00'); // the note day: November's letters to ОУ
    const day = (at: Date): string =>
      new Date(at.getTime() + 3 * 3600e3).toISOString().slice(0, 10);
    const since = (m: { at: Date }) => day(m.at) >= '2021-12-05';
    const to47 = ws.outbox().filter((m) => m.to === 'школа-47@school.example' && since(m));
    expect(to47.map((m) => [day(m.at), m.subject.split(' ')[0]])).toEqual([
      ['2021-12-05', 'Участие'],
    ]);
    // The 6th is the day of the report reminder (it goes before notices); the notice the day after.
    ws.clock.advanceTo('2021-12-07T09:00:00+03:00');
    const later = ws.outbox().filter((m) => m.to === 'школа-47@school.example' && since(m));
    expect(later.map((m) => [day(m.at), m.subject.split(' ')[0]])).toEqual([
      ['2021-12-05', 'Участие'],
      ['2021-12-06', 'Напоминание'],
      ['2021-12-07', 'Документы'],
    ]);
    const journal = ws.sheetValues('Журнал').map((r) => String(r[3]));
    expect(
      journal.some((d) => d.includes('ждёт следующего дня') || d.includes('ждут следующего дня')),
    ).toBe(true);
  });
});
