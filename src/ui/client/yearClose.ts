/**
 * The sidebar's year-close section: the preview first (nothing changes), then the close only
 * after staff tick that they understand names are removed for good.
 */
import { YEAR_CLOSE_RU } from '../../i18n/ru/yearClose';
import type { YearCloseAnswer } from '../../jobs/yearClose';
import { call } from './api';
import { byId, el, fill } from './dom';

const T = YEAR_CLOSE_RU.sidebar;

function render(answer: YearCloseAnswer): void {
  // The preview is its lines; a run says first how it ended, then what each step did.
  const lines = answer.preview
    ? answer.lines.length > 0
      ? answer.lines
      : [answer.message]
    : [answer.message, ...answer.lines];
  const kind = answer.preview ? 'muted' : answer.closed ? 'ok' : 'warning';
  fill(byId('close-status'), ...lines.map((line) => el('p', kind, line)));
  const ready = answer.preview && !answer.closed;
  byId('close-confirm-row').hidden = !ready;
  byId<HTMLInputElement>('close-understood').checked = false;
  byId<HTMLButtonElement>('close-run').disabled = true;
}

async function act(confirm: boolean, showError: (error: unknown) => void): Promise<void> {
  const year = byId<HTMLInputElement>('close-year').value;
  const buttons = [byId<HTMLButtonElement>('close-preview'), byId<HTMLButtonElement>('close-run')];
  buttons.forEach((b) => (b.disabled = true));
  try {
    render(
      confirm ? await call('closeSchoolYear', year, true) : await call('closeSchoolYear', year),
    );
  } catch (error) {
    showError(error);
  } finally {
    byId<HTMLButtonElement>('close-preview').disabled = false;
  }
}

/** Static captions and handlers of the section. */
export function startYearClose(showError: (error: unknown) => void): void {
  byId('close-heading').textContent = T.title;
  byId('close-year-label').textContent = T.year;
  byId('close-preview').textContent = T.preview;
  byId('close-run').textContent = T.confirm;
  byId('close-understood-label').textContent = T.understood;
  byId('close-confirm-row').hidden = true;
  byId('close-understood').addEventListener('change', () => {
    byId<HTMLButtonElement>('close-run').disabled =
      !byId<HTMLInputElement>('close-understood').checked;
  });
  byId('close-preview').addEventListener('click', () => void act(false, showError));
  byId('close-run').addEventListener('click', () => void act(true, showError));
  call('getYearClosePanel')
    .then((panel) => {
      byId<HTMLInputElement>('close-year').value = panel.schoolYear;
      if (panel.closed) fill(byId('close-status'), el('p', 'ok', T.closed(panel.schoolYear)));
    })
    .catch(showError);
  if (document.body.dataset.focus === 'yearclose') byId('yearclose').scrollIntoView();
}
