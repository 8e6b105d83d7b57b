/**
 * The monthly summary email on the real bundle: key figures, the note's link and PDF, hostile
 * school text escaped; no recipients and a spent mail quota send nothing and say so.
 */
import {
  madeDocuments,
  registration,
  rememberFirstEvent,
  scheduleFirstEvent,
  SCHOOLS,
  setSetting,
  setUpDistrict,
  type Ws,
} from './harness';
import { SCHOOLS_SCHEMA, toRow } from '../../src/domain/schema';
import { escapeHtml } from '../../src/domain/text/html';
import { OUTPUTS_RU } from '../../src/i18n/ru/outputs';

const HOSTILE = '<img src=x onerror=alert(1)>';
const BOSS = 'boss@center.example';

function lastJournal(ws: Ws): string[] {
  return ws.sheetValues('Журнал').slice(-1)[0]!.map(String);
}

/** A district where one school's short name is a script, and it registered a child. */
function hostileDistrict() {
  const { ws, app } = setUpDistrict('2021-10-04T09:00:00+03:00');
  rememberFirstEvent(ws.sheetValues('Мероприятия'));
  // The event is held in October, the month these tests look at.
  scheduleFirstEvent(ws, '2021-10-20', '2021-10-22', '2021-10-15');
  const hostile = { ...SCHOOLS[1]!, shortName: HOSTILE };
  ws.spreadsheet()
    .getSheetByName('ОУ')!
    .getRange(3, 1, 1, SCHOOLS_SCHEMA.columns.length)
    .setValues([toRow(SCHOOLS_SCHEMA, hostile)] as never);
  app.call('setupSystem'); // the dropdown now offers the hostile name
  ws.submitForm('Регистрация участников', registration());
  ws.submitForm(
    'Регистрация участников',
    registration({
      'Образовательное учреждение': HOSTILE,
      'Участник 1: фамилия': 'Козлова',
      'Участник 1: имя': 'Анна',
    }),
  );
  return { ws, app };
}

/**
 * A summary is only for a month that is over: the clock moves to 1 November (the daily runs of
 * October make September's note; these tests look at October's).
 */
function octoberOver(ws: Ws): void {
  ws.clock.advanceTo('2021-11-01T09:00:00+03:00');
}

function octoberNotes(ws: Ws) {
  return madeDocuments(ws).filter((d) => d.name.includes('октябрь'));
}

function summaries(ws: Ws) {
  return ws.outbox().filter((m) => m.subject.includes('сводка'));
}

describe('escapeHtml', () => {
  test('neutralises markup, quotes and ampersands', () => {
    expect(escapeHtml(HOSTILE)).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml('"a" & \'b\'')).toBe('&quot;a&quot; &amp; &#39;b&#39;');
    expect(escapeHtml(null)).toBe('');
  });
});

describe('sendMonthlySummary', () => {
  test('sends key figures, the link and the note as PDF, with school text escaped', () => {
    const { ws, app } = hostileDistrict();
    octoberOver(ws);
    setSetting(ws, 'recipients', BOSS);
    const status = app.call('sendMonthlySummary', '2021-10') as {
      sent: boolean;
      queued: boolean;
      noteId: string;
    };
    expect(status).toMatchObject({ sent: true, queued: false });

    const notes = octoberNotes(ws).filter((d) => !d.trashed);
    expect(notes).toHaveLength(1); // the missing note was generated
    expect(notes[0]!.id).toBe(status.noteId);

    const mails = summaries(ws);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toBe(BOSS);
    expect(mail.subject).toContain('октябрь 2021');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]!.mimeType).toBe('application/pdf');
    expect(mail.attachments[0]!.name).toBe(notes[0]!.name + '.pdf');
    expect(mail.htmlBody).toContain(notes[0]!.id);
    expect(mail.htmlBody).toContain(escapeHtml(HOSTILE));
    expect(mail.htmlBody).not.toContain('<img');
    expect(mail.htmlBody).toContain(OUTPUTS_RU.summary.effectiveness);
    expect(mail.body).toContain(OUTPUTS_RU.summary.participants + ': 2');
    expect(mail.body).toContain(HOSTILE); // plain text stays as typed

    // A second summary makes no second note and sends no letter twice.
    const again = app.call('sendMonthlySummary', '2021-10') as { sent: boolean; message: string };
    expect(again.sent).toBe(false);
    expect(octoberNotes(ws).filter((d) => !d.trashed)).toHaveLength(1);
    expect(summaries(ws)).toHaveLength(1);
    expect(lastJournal(ws)[2]).toBe('выполнено');
  });

  test('the email repeats the note’s figures even when answers arrived after the note', () => {
    const { ws, app } = hostileDistrict();
    octoberOver(ws);
    setSetting(ws, 'recipients', BOSS);
    app.call('generateMonthlyNote', '2021-10');
    ws.submitForm(
      'Регистрация участников',
      registration({ 'Участник 1: фамилия': 'Новикова', 'Участник 1: имя': 'Вера' }),
    );
    app.call('sendMonthlySummary', '2021-10');
    const mail = summaries(ws)[0]!;
    expect(mail.body).toContain(OUTPUTS_RU.summary.participants + ': 2');
    expect(mail.body).not.toContain(OUTPUTS_RU.summary.participants + ': 3');
  });

  test('without recipients nothing is sent and the message says what to fill in', () => {
    const { ws, app } = hostileDistrict();
    octoberOver(ws);
    const status = app.call('sendMonthlySummary', '2021-10') as { sent: boolean; message: string };
    expect(status.sent).toBe(false);
    expect(status.message).toBe(OUTPUTS_RU.summary.noRecipients);
    expect(summaries(ws)).toHaveLength(0);
    expect(octoberNotes(ws)).toHaveLength(0);
    expect(lastJournal(ws)[2]).toBe('пропущено');
  });

  test('a summary for more recipients than a day’s quota goes out over the following days, once each', () => {
    const { ws, app } = hostileDistrict();
    octoberOver(ws);
    const many = Array.from({ length: 150 }, (_, i) => `uo${i}@district.example`);
    setSetting(ws, 'recipients', many.join(', '));
    const status = app.call('sendMonthlySummary', '2021-10') as {
      sent: boolean;
      queued: boolean;
      message: string;
    };
    expect(status).toMatchObject({ sent: false, queued: true });
    expect(status.message).toContain('отправлена 100 получателям; ещё 50 получателей');
    expect(summaries(ws)).toHaveLength(100);
    const journal = lastJournal(ws);
    expect(journal[1]).toBe(OUTPUTS_RU.summary.job);
    expect(journal[2]).toBe('отложено');

    // The daily runs of the next days send the rest; nobody gets it twice.
    ws.clock.advanceTo('2021-11-05T07:00:00+03:00');
    ws.clock.advanceTo('2021-11-06T07:00:00+03:00');
    const subject = summaries(ws)[0]!.subject;
    const sent = ws.outbox().filter((m) => m.subject === subject);
    expect(sent.map((m) => m.to).sort()).toEqual([...many].sort());
  });
});
