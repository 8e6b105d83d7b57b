/** out/index.html: what the run did and links to every file. All text is escaped. */
import type { CostReport } from '@opc/gas-emulator';
import type { ExportSummary, RunInfo } from './index';

/** HTML-escapes text (answers may hold `<img onerror>` and the like). */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
const href = (file: string): string => esc(file.split(/[\\/]/).map(encodeURIComponent).join('/'));
const fmtDate = (d: Date): string =>
  new Date(d.getTime() + 3 * 3600e3).toISOString().slice(0, 16).replace('T', ' ');

export interface IndexInput {
  info: RunInfo;
  tabs: ExportSummary['tabs'];
  docs: ExportSummary['docs'];
  certificates: ExportSummary['certificates'];
  templates: ExportSummary['templates'];
  spreadsheets: ExportSummary['spreadsheets'];
  mail: ExportSummary['mail'];
  costs: CostReport;
  forms: { title: string; responses: number }[];
  triggers: { handler: string; type: string; schedule: string | null }[];
}

/** Kinds of letters as the mail queue names them, in its order of priority. */
const MAIL_KINDS: ReadonlyArray<[string, string]> = [
  ['alert', 'Оповещения сотрудникам'],
  ['summary', 'Сводки получателям'],
  ['reminder', 'Напоминания ОУ и списки должников'],
  ['school', 'Ежемесячные письма ОУ'],
  ['notice', 'Письма ОУ о грамотах'],
  ['other', 'Прочие письма'],
];

/** The sent mail grouped by kind: a heading with the count and a table each. */
function mailByKind(mail: IndexInput['mail']): string {
  const sections = MAIL_KINDS.map(([kind, title]) => {
    const ofKind = mail.filter(
      (m) => (MAIL_KINDS.some(([k]) => k === m.kind) ? m.kind : 'other') === kind,
    );
    if (ofKind.length === 0) return '';
    return `<h3>${esc(title)} (${ofKind.length})</h3>
<table><tr><th>Когда</th><th>Кому</th><th>Тема</th></tr>
${ofKind.map((m) => `<tr><td>${esc(fmtDate(m.at))}</td><td>${esc(m.to)}</td><td><a href="${href(m.file)}">${esc(m.subject)}</a></td></tr>`).join('\n')}</table>`;
  });
  return sections.filter((s) => s !== '').join('\n') || '<p>Писем нет.</p>';
}

/** The page. */
export function writeIndex(x: IndexInput): string {
  const calls = Object.entries(x.costs.calls).sort((a, b) => b[1] - a[1]);
  const totalCalls = calls.reduce((s, [, n]) => s + n, 0);
  const byFunction = new Map<string, { runs: number; ms: number; errors: number }>();
  for (const e of x.costs.executions) {
    const k = `${e.functionName} (${e.trigger})`;
    const v = byFunction.get(k) ?? { runs: 0, ms: 0, errors: 0 };
    v.runs++;
    v.ms += e.modelledMs;
    if (e.error) v.errors++;
    byFunction.set(k, v);
  }
  const rows = (cells: unknown[][]): string =>
    cells.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>${esc(x.info.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f1f3f4}code{background:#f6f6f6;padding:0 .2em}</style>
</head><body>
<h1>${esc(x.info.title)}</h1>
<p>Параметры: ${Object.entries(x.info.options)
    .map(([k, v]) => `<code>--${esc(k)} ${esc(v)}</code>`)
    .join(' ')}</p>
<h2>Главная таблица</h2>
<p><a href="master.xlsx">master.xlsx</a> — все вкладки главной таблицы.</p>
<table><tr><th>Вкладка</th><th>Строк данных</th></tr>
${rows(x.tabs.map((t) => [t.name, t.rows]))}</table>
<h2>Формы</h2>
<table><tr><th>Форма</th><th>Ответов</th></tr>
${rows(x.forms.map((f) => [f.title, f.responses]))}</table>
<p>Отправлено ответов: ${esc(JSON.stringify(x.info.submitted))}; не принято формой: ${esc(x.info.rejected)}.</p>
${
  x.spreadsheets.length > 0 || x.info.closed
    ? `<h2>Закрытие учебного года</h2>
${x.info.closed ? `<p>${esc(x.info.closed)}</p>` : ''}
<ul>${x.spreadsheets.map((s) => `<li><a href="${href(s.file)}">${esc(s.name)}</a> <small>${esc(s.folder)}</small></li>`).join('\n')}</ul>`
    : ''
}
<h2>Документы (${x.docs.length})</h2>
<ul>${x.docs.map((d) => `<li><a href="${href(d.file)}">${esc(d.name)}</a>${d.folder ? ` <small>${esc(d.folder)}</small>` : ''}</li>`).join('\n') || '<li>Документов нет.</li>'}</ul>
<h2>Грамоты и сертификаты (${x.certificates.length})</h2>
${x.info.certificates ? `<p>${esc(x.info.certificates)}</p>` : ''}
<ul>${x.certificates.map((d) => `<li><a href="${href(d.file)}">${esc(d.name)}</a>${d.pdf ? ` · <a href="${href(d.pdf)}">PDF</a>` : ''} <small>${esc(d.folder)}</small></li>`).join('\n') || '<li>Документов нет.</li>'}</ul>
<p>Шаблоны: ${x.templates.map((t) => `<a href="${href(t.file)}">${esc(t.name)}</a>`).join(', ') || 'нет'}.</p>
<h2>Письма (${x.mail.length})</h2>
${mailByKind(x.mail)}
<h2>Триггеры</h2>
<table><tr><th>Функция</th><th>Тип</th><th>Расписание</th></tr>
${rows(x.triggers.map((t) => [t.handler, t.type, t.schedule ?? '']))}</table>
<h2>Выполнения и вызовы сервисов</h2>
<p>Выполнений: ${x.costs.executions.length}; вызовов сервисов: ${totalCalls}; модельное время: ${esc((x.costs.modelledMs / 1000).toFixed(1))} с.</p>
<table><tr><th>Функция (запуск)</th><th>Выполнений</th><th>Модельное время, с</th><th>С ошибкой</th></tr>
${rows([...byFunction].map(([k, v]) => [k, v.runs, (v.ms / 1000).toFixed(1), v.errors]))}</table>
<table><tr><th>Вызов</th><th>Раз</th></tr>
${rows(calls.slice(0, 30))}</table>
</body></html>
`;
}
