/** Russian strings of «Журнал». */
export const JOURNAL_RU = {
  outcome: {
    ok: 'выполнено',
    error: 'ошибка',
    queued: 'отложено',
    skipped: 'пропущено',
    warning: 'предупреждение',
  },
};
