/** Russian strings of the reliability guarantees: sources, catch-up, access, mail queue, budgets. */
import { plural } from '../../domain/text/plural';

const LETTERS = ['письмо', 'письма', 'писем'] as const;
const ROWS = ['строка', 'строки', 'строк'] as const;
const RECIPIENTS = ['получатель', 'получателя', 'получателей'] as const;
const RECIPIENTS_DAT = ['получателю', 'получателям', 'получателям'] as const;

const MISSING_WHAT: Record<string, (form: string, detail: string) => string> = {
  form: (form) => `форма «${form}» удалена или недоступна`,
  unlinked: (form) => `форма «${form}» отвязана от таблицы: новые ответы в неё не попадают`,
  sheet: (form) => `лист ответов формы «${form}» не найден`,
  question: (form, detail) => `в форме «${form}» удалён вопрос «${detail}»`,
};

export const RELIABILITY_RU = {
  health: {
    problems: 'Разбор ответов остановлен',
    fix: 'Выберите в меню «Опорный центр» пункт «Настроить систему»: она восстановит связь с формой и вопросы.',
    queued: (n: number) => `В очереди почты ждут отправки: ${n} ${plural(n, LETTERS)}.`,
    sender: 'Проверка отправителя',
  },
  senderCheck: {
    instructions:
      'Включено «Проверять отправителя»: формы собирают адрес отвечающего, а ответ с адреса, не ' +
      'указанного для ОУ во вкладке «ОУ», отмечается в «Требует проверки». Чтобы адрес нельзя было ' +
      'вписать чужой, владелец каждой формы включает в её настройках «Собирать адреса электронной ' +
      'почты» → «Подтверждённые» (Verified): тогда отвечающие входят в аккаунт Google. Приложение само ' +
      'выбрать этот вариант не может (FormApp его не поддерживает). Школы должны входить с адресами, ' +
      'указанными для них во вкладке «ОУ».',
  },
  access: {
    reverted: (typed: string, saved: string) =>
      `Список сотрудников в «Настройках» был изменён не через панель («${typed || 'пусто'}»): ` +
      `восстановлен сохранённый список («${saved || 'пусто'}»). Сотрудники меняют его в панели ` +
      '«Опорный центр» → «Настройки».',
  },
  sources: {
    missing: (what: string, form: string, detail: string) =>
      (MISSING_WHAT[what] ?? MISSING_WHAT.sheet!)(form, detail),
    stopped: (problems: string) =>
      `Разбор ответов этой формы остановлен, производные вкладки не изменены: ${problems}. ` +
      'Запустите «Настроить систему» — она восстановит связь и вопросы; ответы останутся в листах ответов.',
    submitStopped: (sheet: string, row: number, problems: string) =>
      `Ответ в строке ${row} листа «${sheet}» сохранён, но не разобран: ${problems}. ` +
      'Запустите «Настроить систему»; после этого ответ будет разобран.',
    alertSubject: 'Опорный центр: разбор ответов остановлен',
    alertBody: (problems: string, url: string) =>
      'Здравствуйте!\n\nПриложение остановило разбор ответов формы, потому что не находит её ' +
      `источник: ${problems}.\nПроизводные вкладки не изменены, ответы школ сохраняются в листах ` +
      `ответов.\n\nОткройте таблицу и выберите «Опорный центр → Настроить систему»:\n${url}`,
    healthLine: (problem: string, since: string) => `${problem} (с ${since})`,
  },
  catchUp: {
    done: (rows: number) =>
      `Дособраны ответы, не разобранные при отправке: ${rows} ${plural(rows, ROWS)} листов ответов.`,
    restored: (rows: number) =>
      `Производные вкладки восстановлены по листам ответов: исправлено ${rows} ${plural(rows, ROWS)}.`,
  },
  budget: {
    left: (job: string) =>
      `${job}: не хватило отведённого времени, остальное будет сделано при следующем запуске.`,
    filesLeft: (n: number) =>
      `Перенесены не все файлы приказов (осталось ${n}): продолжение — при следующем запуске.`,
  },
  reminders: {
    queued: (monthText: string, n: number) =>
      n === 0
        ? `Напоминания ${monthText}: новых нет, всё уже в очереди или отправлено.`
        : `Напоминания ${monthText}: в очередь почты поставлено ${n} ${plural(n, LETTERS)}.`,
  },
  summary: {
    partly: (sent: number, waiting: number) =>
      `Сводка отправлена ${sent} ${plural(sent, RECIPIENTS_DAT)}; ещё ${waiting} ${plural(waiting, RECIPIENTS)} ` +
      'получат её в следующие дни (дневная квота почты или время выполнения).',
    already: (sent: number) =>
      `Сводка за этот месяц уже поставлена в очередь для всех получателей (отправлено: ${sent}); повторно не отправляется.`,
  },
  mail: {
    job: 'Почта',
    sent: (n: number) => `Отправлено ${n} ${plural(n, LETTERS)}.`,
    waiting: (n: number, byQuota: boolean) =>
      `${n} ${plural(n, LETTERS)} ждут следующего запуска ` +
      (byQuota ? '(исчерпана дневная квота почты).' : '(исчерпано время выполнения).'),
    retry: (to: string, subject: string) =>
      `Письмо «${subject}» на адрес ${to} не отправлено из-за сбоя почты; следующий запуск попробует ещё раз.`,
    badAddress: (to: string, subject: string, error: string) =>
      `Письмо «${subject}» на адрес ${to} не отправлено: ${error}. Остальные письма отправляются.`,
    unknown: (to: string, subject: string) =>
      `Неизвестно, ушло ли письмо «${subject}» на адрес ${to}: запуск прервался во время отправки. ` +
      'Повторно оно не отправляется, чтобы не прийти дважды; при необходимости отправьте его вручную.',
    badAddressIssue: 'Почта не принимает этот адрес: письма ОУ на него не уходят',
    badAddressSuggestion: 'Исправьте адрес в столбце «Email» вкладки «ОУ».',
  },
};
