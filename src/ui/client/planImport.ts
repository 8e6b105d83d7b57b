/** The dialog «Импорт плана работы»: the pasted plan goes to importPlan, its answer is shown. */
import { PLAN_UI_RU as T } from '../../i18n/ru/plan-ui';
import { call, messageOf } from './api';
import { byId } from './dom';

function start(): void {
  byId('hint').textContent = T.dialogHint;
  const go = byId<HTMLButtonElement>('go');
  const out = byId('out');
  go.textContent = T.dialogButton;
  go.addEventListener('click', () => {
    go.disabled = true;
    out.textContent = T.dialogWorking;
    call('importPlan', byId<HTMLTextAreaElement>('plan').value)
      .then((message) => (out.textContent = message))
      .catch((error: unknown) => (out.textContent = messageOf(error)))
      .finally(() => (go.disabled = false));
  });
}

start();
