/** `npm start` end to end on a small season: the files in out/ exist and parse. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { pdfPages } from '@opc/gas-emulator';
import { DEFAULT_OPTIONS, progressBar, runSeason, RunResult } from '../scripts/start';
import { toEml } from '../scripts/export/eml';
import { esc } from '../scripts/export/html';
import { safeName } from '../scripts/export/index';
import { generateRegistry, generateSeason, type Choices } from '../scripts/district/generate';
import {
  categoryGradeRange,
  DEFAULT_AGE_CATEGORIES,
  DEFAULT_COMPETENCIES,
  SAMPLE_EVENTS,
} from '../src/domain/reference';
import { gradeOf } from '../src/domain/validation';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require('jszip') as {
  loadAsync(
    data: Buffer,
  ): Promise<{ file(name: string): { async(t: 'string'): Promise<string> } | null }>;
};

const out = fs.mkdtempSync(path.join(os.tmpdir(), 'opc-start-'));
let result: RunResult;

beforeAll(async () => {
  result = await runSeason({
    seed: 7,
    schools: 8,
    participants: 60,
    from: '2021-09-01',
    to: '2021-11-30',
    out,
  });
}, 60000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

test('the season submits answers of every form through the real triggers', () => {
  expect(result.answers).toBeGreaterThan(60);
  expect(result.rejected).toBe(0);
  for (const form of ['registration', 'report', 'order', 'results'])
    expect(result.submitted[form]).toBeGreaterThan(0);
  expect(result.failedExecutions).toBe(0);
  expect(result.costs.executions).toBeGreaterThan(result.answers);
  // Only the deliberate mistakes send a registration to «Требует проверки».
  expect(result.quality.registrations).toBe(result.submitted.registration);
  expect(result.quality.flagged).toBeLessThanOrEqual(
    Math.max(3, 0.1 * result.quality.registrations),
  );
});

test('master.xlsx reads back with every tab, a bold header and participants', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, 'master.xlsx'));
  const names = wb.worksheets.map((w) => w.name);
  for (const tab of ['Участники', 'ОУ', 'Отчёты ОУ', 'Настройки']) expect(names).toContain(tab);
  const participants = wb.getWorksheet('Участники')!;
  expect(participants.actualRowCount).toBeGreaterThan(1);
  expect(participants.getRow(1).font?.bold).toBe(true);
  expect(participants.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const schools = wb.getWorksheet('ОУ')!;
  expect(schools.actualRowCount).toBe(9);
  // Hostile text stays text: no cell of the workbook is a formula.
  for (const ws of wb.worksheets)
    ws.eachRow((row) =>
      row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)),
    );
});

test('every .docx is a zip with word/document.xml and every .eml has its headers', async () => {
  for (const d of result.files.docs) {
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, d.file)));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:body>');
  }
  for (const m of result.files.mail) {
    const text = fs.readFileSync(path.join(out, m.file), 'utf8');
    expect(text).toMatch(/^From: /m);
    expect(text).toMatch(/^To: \S/m);
    expect(text).toMatch(/^Subject: /m);
    expect(text).toMatch(/^MIME-Version: 1\.0/m);
  }
});

test('the plan analysis of seed 000 is written beside the notes, with the staff comments quoted', async () => {
  const analysis = result.files.docs.filter((d) =>
    d.name.startsWith('Анализ выполнения плана работы'),
  );
  expect(analysis).toHaveLength(1);
  expect(analysis[0]!.file).toMatch(/^notes\//);
  const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, analysis[0]!.file)));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = xml.replace(/<[^>]+>/g, '');
  expect(text).toContain('УТВЕРЖДАЮ');
  expect(text).toContain('Приказ от 28\u00a0июня 2021\u00a0г. №\u00a024-ОД');
  // Comments of scripts/district/plan.ts quoted in their sections; section 6 has none.
  expect(text).toContain('Комментарии: 1.1 — «Цели и задачи центра обсуждены');
  expect(text).toContain('Комментарии к мероприятиям раздела не внесены.');
  expect(text).not.toContain('{{');
  // Both figures are images.
  expect((xml.match(/<w:drawing>/g) ?? []).length).toBe(2);
});

test('the certificates of one event are exported as .docx with their PDF, one page per person', async () => {
  const c = result.files.certificates;
  expect(result.certificates.event).not.toBe('');
  expect(c.length).toBe(result.certificates.documents);
  expect(c.length).toBeGreaterThan(0);
  for (const d of c) {
    expect(d.folder).toContain(`/Грамоты/2021-2022/${result.certificates.event}/`);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(out, d.file)));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).not.toContain('{{');
    const pdf = new Uint8Array(fs.readFileSync(path.join(out, d.pdf)));
    // As many PDF pages as the document has pages (page breaks + 1).
    const breaks = (xml.match(/w:type="page"/g) ?? []).length;
    expect(pdfPages(pdf)).toHaveLength(breaks + 1);
  }
  // Four certificate templates and three of the notes and the plan analysis.
  expect(result.files.templates).toHaveLength(7);
});

test('index.html links to the workbook, every document and every email', () => {
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  expect(html).toContain('href="master.xlsx"');
  const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
  for (const f of [
    ...result.files.docs.map((d) => d.file),
    ...result.files.mail.map((m) => m.file),
    ...result.files.certificates.flatMap((d) => [d.file, d.pdf]),
    ...result.files.templates.map((t) => t.file),
  ]) {
    expect(links).toContain(f.split(path.sep).join('/'));
    expect(fs.existsSync(path.join(out, f))).toBe(true);
  }
  expect(html).not.toMatch(/<img|<script/i);
});

test('the monthly letters to ОУ are in out/mail/, and index.html groups the mail by kind', () => {
  const letters = result.files.mail.filter((m) => m.kind === 'school');
  // One letter per ОУ (8, all with an address) for September and for October.
  expect(
    letters.map((m) => m.subject).filter((s) => s.endsWith('сентябрь 2021\u00a0г.')),
  ).toHaveLength(8);
  expect(
    letters.map((m) => m.subject).filter((s) => s.endsWith('октябрь 2021\u00a0г.')),
  ).toHaveLength(8);
  for (const m of letters) expect(m.subject).toMatch(/^Участие .+ в чемпионатах: /);
  expect(result.files.mail.some((m) => m.kind === 'summary')).toBe(true);
  expect(result.files.mail.some((m) => m.kind === 'reminder')).toBe(true);
  expect(result.files.mail.every((m) => m.kind !== 'other')).toBe(true);
  // «Отправлять грамоты в ОУ» is on in the district: each ОУ of the certified event is told once.
  const notices = result.files.mail.filter((m) => m.kind === 'notice');
  expect(notices.length).toBeGreaterThan(0);
  expect(new Set(notices.map((m) => m.to)).size).toBe(notices.length);
  for (const m of notices) expect(m.subject).toContain(result.certificates.event);
  const html = fs.readFileSync(path.join(out, 'index.html'), 'utf8');
  const at = (title: string): number => html.indexOf(title);
  expect(at(`Ежемесячные письма ОУ (${letters.length})`)).toBeGreaterThan(0);
  expect(at('Сводки получателям (')).toBeGreaterThan(0);
  expect(at('Сводки получателям (')).toBeLessThan(at('Ежемесячные письма ОУ ('));
  const eml = fs.readFileSync(path.join(out, letters[0]!.file), 'utf8');
  expect(eml).toMatch(/^Content-Type: text\/html; charset=UTF-8/m);
});

test('an email with html and an attachment is multipart with UTF-8 encoded words', () => {
  const eml = toEml(
    {
      to: 'a@b.example',
      cc: '',
      bcc: '',
      subject: 'Справка за октябрь 2021 г.',
      body: 'Текст',
      htmlBody: '<p>Текст</p>',
      name: 'Опорный центр',
      replyTo: '',
      from: 'metodist@center.example',
      noReply: false,
      via: 'MailApp',
      inlineImages: [],
      attachments: [
        {
          name: 'справка.pdf',
          mimeType: 'application/pdf',
          bytes: new Uint8Array([37, 80, 68, 70]),
        },
      ],
      at: new Date('2021-10-05T06:00:00Z'),
    },
    1,
  );
  expect(eml).toMatch(/^Subject: =\?UTF-8\?B\?/m);
  expect(eml).toContain('multipart/mixed');
  expect(eml).toContain('multipart/alternative');
  expect(eml).toContain('Content-Type: text/html; charset=UTF-8');
  expect(eml).toContain('JVBERg=='); // %PDF in base64
  expect(esc('<img src=x onerror=alert(1)>')).not.toContain('<');
});

test('file names keep a school year as «2021-2022» and lose what a disk cannot hold', () => {
  expect(safeName('Аналитическая справка за 2021/2022 учебный год')).toBe(
    'Аналитическая справка за 2021-2022 учебный год',
  );
  expect(safeName('Архив 2021/2022')).toBe('Архив 2021-2022');
  expect(safeName('a/b:c*d?.')).toBe('a b c d');
});

test('the terminal progress bar fills with the share of answers sent', () => {
  expect(progressBar(0, 10)).toBe('[░░░░░░░░░░]   0 %');
  expect(progressBar(0.5, 10)).toBe('[█████░░░░░]  50 %');
  expect(progressBar(1.2, 10)).toBe('[██████████] 100 %');
});

test('the district is deterministic per seed', () => {
  expect(generateRegistry(3, 20)).toEqual(generateRegistry(3, 20));
  expect(generateRegistry(3, 20)).not.toEqual(generateRegistry(4, 20));
  expect(new Set(generateRegistry(3, 100).map((s) => s.shortName)).size).toBe(100);
});

/** The dropdown choices the forms offer, built from the seeded reference data. */
function referenceChoices(): Choices {
  return {
    schoolLabels: [],
    events: SAMPLE_EVENTS.map((e) => ({
      name: e.name,
      programme: e.programme,
      start: e.start!,
      end: e.end ?? e.start!,
      registrationUntil: e.registrationDeadline,
    })),
    competencies: DEFAULT_COMPETENCIES.map((c) => ({ ...c, ageCategories: [...c.ageCategories] })),
    ageCategories: [...DEFAULT_AGE_CATEGORIES],
    months: [],
    resultKinds: ['Участник'],
    reportDeadlineDay: 5,
  };
}

test('the default district: ≈100 ОУ of three kinds, ≈3,000 children, answers from September to May', () => {
  const registry = generateRegistry(DEFAULT_OPTIONS.seed, DEFAULT_OPTIONS.schools);
  expect(registry).toHaveLength(100);
  expect(new Set(registry.map((s) => s.type))).toEqual(new Set(['школа', 'ДОУ', 'ДО']));
  const choices = referenceChoices();
  choices.schoolLabels = registry.map((s) => s.shortName);
  const season = generateSeason(registry, choices, DEFAULT_OPTIONS);
  const children = season
    .filter((a) => a.form === 'registration')
    .flatMap((a) => ['Участник 1: фамилия', 'Участник 2: фамилия'].filter((q) => a.answers[q]));
  expect(children.length).toBeGreaterThan(2700);
  expect(children.length).toBeLessThan(3600);
  const months = new Set(season.map((a) => a.at.slice(0, 7)));
  for (const month of ['2021-09', '2021-12', '2022-03', '2022-05']) expect(months).toContain(month);
});

test('registrations follow the reference: programme, allowed category, class of the category', () => {
  const choices = referenceChoices();
  const registry = generateRegistry(5, 60);
  choices.schoolLabels = registry.map((s) => s.shortName);
  const season = generateSeason(registry, choices, {
    seed: 5,
    participants: 2000,
    from: '2021-09-01',
    to: '2022-05-31',
  });
  const registrations = season.filter((a) => a.form === 'registration');
  expect(registrations.length).toBeGreaterThan(1000);
  let wrong = 0;
  const programmes = new Set<string>();
  for (const a of registrations) {
    const school =
      registry[choices.schoolLabels.indexOf(String(a.answers['Образовательное учреждение']))]!;
    const event = SAMPLE_EVENTS.find((e) => e.name === a.answers['Мероприятие'])!;
    const competency = DEFAULT_COMPETENCIES.find((c) => c.name === a.answers['Компетенция'])!;
    const category = DEFAULT_AGE_CATEGORIES.find(
      (c) => c.name === a.answers['Возрастная категория'],
    )!;
    programmes.add(event.programme);
    // These are never deliberate mistakes.
    expect(competency.programme).toBe(event.programme);
    expect(competency.ageCategories).toContain(category.name);
    expect(category.programme).toBe(event.programme);
    const preschool = ['5–7 лет', '6+', 'Мастерята'].includes(category.name);
    expect(preschool).toBe(school.type === 'ДОУ');
    for (const field of ['Участник 1: класс / группа', 'Участник 2: класс / группа']) {
      const cls = a.answers[field];
      if (cls === undefined) continue;
      const grade = gradeOf(String(cls));
      const range = categoryGradeRange(category)!;
      if (
        preschool
          ? !/группа/.test(String(cls))
          : grade === null || grade < range.min || grade > range.max
      )
        wrong++;
    }
  }
  expect(programmes).toEqual(new Set(['KidSkills', 'JuniorSkills']));
  // Classes outside the category and hostile strings: a few per cent at most.
  expect(wrong).toBeGreaterThan(0);
  expect(wrong / registrations.length).toBeLessThan(0.03);
});
