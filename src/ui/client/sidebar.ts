/** The sidebar's client: renders the panels and calls the server through `call`. */
import { SIDEBAR_RU as T } from '../../i18n/ru/sidebar';
import { RELIABILITY_RU as R } from '../../i18n/ru/reliability';
import type { DashboardData, HealthData, SaveSettingsResult, SettingsField } from '../sidebar';
import { call, messageOf } from './api';
import { barChart, byId, el, fill, link } from './dom';
import { startCertificates } from './certificates';
import { startYearClose } from './yearClose';

/** Shows a failed call's server message in the banner (the one error path). */
function showError(error: unknown): void {
  const banner = byId('error');
  banner.textContent = messageOf(error);
  banner.hidden = false;
}

function clearError(): void {
  const banner = byId('error');
  banner.textContent = '';
  banner.hidden = true;
}

function figure(value: number, caption: string): HTMLElement {
  const box = el('div', 'figure');
  box.append(el('span', 'figure-value', String(value)), el('span', 'figure-caption', caption));
  return box;
}

function figures(heading: string, f: DashboardData['month']): HTMLElement {
  const block = el('div', 'figures');
  block.append(
    el('h3', undefined, heading),
    figure(f.participants, T.dashboard.participants),
    figure(f.schoolsParticipating, T.dashboard.schools),
    figure(f.winners, T.dashboard.winners),
    figure(f.prizeWinners, T.dashboard.prizeWinners),
  );
  return block;
}

function renderDashboard(data: DashboardData): void {
  const coverage = el(
    'p',
    'muted',
    T.dashboard.coverage(data.year.schoolsParticipating, data.schoolsTotal),
  );
  const pipeline = el('p', 'muted', T.dashboard.registrations(data.registrations));
  fill(byId('note-warnings'), ...data.warnings.map((w) => el('p', 'warning', w)));
  const chartBlock = el('div');
  chartBlock.append(el('h3', undefined, T.dashboard.chart));
  if (data.series.some((p) => p.participants > 0))
    chartBlock.append(
      barChart(data.series.map((p) => ({ label: p.label, value: p.participants }))),
    );
  else chartBlock.append(el('p', 'muted', T.dashboard.chartEmpty));
  const top = el('div');
  top.append(el('h3', undefined, T.dashboard.top));
  if (data.topSchools.length === 0) top.append(el('p', 'muted', T.dashboard.topEmpty));
  else {
    const list = el('ol', 'top');
    for (const school of data.topSchools) {
      const item = el('li');
      item.append(
        el('span', 'school-name', school.name),
        el('b', undefined, ` ${school.participants}`),
      );
      list.append(item);
    }
    top.append(list);
  }
  const quality = el('p', 'quality');
  quality.append(
    el('span', undefined, `${T.dashboard.quality} `),
    el('b', 'quality-count', String(data.qualityNew)),
  );
  if (data.qualityUrl) quality.append(el('br'), link(data.qualityUrl, T.dashboard.qualityLink));
  fill(
    byId('dashboard-body'),
    el('p', 'muted', T.dashboard.hint),
    figures(T.dashboard.month(data.periodLabel), data.month),
    figures(T.dashboard.year(data.schoolYearLabel), data.year),
    coverage,
    pipeline,
    quality,
    chartBlock,
    top,
  );
  const select = byId<HTMLSelectElement>('period');
  fill(
    select,
    ...data.periods.map((p) => {
      const option = el('option', undefined, p.label);
      option.value = p.key;
      return option;
    }),
  );
  select.value = data.defaultPeriod;
}

async function loadDashboard(): Promise<void> {
  byId('dashboard-body').textContent = T.loading;
  renderDashboard(await call('getDashboard'));
}

async function runNoteAction(kind: 'generate' | 'send'): Promise<void> {
  const status = byId('note-status');
  const period = byId<HTMLSelectElement>('period').value;
  const buttons = [byId<HTMLButtonElement>('generate'), byId<HTMLButtonElement>('send')];
  buttons.forEach((b) => (b.disabled = true));
  // Progress of a send goes under the note's link, so the link stays visible.
  const progress = kind === 'generate' ? status : byId('summary-status');
  progress.textContent = kind === 'generate' ? T.note.generating : T.note.sending;
  try {
    if (kind === 'generate') {
      const note = await call('generateNote', period);
      fill(status, el('span', undefined, `${T.note.done} `), link(note.url, note.name));
    } else {
      const result = await call('sendSummary', period);
      byId('summary-status').textContent = result.message;
    }
  } catch (error) {
    progress.textContent = '';
    showError(error);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

/** Settings answered «да» / «нет», and lists of addresses. */
const YES_NO_SETTINGS: string[] = [
  'nameWinners',
  'checkSender',
  'schoolLetters',
  'certificatesToSchools',
];
const ADDRESS_SETTINGS: string[] = ['recipients', 'staff', 'schoolLettersCopy'];

/**
 * «Настройки» as the server last gave them: a save sends only the fields changed since, so a
 * colleague's change to another field made meanwhile is not overwritten by this stale form.
 */
let loadedSettings: Record<string, string> = {};

function renderSettings(fields: SettingsField[], errors: SaveSettingsResult['errors'] = {}): void {
  const form = byId<HTMLFormElement>('settings-fields');
  const rows = fields.map((field) => {
    const row = el('label', 'field');
    row.append(el('span', 'field-label', field.label));
    let input: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
    if (YES_NO_SETTINGS.indexOf(field.key) >= 0) {
      input = el('select');
      for (const value of [T.settings.yes, T.settings.no]) {
        const option = el('option', undefined, value);
        option.value = value;
        input.append(option);
      }
    } else if (ADDRESS_SETTINGS.indexOf(field.key) >= 0) {
      input = el('textarea');
      input.rows = 2;
    } else {
      input = el('input');
      input.type = 'text';
    }
    input.name = field.key;
    input.value = field.value;
    row.append(input);
    const message = errors[field.key];
    if (message) {
      row.classList.add('invalid');
      row.append(el('span', 'field-error', message));
    }
    return row;
  });
  fill(form, ...rows);
}

function rememberSettings(fields: SettingsField[]): void {
  loadedSettings = {};
  for (const field of fields) loadedSettings[field.key] = field.value;
}

async function loadSettings(): Promise<void> {
  const fields = await call('getSettings');
  rememberSettings(fields);
  renderSettings(fields);
}

async function saveSettingsForm(event: Event): Promise<void> {
  event.preventDefault();
  const values: Record<string, string> = {};
  const form = byId<HTMLFormElement>('settings');
  for (const input of Array.from(form.querySelectorAll<HTMLInputElement>('[name]')))
    if (input.value !== loadedSettings[input.name]) values[input.name] = input.value;
  const status = byId('settings-status');
  status.textContent = T.settings.saving;
  status.className = 'status';
  try {
    const result = await call('saveSettings', values);
    status.textContent = result.message;
    status.className = result.ok ? 'status ok' : 'status bad';
    if (result.ok) {
      rememberSettings(result.fields);
      renderSettings(result.fields);
    } else {
      // Keep what the user typed; show the messages under the fields.
      const typed = result.fields.map((f) => ({ ...f, value: values[f.key] ?? f.value }));
      renderSettings(typed, result.errors);
    }
  } catch (error) {
    status.textContent = '';
    showError(error);
  }
}

function formatRunTime(iso: string): string {
  const date = new Date(iso);
  if (isNaN(date.getTime())) return iso;
  return date.toLocaleString('ru-RU', {
    timeZone: 'Europe/Moscow',
    dateStyle: 'short',
    timeStyle: 'short',
  });
}

function renderHealth(data: HealthData): void {
  const triggers = el('ul', data.triggers.ok ? 'triggers ok' : 'triggers bad');
  triggers.append(
    ...(data.triggers.mine
      ? [
          el('li', undefined, T.health.formSubmit(data.triggers.formSubmit)),
          el('li', undefined, T.health.daily(data.triggers.daily)),
        ]
      : [el('li', undefined, T.health.ownedBy(data.triggers.owner))]),
  );
  const blocks: Node[] = [];
  // A missing source stops a form's answers from being placed: the first thing staff must see.
  if (data.problems.length > 0) {
    const problems = el('ul', 'problems bad');
    problems.append(...data.problems.map((p) => el('li', 'error', p)));
    blocks.push(el('h3', 'error', R.health.problems), problems, el('p', 'warning', R.health.fix));
  }
  for (const [heading, lines] of [
    [T.health.late, data.late],
    [T.health.drive, data.drive],
  ] as const) {
    if (lines.length === 0) continue;
    const list = el('ul', 'notices');
    list.append(...lines.map((line) => el('li', 'warning', line)));
    blocks.push(el('h3', undefined, heading), list);
  }
  blocks.push(el('h3', undefined, T.health.triggers), triggers);
  if (!data.triggers.ok) blocks.push(el('p', 'warning', T.health.triggersFix));
  const quota = el('p');
  quota.append(
    el('span', undefined, `${T.health.quota} `),
    el('b', 'quota', String(data.mailQuota)),
  );
  blocks.push(quota);
  if (data.mailQueued > 0) blocks.push(el('p', 'muted', R.health.queued(data.mailQueued)));
  blocks.push(el('p', 'muted school-letters', data.schoolLetters));
  if (data.senderCheck)
    blocks.push(el('h3', undefined, R.health.sender), el('p', 'warning', data.senderCheck));
  blocks.push(el('h3', undefined, T.health.upload));
  blocks.push(el('p', data.fileUpload.present ? 'ok' : 'warning', data.fileUpload.instructions));
  blocks.push(el('h3', undefined, T.health.runs));
  if (data.runs.length === 0) blocks.push(el('p', 'muted', T.health.runsEmpty));
  else {
    const list = el('ul', 'runs');
    for (const run of data.runs) {
      const item = el('li', run.error ? 'run bad' : 'run');
      item.append(
        el('span', 'run-time', formatRunTime(run.at)),
        el('span', 'run-job', ` ${run.job}: ${run.result}`),
      );
      if (run.details) item.append(el('div', 'muted', run.details));
      if (run.error) item.append(el('div', 'field-error', run.error));
      if (run.link) item.append(link(run.link, T.health.open));
      list.append(item);
    }
    blocks.push(list);
  }
  fill(byId('health-body'), ...blocks);
}

async function loadHealth(): Promise<void> {
  renderHealth(await call('getHealth'));
}

/** Runs a loader; a failure goes to the one error banner. */
function guarded(task: () => Promise<void>): () => void {
  return () => {
    clearError();
    task().catch(showError);
  };
}

/** Static captions come from the dictionary too, so Sidebar.html holds no wording. */
function labelStatic(): void {
  const captions: Record<string, string> = {
    'dashboard-heading': T.dashboard.heading,
    refresh: T.dashboard.refresh,
    'note-heading': T.note.heading,
    'period-label': T.note.month,
    generate: T.note.generate,
    send: T.note.send,
    'settings-heading': T.settings.heading,
    save: T.settings.save,
    'health-heading': T.health.heading,
    'health-refresh': T.dashboard.refresh,
    'sync-choices': T.health.syncChoices,
  };
  for (const id of Object.keys(captions)) byId(id).textContent = captions[id] ?? '';
  document.title = T.title;
}

function start(): void {
  labelStatic();
  byId('refresh').addEventListener('click', guarded(loadDashboard));
  byId('generate').addEventListener('click', () => void runNoteAction('generate'));
  byId('send').addEventListener('click', () => void runNoteAction('send'));
  byId('settings').addEventListener('submit', (event) => void saveSettingsForm(event));
  byId('health-refresh').addEventListener('click', guarded(loadHealth));
  byId('sync-choices').addEventListener(
    'click',
    guarded(async () => {
      byId('sync-status').textContent = await call('syncFormChoices');
    }),
  );
  // Independent panels: one failing does not stop the others.
  loadDashboard().catch(showError);
  loadSettings().catch(showError);
  loadHealth().catch(showError);
  startCertificates(showError);
  startYearClose(showError);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
