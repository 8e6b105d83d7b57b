/** Writes out/ from the EMULATOR's state (not the app's internals): xlsx, docx, eml, index.html. */
import * as fs from 'fs';
import * as path from 'path';
import type { Workspace } from '@opc/gas-emulator';
import { writeDocx } from './docx';
import { toEml } from './eml';
import { writeIndex } from './html';
import { writeXlsx } from './xlsx';
import { MAIL_TAB } from '../../src/domain/schema';

export interface ExportSummary {
  dir: string;
  xlsx: string;
  tabs: { name: string; rows: number }[];
  docs: { name: string; file: string; folder: string }[];
  /** Diplomas, certificates and letters: the Doc as .docx and the PDF the app made beside it. */
  certificates: { name: string; file: string; pdf: string; folder: string }[];
  /** The Google Docs templates of the certificates, as .docx. */
  templates: { name: string; file: string }[];
  /** Other spreadsheets the app made (the archive of a closed year), as .xlsx. */
  spreadsheets: { name: string; file: string; folder: string }[];
  /** Every email sent, with its kind from the app's mail ledger («Почта»): summary, reminder, … */
  mail: { subject: string; to: string; at: Date; file: string; kind: string }[];
  index: string;
}

export interface RunInfo {
  title: string;
  /** What generateCertificates answered for the event npm start made documents for. */
  certificates?: string;
  /** What closeSchoolYear answered, when the run closed the year. */
  closed?: string;
  options: Record<string, unknown>;
  submitted: Record<string, number>;
  rejected: number;
}

// Control characters are exactly what file names must not hold.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;

/**
 * A file name safe on every system, keeping Cyrillic. A long name keeps its beginning and its end
 * («Аналитическая справка … за октябрь 2021 г.»): the end is what tells the files apart.
 */
export function safeName(name: string, max = 80): string {
  // A trailing dot («2021 г.») would read as an empty extension on Windows.
  // A school year «2021/2022» keeps its pair of years: «2021-2022».
  const s = name
    .replace(/(\d{4})\/(\d{4})/g, '$1-$2')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.+$/, '')
    .trimEnd();
  if (s === '') return 'без названия';
  if (s.length <= max) return s;
  const half = Math.floor((max - 1) / 2);
  return `${s.slice(0, half).trim()}…${s.slice(s.length - half).trim()}`;
}

/**
 * The kind of each sent letter as the app's mail ledger (the hidden tab «Почта») records it: the
 * sent rows by address and subject, taken in order (the same subject to the same address again is
 * the next row). A letter the ledger does not know is 'other'.
 */
function mailKinds(ws: Workspace): (to: string, subject: string) => string {
  const [header = [], ...rows] = ws.master().sheets.some((s) => s.name === MAIL_TAB)
    ? ws.sheetValues(MAIL_TAB)
    : [];
  const at = (name: string): number => header.indexOf(name);
  const [kind, to, subject, status] = [at('Вид'), at('Кому'), at('Тема'), at('Статус')];
  const queues = new Map<string, string[]>();
  for (const row of rows) {
    if (row[status] !== 'отправлено') continue;
    const key = `${String(row[to])}\u0001${String(row[subject])}`;
    queues.set(key, [...(queues.get(key) ?? []), String(row[kind])]);
  }
  return (address, title) => queues.get(`${address}\u0001${title}`)?.shift() ?? 'other';
}

/** Exports the workspace to `dir` (created; previous notes and mail are replaced). */
export async function exportAll(ws: Workspace, dir: string, info: RunInfo): Promise<ExportSummary> {
  fs.mkdirSync(dir, { recursive: true });
  const subs = ['notes', 'mail', 'certificates', 'templates', 'spreadsheets'];
  for (const sub of subs) fs.rmSync(path.join(dir, sub), { recursive: true, force: true });
  for (const sub of subs) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  const master = ws.master();
  const xlsx = path.join(dir, 'master.xlsx');
  await writeXlsx(master, xlsx);
  const tabs = master.sheets.map((s) => ({ name: s.name, rows: Math.max(0, s.lastRow() - 1) }));
  const docs: ExportSummary['docs'] = [];
  const certificates: ExportSummary['certificates'] = [];
  const templates: ExportSummary['templates'] = [];
  const used = new Set<string>();
  const unique = (name: string): string => {
    let base = safeName(name);
    for (let n = 2; used.has(base); n++) base = `${safeName(name)} (${n})`;
    used.add(base);
    return base;
  };
  const files = ws.files().filter((f) => !f.trashed);
  for (const d of ws.documents().filter((x) => !x.trashed)) {
    const folders = d.folderPath.split('/');
    if (folders[1] === 'Грамоты') {
      // «<папка>/Грамоты/<учебный год>/<мероприятие>/<ОУ>»: named by ОУ and kind in out/.
      const base = unique(`${folders[4] ?? ''} ${d.name.split(' — ')[0]}`);
      const file = path.join('certificates', `${base}.docx`);
      await writeDocx(d.name, d.content(), path.join(dir, file));
      const made = files.find((f) => f.name === `${d.name}.pdf` && f.path === d.folderPath);
      const pdf = made?.bytes ? path.join('certificates', `${base}.pdf`) : '';
      if (made?.bytes) fs.writeFileSync(path.join(dir, pdf), made.bytes);
      certificates.push({ name: d.name, file, pdf, folder: d.folderPath });
    } else if (folders[1] === 'Шаблоны') {
      const file = path.join('templates', `${unique(d.name)}.docx`);
      await writeDocx(d.name, d.content(), path.join(dir, file));
      templates.push({ name: d.name, file });
    } else {
      const file = path.join('notes', `${unique(d.name)}.docx`);
      await writeDocx(d.name, d.content(), path.join(dir, file));
      docs.push({ name: d.name, file, folder: d.folderPath });
    }
  }
  const spreadsheets: ExportSummary['spreadsheets'] = [];
  for (const f of files) {
    if (f.mimeType !== 'application/vnd.google-apps.spreadsheet' || f.id === master.id) continue;
    const file = path.join('spreadsheets', `${unique(f.name)}.xlsx`);
    await writeXlsx(ws.master(f.id), path.join(dir, file));
    spreadsheets.push({ name: f.name, file, folder: f.path });
  }
  const kindOf = mailKinds(ws);
  const mail = ws.outbox().map((m, i) => {
    const file = path.join(
      'mail',
      `${String(i + 1).padStart(3, '0')}-${safeName(m.subject, 60)}.eml`,
    );
    fs.writeFileSync(path.join(dir, file), toEml(m, i + 1));
    return { subject: m.subject, to: m.to, at: m.at, file, kind: kindOf(m.to, m.subject) };
  });
  const costs = ws.costs();
  const index = path.join(dir, 'index.html');
  fs.writeFileSync(
    index,
    writeIndex({
      info,
      tabs,
      docs,
      certificates,
      templates,
      spreadsheets,
      mail,
      costs,
      forms: ws.forms(),
      triggers: ws.triggers(),
    }),
  );
  return { dir, xlsx, tabs, docs, certificates, templates, spreadsheets, mail, index };
}
