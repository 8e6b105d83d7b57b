/**
 * MailApp fake — developers.google.com/apps-script/reference/mail/mail-app, quotas from
 * developers.google.com/apps-script/guides/services/quotas (recipients per day).
 */
import { Clock } from '../src/core/clock';
import { ExecutionTracker } from '../src/core/execution';
import { IdFactory } from '../src/core/ids';
import { ACCOUNT_QUOTAS, type WorkspaceState } from '../src/core/state';
import { newBlob } from '../src/services/blob';
import { createGmailApp, createMailApp, dayKey, MAIL_QUOTA_ERROR } from '../src/services/mail';

function makeWs(now = '2021-09-01T09:00:00+03:00', perDay = 100): WorkspaceState {
  return {
    clock: new Clock(now),
    tracker: new ExecutionTracker(),
    ids: new IdFactory(),
    timeZone: 'Europe/Moscow',
    user: 'metodist@center.example',
    quotas: { ...ACCOUNT_QUOTAS.consumer, mailRecipientsPerDay: perDay },
    drive: { rootId: 'root', items: new Map() },
    mailSentPerDay: new Map(),
    documentsCreatedPerDay: new Map(),
    outbox: [],
    triggers: [],
    lockHeldElsewhere: false,
    activeSpreadsheetId: '',
  };
}

describe('MailApp.sendEmail (reference/mail/mail-app#sendEmail)', () => {
  it('sendEmail(recipient, subject, body) puts one message in the outbox at the simulated time', () => {
    const ws = makeWs();
    createMailApp(ws).sendEmail('head@edu.example', 'Сводка', 'Текст');
    expect(ws.outbox).toHaveLength(1);
    expect(ws.outbox[0]).toMatchObject({
      to: 'head@edu.example',
      subject: 'Сводка',
      body: 'Текст',
      htmlBody: '',
      cc: '',
      bcc: '',
    });
    expect(ws.outbox[0]!.at.toISOString()).toBe('2021-09-01T06:00:00.000Z');
  });

  it('sendEmail(recipient, subject, body, options) keeps htmlBody, cc, bcc, name, replyTo and attachments', () => {
    const ws = makeWs();
    const pdf = newBlob('PDF', 'application/pdf', 'Справка.pdf');
    createMailApp(ws).sendEmail('a@x.example', 'S', 'B', {
      htmlBody: '<b>B</b>',
      cc: 'c@x.example',
      bcc: 'd@x.example',
      name: 'Опорный центр',
      replyTo: 'centre@x.example',
      attachments: [pdf],
    });
    const mail = ws.outbox[0]!;
    expect(mail).toMatchObject({
      htmlBody: '<b>B</b>',
      cc: 'c@x.example',
      bcc: 'd@x.example',
      name: 'Опорный центр',
      replyTo: 'centre@x.example',
    });
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ name: 'Справка.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(mail.attachments[0]!.bytes).toString()).toBe('PDF');
  });

  it('sendEmail(message) takes the message object form', () => {
    const ws = makeWs();
    createMailApp(ws).sendEmail({
      to: 'a@x.example, b@x.example',
      subject: 'S',
      body: 'B',
      htmlBody: '<i>B</i>',
    });
    expect(ws.outbox[0]).toMatchObject({
      to: 'a@x.example, b@x.example',
      subject: 'S',
      htmlBody: '<i>B</i>',
    });
  });

  it('sendEmail(to, replyTo, subject, body) is the four-string form', () => {
    const ws = makeWs();
    createMailApp(ws).sendEmail('a@x.example', 'reply@x.example', 'S', 'B');
    expect(ws.outbox[0]).toMatchObject({
      to: 'a@x.example',
      replyTo: 'reply@x.example',
      subject: 'S',
      body: 'B',
    });
  });

  it('accepts "Name <address>" recipients', () => {
    const ws = makeWs();
    createMailApp(ws).sendEmail('Иванова И. <ivanova@school.example>', 'S', 'B');
    expect(ws.outbox[0]!.to).toBe('Иванова И. <ivanova@school.example>');
  });

  it('an invalid address throws "Invalid email: …" and sends nothing', () => {
    const ws = makeWs();
    expect(() => createMailApp(ws).sendEmail('not-an-address', 'S', 'B')).toThrow(
      'Invalid email: not-an-address',
    );
    expect(ws.outbox).toHaveLength(0);
  });

  it('a message without recipients fails', () => {
    const ws = makeWs();
    expect(() => createMailApp(ws).sendEmail({ subject: 'S', body: 'B' })).toThrow(
      'Failed to send email: no recipient',
    );
  });
});

describe('MailApp quota (reference: getRemainingDailyQuota counts recipients)', () => {
  it('getRemainingDailyQuota() falls by every recipient of to, cc and bcc', () => {
    const ws = makeWs();
    const mail = createMailApp(ws);
    expect(mail.getRemainingDailyQuota()).toBe(100);
    mail.sendEmail('a@x.example,b@x.example', 'S', 'B', { cc: 'c@x.example', bcc: 'd@x.example' });
    expect(mail.getRemainingDailyQuota()).toBe(96);
  });

  it('past the quota throws "Service invoked too many times for one day: email." and sends nothing', () => {
    const ws = makeWs(undefined, 2);
    const mail = createMailApp(ws);
    mail.sendEmail('a@x.example', 'S', 'B');
    expect(() => mail.sendEmail('b@x.example,c@x.example', 'S', 'B')).toThrow(MAIL_QUOTA_ERROR);
    expect(MAIL_QUOTA_ERROR).toBe('Service invoked too many times for one day: email.');
    expect(ws.outbox).toHaveLength(1);
    expect(mail.getRemainingDailyQuota()).toBe(1);
  });

  it('the day turns over at midnight in the workspace time zone (Europe/Moscow), not UTC', () => {
    const ws = makeWs('2021-09-01T23:59:00+03:00', 1);
    const mail = createMailApp(ws);
    mail.sendEmail('a@x.example', 'S', 'B');
    expect(mail.getRemainingDailyQuota()).toBe(0);
    ws.clock.tick(2 * 60_000);
    expect(dayKey(ws.clock.now(), ws.timeZone)).toBe('2021-09-02');
    expect(mail.getRemainingDailyQuota()).toBe(1);
    expect(ws.mailSentPerDay.get('2021-09-01')).toBe(1);
  });

  it('each sendEmail is recorded at 1200 ms of modelled time', () => {
    const ws = makeWs();
    ws.tracker.run('p', 'sendMonthlySummary', 'test', ws.clock.now(), () =>
      createMailApp(ws).sendEmail('a@x.example', 'S', 'B'),
    );
    expect(ws.tracker.executions[0]!.calls['MailApp.sendEmail']).toBe(1);
    expect(ws.tracker.executions[0]!.modelledMs).toBe(1200);
  });

  it('an injected fault fails the call before anything is sent', () => {
    const ws = makeWs();
    ws.tracker.fail('MailApp.sendEmail', { error: 'Service unavailable' });
    expect(() => createMailApp(ws).sendEmail('a@x.example', 'S', 'B')).toThrow(
      'Service unavailable',
    );
    expect(ws.outbox).toHaveLength(0);
  });
});

describe('GmailApp (reference/gmail/gmail-app): sendEmail only', () => {
  it('sendEmail shares the MailApp outbox and quota', () => {
    const ws = makeWs();
    createGmailApp(ws).sendEmail('a@x.example', 'S', 'B', { cc: 'b@x.example' });
    expect(ws.outbox[0]).toMatchObject({ to: 'a@x.example', cc: 'b@x.example' });
    expect(createMailApp(ws).getRemainingDailyQuota()).toBe(98);
  });

  it('the inbox is not modelled', () => {
    expect(() => createGmailApp(makeWs()).search('is:unread')).toThrow(
      'emulator: GmailApp.search is not implemented',
    );
  });
});

describe('documented options are kept on the outbox record, not dropped', () => {
  it('inlineImages and noReply (mail-app#sendemailmessage); MailApp sends as the effective user and ignores `from`', () => {
    const ws = makeWs();
    const logo = newBlob('PNGDATA', 'image/png', 'logo.png');
    createMailApp(ws).sendEmail({
      to: 'head@edu.example',
      subject: 'С логотипом',
      htmlBody: '<img src="cid:logo">',
      inlineImages: { logo },
      noReply: true,
      ...({ from: 'boss@center.example' } as object),
    });
    const [mail] = ws.outbox;
    expect(mail!.inlineImages).toEqual([
      { cid: 'logo', name: 'logo.png', mimeType: 'image/png', bytes: expect.any(Uint8Array) },
    ]);
    expect(Buffer.from(mail!.inlineImages[0]!.bytes).toString()).toBe('PNGDATA');
    expect(mail!.noReply).toBe(true);
    expect(mail!.from).toBe('metodist@center.example');
    expect(mail!.via).toBe('MailApp');
  });

  it('GmailApp `from` must be one of the aliases (gmail-app#sendemailrecipient,-subject,-body,-options)', () => {
    const ws = makeWs();
    ws.mailAliases = new Map([['metodist@center.example', ['centre@center.example']]]);
    const gmail = createGmailApp(ws);
    expect(gmail.getAliases()).toEqual(['centre@center.example']);
    gmail.sendEmail('a@b.example', 'Тема', 'Текст', { from: 'centre@center.example' });
    expect(ws.outbox[0]!.from).toBe('centre@center.example');
    expect(() =>
      gmail.sendEmail('a@b.example', 'Тема', 'Текст', { from: 'someone@else.example' }),
    ).toThrow('Invalid argument: someone@else.example');
    expect(ws.outbox).toHaveLength(1);
  });
});

describe('GmailApp drafts (gmail-app#createdraftrecipient,-subject,-body,-options, gmail-draft)', () => {
  it('a draft is listed, counts nothing until sent, then leaves the drafts and counts against the quota', () => {
    const ws = makeWs('2021-09-01T09:00:00+03:00', 2);
    const gmail = createGmailApp(ws);
    const draft = gmail.createDraft('a@b.example', 'Черновик', 'Текст');
    gmail.createDraft('c@d.example', 'Второй', 'Текст');
    expect(gmail.getDrafts().map((d) => d.getId())).toContain(draft.getId());
    expect(gmail.getDrafts()).toHaveLength(2);
    expect(ws.outbox).toHaveLength(0);
    expect(createMailApp(ws).getRemainingDailyQuota()).toBe(2);
    draft.update('a@b.example', 'Черновик, исправлено', 'Новый текст');
    const sent = draft.send();
    expect(sent.getSubject()).toBe('Черновик, исправлено');
    expect(ws.outbox.map((m) => [m.to, m.subject, m.via])).toEqual([
      ['a@b.example', 'Черновик, исправлено', 'GmailApp'],
    ]);
    expect(gmail.getDrafts()).toHaveLength(1);
    expect(createMailApp(ws).getRemainingDailyQuota()).toBe(1);
    gmail.getDrafts()[0]!.deleteDraft();
    expect(gmail.getDrafts()).toHaveLength(0);
    expect(() => draft.send()).toThrow('Draft not found.');
    expect(() => gmail.createDraft('not an address', 'x', 'y')).toThrow('Invalid email');
  });

  it('getMessage shows the draft as a message; getAttachments gives attachments and inline images, each selectable (gmail-draft#getmessage, gmail-message#getattachmentsoptions)', () => {
    const ws = makeWs();
    const gmail = createGmailApp(ws);
    const draft = gmail.createDraft('', 'Приглашение {{Имя}}', 'Здравствуйте, {{Имя}}!', {
      htmlBody: '<p>Здравствуйте, {{Имя}}!</p><img src="cid:logo">',
      attachments: [newBlob('положение', 'text/plain', 'положение.txt')],
      inlineImages: { logo: newBlob('PNG', 'image/png', 'logo.png') },
    });
    const message = draft.getMessage();
    expect([message.getSubject(), message.getPlainBody(), message.getBody()]).toEqual([
      'Приглашение {{Имя}}',
      'Здравствуйте, {{Имя}}!',
      '<p>Здравствуйте, {{Имя}}!</p><img src="cid:logo">',
    ]);
    const names = (o?: GoogleAppsScript.Gmail.GmailAttachmentOptions) =>
      (o ? message.getAttachments(o) : message.getAttachments()).map((a) => a.getName());
    expect(names()).toEqual(['положение.txt', 'logo.png']);
    expect(names({ includeInlineImages: false })).toEqual(['положение.txt']);
    expect(names({ includeInlineImages: true, includeAttachments: false })).toEqual(['logo.png']);
    const file = message.getAttachments({ includeInlineImages: false })[0]!;
    expect([file.getSize(), file.getContentType(), file.getDataAsString()]).toEqual([
      'положение'.length * 2,
      'text/plain',
      'положение',
    ]);
    expect(file.getHash()).toMatch(/^[0-9a-f]{40}$/);
    expect(ws.outbox).toHaveLength(0);
  });
});
