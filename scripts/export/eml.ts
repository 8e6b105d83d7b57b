/** A sent email as an RFC 5322 message: multipart/alternative text+html, attachments in base64. */
import type { SentMail } from '@opc/gas-emulator';

/** RFC 2047 encoded-word for non-ASCII header text. */
export function encodeWord(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  // Chunks of whole characters, each encoded word under 75 characters.
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch) > 42) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

const base64Lines = (data: Buffer): string =>
  (data.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
const dateHeader = (d: Date): string => d.toUTCString().replace('GMT', '+0000');
const address = (list: string): string =>
  list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ');

/** The .eml text of `mail`; `index` makes boundaries and the Message-ID unique and deterministic. */
export function toEml(mail: SentMail, index: number, from = 'metodist@center.example'): string {
  const alt = `alt-${index}-opc`;
  const mixed = `mixed-${index}-opc`;
  const headers = [
    `From: ${mail.name ? `${encodeWord(mail.name)} <${from}>` : from}`,
    `To: ${address(mail.to)}`,
    ...(mail.cc ? [`Cc: ${address(mail.cc)}`] : []),
    ...(mail.replyTo ? [`Reply-To: ${mail.replyTo}`] : []),
    `Subject: ${encodeWord(mail.subject)}`,
    `Date: ${dateHeader(mail.at)}`,
    `Message-ID: <${index}.${mail.at.getTime()}@emulator.opc.example>`,
    'MIME-Version: 1.0',
  ];
  const text = [
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(mail.body ?? '', 'utf8')),
  ];
  const alternative = mail.htmlBody
    ? [
        `Content-Type: multipart/alternative; boundary="${alt}"`,
        '',
        `--${alt}`,
        ...text,
        `--${alt}`,
        'Content-Type: text/html; charset=UTF-8',
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(Buffer.from(mail.htmlBody, 'utf8')),
        `--${alt}--`,
      ]
    : text;
  if (mail.attachments.length === 0) return [...headers, ...alternative, ''].join('\r\n');
  const parts = mail.attachments.flatMap((a) => [
    `--${mixed}`,
    `Content-Type: ${a.mimeType || 'application/octet-stream'}; name="${encodeWord(a.name)}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${encodeWord(a.name)}"`,
    '',
    base64Lines(Buffer.from(a.bytes)),
  ]);
  return [
    ...headers,
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    `--${mixed}`,
    ...alternative,
    ...parts,
    `--${mixed}--`,
    '',
  ].join('\r\n');
}
