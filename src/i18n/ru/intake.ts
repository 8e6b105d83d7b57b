/** Russian strings of the intake's journal entries. */
import type { Projection } from '../../domain/intake';

export const INTAKE_RU = {
  lockBusy: (sheet: string, row: number) =>
    `Ответ в строке ${row} листа «${sheet}» сохранён, но не разобран: таблица была занята другой задачей. Его разберёт ежедневный запуск или «Пересобрать данные».`,
  failed: (sheet: string, row: number) =>
    `Ответ в строке ${row} листа «${sheet}» сохранён, но не разобран из-за ошибки. Его разберёт ежедневный запуск или «Пересобрать данные».`,
  fileNotUploaded: (responseId: string) =>
    `Ответ ${responseId}: в «Файле приказа» ссылка на файл, который не был загружен через форму (строку вписали в лист ответов вручную). Файл не перенесён; строка — в «Требует проверки».`,
  fileNotMoved: (responseId: string) =>
    `Файл приказа из ответа ${responseId} не удалось перенести в «Банк приказов»; ответ и ссылка на файл сохранены. Повторные попытки — при ежедневных запусках в течение двух недель и при «Пересобрать данные».`,
  rebuildBusy:
    'Таблица занята другой задачей (приём ответа или ежедневный запуск). Повторите «Пересобрать данные» через минуту.',
  rebuilt: (p: Projection, written: Record<string, number>) => {
    const rows = Object.values(written).reduce((a, b) => a + b, 0);
    return `Данные пересобраны: участников — ${p.participants.length}, приказов — ${p.orders.length}, отчётов — ${p.reports.length}, результатов — ${p.results.length}, требует проверки — ${p.quality.length}; изменено строк — ${rows}.`;
  },
};
