/** The sidebar's certificates section: choose an event, see what will be made, make it. */
import { SIDEBAR_RU } from '../../i18n/ru/sidebar';
import type { CertificatesAnswer } from '../../jobs/certificates';
import type { CertificatesPanel } from '../certificates';
import { call } from './api';
import { byId, el, fill, link } from './dom';

const T = SIDEBAR_RU.certificates;

function renderPanel(panel: CertificatesPanel): void {
  const select = byId<HTMLSelectElement>('cert-event');
  fill(
    select,
    ...panel.events.map((e) => {
      const option = el('option', undefined, e.label);
      option.value = e.name;
      return option;
    }),
  );
  const empty = panel.events.length === 0;
  byId<HTMLButtonElement>('cert-preview').disabled = empty;
  byId<HTMLButtonElement>('cert-make').disabled = empty;
  if (empty) fill(byId('cert-status'), el('p', 'muted', T.noEvents));
  const pending = byId('cert-pending');
  if (panel.pending.length === 0) fill(pending);
  else
    fill(
      pending,
      el('h3', undefined, T.pending),
      ...panel.pending.map((p) => el('p', 'warning', p.message)),
    );
}

/** Loads the events and the unfinished runs. */
export async function loadCertificates(): Promise<void> {
  renderPanel(await call('getCertificatesPanel'));
}

function renderAnswer(answer: CertificatesAnswer): void {
  const blocks: Node[] = [];
  for (const line of answer.message.split('\n'))
    blocks.push(el('p', answer.ok && answer.paused === '' ? 'ok' : 'warning', line));
  if (answer.folderUrl) blocks.push(link(answer.folderUrl, T.folder));
  if (answer.documents.length > 0) {
    const list = el('ul', 'documents');
    for (const d of answer.documents) {
      const item = el(
        'li',
        undefined,
        `${T.line(d.school, d.kind, d.pages)} — ${T.status[d.status]} `,
      );
      if (d.url) item.append(link(d.url, T.document), document.createTextNode(' '));
      if (d.pdfUrl) item.append(link(d.pdfUrl, T.pdf));
      list.append(item);
    }
    blocks.push(list);
  }
  fill(byId('cert-status'), ...blocks);
}

async function act(kind: 'preview' | 'make', showError: (error: unknown) => void): Promise<void> {
  const event = byId<HTMLSelectElement>('cert-event').value;
  const buttons = [byId<HTMLButtonElement>('cert-preview'), byId<HTMLButtonElement>('cert-make')];
  buttons.forEach((b) => (b.disabled = true));
  byId('cert-status').textContent = kind === 'make' ? T.making : T.previewing;
  try {
    const answer =
      kind === 'make'
        ? await call('generateCertificates', event)
        : await call('previewCertificates', event);
    renderAnswer(answer);
    if (kind === 'make') await loadCertificates();
  } catch (error) {
    byId('cert-status').textContent = '';
    showError(error);
  } finally {
    buttons.forEach((b) => (b.disabled = false));
  }
}

/** Static captions and handlers of the section. */
export function startCertificates(showError: (error: unknown) => void): void {
  byId('certificates-heading').textContent = T.heading;
  byId('cert-event-label').textContent = T.event;
  byId('cert-preview').textContent = T.preview;
  byId('cert-make').textContent = T.make;
  byId('cert-preview').addEventListener('click', () => void act('preview', showError));
  byId('cert-make').addEventListener('click', () => void act('make', showError));
  loadCertificates().catch(showError);
  if (document.body.dataset.focus === 'certificates') byId('certificates').scrollIntoView();
}
