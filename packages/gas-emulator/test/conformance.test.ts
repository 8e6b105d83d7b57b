/**
 * Conformance: plain Apps Script projects written the way Google's guides write them
 * (fixtures/conformance/*), run unmodified. Each either behaves as the reference pages say or
 * stops at the first call the emulator lacks with its "not implemented" message — never a
 * ReferenceError, never a silently wrong value.
 */
import { createWorkspace, pdfText } from '../src';

const FIXTURES = `${__dirname}/fixtures/conformance`;
const REF = 'developers.google.com/apps-script/reference';

/** A workspace as an English-speaking user has it (Google's guides are written for one). */
function english(now = '2021-09-01T09:00:00+03:00') {
  return createWorkspace({
    now,
    timeZone: 'Europe/Moscow',
    locale: 'en_US',
    user: 'organiser@center.example',
    scriptTimeFactor: 0,
  });
}

describe('form-submit: onFormSubmit(e) reads e.namedValues (guides/triggers/events#form-submit)', () => {
  function started() {
    const ws = english();
    const app = ws.loadBundle(`${FIXTURES}/form-submit`);
    app.call('setUp');
    return { ws, app };
  }

  test('each response is confirmed by mail and its row stamped; namedValues hold string arrays, checkboxes joined by ", "', () => {
    const { ws } = started();
    ws.submitForm('Conference registration', {
      Name: 'Anna Petrova',
      Email: 'anna@school.example',
      Day: 'Monday',
      Workshops: ['Robotics', 'Design'],
    });
    ws.clock.advanceTo('2021-09-01T10:00:00+03:00');
    ws.submitForm('Conference registration', {
      Name: 'Boris Orlov',
      Email: 'boris@school.example',
    });
    expect(ws.outbox().map((m) => [m.to, m.subject, m.name, m.body])).toEqual([
      [
        'anna@school.example',
        'Registration confirmed',
        'Conference team',
        'Dear Anna Petrova, see you on Monday. Workshops: Robotics, Design.',
      ],
      [
        'boris@school.example',
        'Registration confirmed',
        'Conference team',
        'Dear Boris Orlov, see you on a day to be announced. Workshops: none.',
      ],
    ]);
    const first = JSON.parse(ws.logs()[0]!) as {
      namedValues: Record<string, string[]>;
      values: string[];
    };
    // The timestamp is text in the spreadsheet's locale: setUp's calls took a second of modelled time.
    const stamp = '9/1/2021 9:00:01';
    expect(first.namedValues).toEqual({
      Timestamp: [stamp],
      Name: ['Anna Petrova'],
      Email: ['anna@school.example'],
      Day: ['Monday'],
      Workshops: ['Robotics, Design'],
    });
    expect(first.values).toEqual([
      stamp,
      'Anna Petrova',
      'anna@school.example',
      'Monday',
      'Robotics, Design',
    ]);
    const sheet = ws.sheetValues('Form Responses 1');
    expect(sheet[0]).toEqual([
      'Timestamp',
      'Name',
      'Email',
      'Day',
      'Workshops',
      'Confirmation sent',
    ]);
    expect(sheet.slice(1).map((r) => [r[1], r[5] instanceof Date])).toEqual([
      ['Anna Petrova', true],
      ['Boris Orlov', true],
    ]);
  });

  test(`the form's own validation refuses a bad email before any trigger runs (${REF}/forms/text-validation-builder#requiretextisemail)`, () => {
    const { ws } = started();
    expect(() =>
      ws.submitForm('Conference registration', { Name: 'X', Email: 'not an email' }),
    ).toThrow('not an email');
    expect(ws.outbox()).toEqual([]);
  });
});

describe('mail-merge: a Gmail draft as the template, one email per row (gmail-app, gmail-draft, ui#promptprompt,-buttons)', () => {
  test('rows without «Email Sent» get their email; a bad address is written back as the error; sent rows are left alone', () => {
    const ws = english();
    const app = ws.loadBundle(`${FIXTURES}/mail-merge`);
    const sheet = ws.spreadsheet().getSheets()[0]!;
    sheet.getRange(1, 1, 4, 3).setValues([
      ['First name', 'Email', 'Email Sent'],
      ['Anna', 'anna@school.example', ''],
      ['Boris', 'not-an-address', ''],
      ['Vera', 'vera@school.example', 'sent earlier'],
    ]);
    // The user writes the template in Gmail, with an attachment.
    const { GmailApp, Utilities } = app.context as unknown as {
      GmailApp: GoogleAppsScript.Gmail.GmailApp;
      Utilities: GoogleAppsScript.Utilities.Utilities;
    };
    GmailApp.createDraft('', 'Invitation for {{First name}}', 'Dear {{First name}}, welcome.', {
      htmlBody: '<p>Dear {{First name}}, welcome.</p>',
      attachments: [Utilities.newBlob('Programme', 'text/plain', 'programme.txt')],
    });
    ws.open();
    expect(ws.menus()).toEqual([
      {
        title: 'Mail merge',
        items: [{ caption: 'Send emails', functionName: 'sendEmailsFromMenu' }],
      },
    ]);
    ws.answerPrompt('Invitation for {{First name}}');
    app.call('sendEmailsFromMenu');
    expect(ws.outbox().map((m) => [m.to, m.subject, m.body, m.htmlBody, m.via])).toEqual([
      [
        'anna@school.example',
        'Invitation for Anna',
        'Dear Anna, welcome.',
        '<p>Dear Anna, welcome.</p>',
        'GmailApp',
      ],
    ]);
    expect(ws.outbox()[0]!.attachments.map((a) => a.name)).toEqual(['programme.txt']);
    const sent = ws.sheetValues('Sheet1').map((r) => r[2]);
    expect(sent[1]).toBeInstanceOf(Date);
    expect(sent.slice(2)).toEqual(['Invalid email: not-an-address', 'sent earlier']);
    // The draft stays a draft.
    expect(GmailApp.getDrafts()).toHaveLength(1);
  });
});

describe('doc-from-template: makeCopy, replaceText, PDF export (drive/file#makecopyname,-destination, document/body#replacetextsearchpattern,-replacement, drive/file#getascontenttype)', () => {
  test('one filled copy and one PDF per row, links written back; a second run adds nothing', () => {
    const ws = english();
    const app = ws.loadBundle(`${FIXTURES}/doc-from-template`);
    const sheet = ws.spreadsheet().insertSheet('Certificates');
    sheet.getRange(1, 1, 3, 3).setValues([
      ['Name', 'School', 'Certificate'],
      ['Anna Petrova', 'School 47', ''],
      ['Boris Orlov', 'School 51', ''],
    ]);
    const templateId = app.call('createTemplate');
    app.call('makeCertificates');
    const docs = ws.documents();
    const template = docs.find((d) => d.id === templateId)!;
    expect(template.text()).toContain('{{Name}}');
    const anna = docs.find((d) => d.name === 'Certificate - Anna Petrova')!;
    expect(anna.folderPath).toBe('Certificates');
    expect(anna.paragraphs()).toEqual([
      { text: 'Certificate of participation', heading: 'TITLE', type: 'PARAGRAPH' },
      {
        text: 'This certifies that Anna Petrova of School 47 took part in the conference.',
        heading: 'NORMAL',
        type: 'PARAGRAPH',
      },
      { text: 'September 1, 2021', heading: 'NORMAL', type: 'PARAGRAPH' },
    ]);
    const pdfs = ws.files().filter((f) => f.mimeType === 'application/pdf');
    expect(pdfs.map((f) => [f.name, f.path])).toEqual([
      ['Certificate - Anna Petrova.pdf', 'Certificates'],
      ['Certificate - Boris Orlov.pdf', 'Certificates'],
    ]);
    expect(pdfText(pdfs[1]!.bytes!)).toContain('Boris Orlov of School 51');
    const links = ws
      .sheetValues('Certificates')
      .slice(1)
      .map((r) => r[2]);
    expect(links).toEqual(
      pdfs.map((f) => `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`),
    );
    app.call('makeCertificates');
    expect(ws.documents()).toHaveLength(3);
    expect(ws.files().filter((f) => f.mimeType === 'application/pdf')).toHaveLength(2);
  });
});

describe("uploads-to-folders: a form-bound script files each response's uploads (forms/form-app#getactiveform, drive/file#movetodestination)", () => {
  test('uploads of any size, 0 bytes included, leave «(File responses)» for «Submitted orders/<school>»', () => {
    const ws = english();
    const formId = ws.createForm('Orders');
    const app = ws.loadBundle(`${FIXTURES}/uploads-to-folders`, { container: { form: formId } });
    // The organiser builds the form in the Forms editor: a school list and a file-upload question.
    const { FormApp } = app.context as unknown as { FormApp: GoogleAppsScript.Forms.FormApp };
    FormApp.openById(formId)
      .addListItem()
      .setTitle('School')
      .setChoiceValues(['School 1', 'School 2']);
    ws.uploadFileItem('Orders', 'Order file', { maxFiles: 5 });
    app.call('setUp');
    ws.submitForm(
      'Orders',
      {
        School: 'School 2',
        'Order file': [
          { name: 'order.pdf', size: 0 },
          { name: 'scan.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff]) },
        ],
      },
      { respondent: 'school2@example.org' },
    );
    const files = ws
      .files()
      .filter((f) => f.mimeType !== 'application/vnd.google-apps.folder' && f.path !== '')
      .map((f) => [f.path, f.name, f.mimeType, f.bytes?.length, f.description]);
    expect(files).toEqual([
      [
        'Submitted orders/School 2',
        'School 2 1.pdf',
        'application/pdf',
        0,
        'Submitted 2021-09-01 09:00, 0 bytes',
      ],
      [
        'Submitted orders/School 2',
        'School 2 2.jpg',
        'image/jpeg',
        3,
        'Submitted 2021-09-01 09:00, 3 bytes',
      ],
    ]);
  });
});

describe('daily-report: a standalone script on a time-driven trigger (script/clock-trigger-builder#athourhour, guides/triggers/events#time-driven-events)', () => {
  test('every morning at 8 it reports yesterday from another spreadsheet and mails it with a PDF', () => {
    const ws = english();
    const ssId = ws.createSpreadsheet('Attendance 2021');
    const attendance = ws.spreadsheet(ssId).insertSheet('Attendance');
    attendance.getRange(1, 1, 4, 3).setValues([
      ['Date', 'School', 'Participants'],
      [new Date('2021-09-01T10:00:00+03:00'), 'School 47', 12],
      [new Date('2021-09-01T12:00:00+03:00'), 'School 51', 7],
      [new Date('2021-09-02T11:00:00+03:00'), 'School 47', 3],
    ]);
    const app = ws.loadBundle(`${FIXTURES}/daily-report`, { container: 'standalone' });
    app.call('setUp', ssId, 'head@center.example');
    ws.clock.advanceTo('2021-09-03T09:00:00+03:00');
    expect(ws.sheetDisplayValues('Daily report', ssId)).toEqual([
      ['Day', 'Schools', 'Participants', 'Triggered at (UTC hour)'],
      // The day is text the script wrote; Sheets reads it as a date, shown in the locale's format.
      ['9/1/2021', '2', '19', '5'],
      ['9/2/2021', '1', '3', '5'],
    ]);
    expect(ws.outbox().map((m) => [m.to, m.subject, m.body, m.attachments[0]!.name])).toEqual([
      [
        'head@center.example',
        'Attendance 2021-09-01',
        '2 schools, 19 participants.',
        'Attendance 2021-09-01.pdf',
      ],
      [
        'head@center.example',
        'Attendance 2021-09-02',
        '1 schools, 3 participants.',
        'Attendance 2021-09-02.pdf',
      ],
    ]);
    expect(pdfText(ws.outbox()[0]!.attachments[0]!.bytes)).toContain('School 51');
    expect(
      ws
        .costs()
        .executions.filter((e) => e.trigger === 'CLOCK')
        .map((e) => e.startedAt),
    ).toEqual([new Date('2021-09-02T08:00:00+03:00'), new Date('2021-09-03T08:00:00+03:00')]);
  });
});

describe('a service the emulator does not model', () => {
  test("calendar-events stops at its first CalendarApp call with the emulator's message, having changed nothing", () => {
    const ws = english();
    const app = ws.loadBundle(`${FIXTURES}/calendar-events`);
    ws.spreadsheet()
      .getSheets()[0]!
      .getRange(1, 1, 2, 3)
      .setValues([
        ['Title', 'Start', 'End'],
        ['Open day', new Date('2021-09-10T10:00:00+03:00'), new Date('2021-09-10T12:00:00+03:00')],
      ]);
    expect(() => app.call('addEvents')).toThrow(
      /^emulator: CalendarApp\.getDefaultCalendar is not implemented$/,
    );
    expect(ws.sheetValues('Sheet1')[1]).toHaveLength(3);
  });
});
