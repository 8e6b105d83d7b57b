/** Russian strings of the daily run and the reminders to ОУ and to the centre's staff. */
import { plural } from '../../domain/text/plural';

const PARTICIPANTS = ['участник', 'участника', 'участников'] as const;
const SCHOOLS = ['ОУ', 'ОУ', 'ОУ'] as const;
const EMAILS = ['письмо', 'письма', 'писем'] as const;

const DAILY_RU_JOBS: Record<string, string> = {
  intake: 'Обработка ответов форм',
  choices: 'Обновление списков в формах',
  statistics: 'Обновление статистики',
  note: 'Аналитическая справка',
  summary: 'Сводка',
  letters: 'Письма ОУ',
  reminders: 'Напоминания ОУ',
};

export const DAILY_RU = {
  jobs: DAILY_RU_JOBS,
  lockBusy:
    'Ежедневные задачи не запущены: выполняется другая операция. Повтор — при следующем запуске.',
  intakeUpToDate: 'Сверка ответов: все ответы уже разобраны при отправке.',
  intakeDone: (written: number) =>
    written === 0
      ? 'Ответы форм учтены, изменений нет.'
      : `Ответы форм учтены, обновлено строк: ${written}.`,
  choicesDone: (changed: number) =>
    changed === 0 ? 'Списки в формах актуальны.' : `Обновлено списков в формах: ${changed}.`,
  routine: 'Ежедневное обновление',
  outOfTime: 'Не хватило времени выполнения; задача перенесена на следующий запуск.',
  waitsForNote: 'Сводка ждёт справку за этот месяц; будет отправлена при следующем запуске.',
  failedRetry: 'Ежедневные задачи не выполнены; повтор — при следующем запуске.',
  certificatesFailed:
    'Продолжение работы над грамотами не удалось; повтор — при следующем запуске.',
  lockLost: 'Задача не запущена: другая операция заняла систему. Повтор — при следующем запуске.',
  failed: (job: string, monthText: string) =>
    `${DAILY_RU_JOBS[job] ?? job} ${monthText}: сбой. Задача будет повторена при следующем запуске.`,
  /** A monthly job done after its day (the daily run did not run, or not far enough). */
  late: (job: string, monthText: string, due: string) =>
    `${DAILY_RU_JOBS[job] ?? job} ${monthText} выполнено с опозданием: срок был ${due}.`,
  /** A folder of the app found in the trash (restored with its files) or gone (made again). */
  folderRepaired: (path: string, action: 'restored' | 'recreated') =>
    action === 'restored'
      ? `Папка «${path}» была в корзине Google Диска: восстановлена вместе с файлами, которые попали в корзину с ней.`
      : `Папка «${path}» удалена с Google Диска навсегда: создана заново; файлы, которые были в ней, не восстановить.`,
  /** One line of the sidebar's list of folder repairs. */
  folderLine: (path: string, action: 'restored' | 'recreated', at: string) =>
    action === 'restored'
      ? `${at}: папка «${path}» восстановлена из корзины.`
      : `${at}: папка «${path}» создана заново (прежняя удалена навсегда).`,
  /** One line of the sidebar's list of what was done late. */
  lateLine: (job: string, monthText: string, due: string, done: string) =>
    `${DAILY_RU_JOBS[job] ?? job} ${monthText}: срок ${due}, выполнено ${done}.`,
  remindersDone: (monthText: string, sent: number) =>
    `Напоминания ${monthText}: отправлено ${sent} ${plural(sent, EMAILS)}.`,
  remindersQueued: (monthText: string, sent: number, queued: number, byQuota: boolean) =>
    `Напоминания ${monthText}: отправлено ${sent} ${plural(sent, EMAILS)}, ` +
    `${queued} ${plural(queued, EMAILS)} отложено до следующего запуска ` +
    (byQuota ? '(исчерпана дневная квота почты).' : '(исчерпано время выполнения).'),
  noDebtors: (monthText: string) => `Напоминания ${monthText} не нужны: все ОУ отчитались.`,
  reportNotOffered: (monthText: string) =>
    `Об ежемесячном отчёте ${monthText} не напоминаем: форма отчёта больше не предлагает этот месяц (срок прошёл).`,

  reminder: {
    subject: (monthText: string) => `Напоминание о сведениях ${monthText}`,
    greeting: 'Уважаемые коллеги!',
    intro: (schoolName: string, deadlineDay: number) =>
      `Напоминаем, что после установленного срока (до ${deadlineDay}-го числа месяца, следующего ` +
      `за отчётным) от ${schoolName} не поступили следующие сведения:`,
    report: (monthText: string) =>
      `ежемесячный отчёт ${monthText} не представлен (форма «Ежемесячный отчёт ОУ»)`,
    orders: (count: number, events: string[]) =>
      `не представлены приказы о направлении участников: без приказа ${count} ` +
      plural(count, PARTICIPANTS) +
      ' (' +
      (events.length > 0
        ? `${events.length > 1 ? 'мероприятия' : 'мероприятие'}: ${events.join(', ')}; `
        : '') +
      'форма «Приказы о направлении участников»)',
    request:
      'Просим направить недостающие сведения через указанные формы в ближайшее время. ' +
      'Если вы уже отправили их, пожалуйста, не учитывайте это письмо.',
    signature: (centreName: string) => `С уважением,\n${centreName}`,
  },

  staffList: {
    subject: (monthText: string, count: number) =>
      `Должники по сведениям ${monthText}: ${count} ${plural(count, SCHOOLS)}`,
    intro: (monthText: string, deadlineDay: number) =>
      `После срока представления сведений (${deadlineDay}-е число месяца, следующего за отчётным) ` +
      `не получены сведения ${monthText} от следующих ОУ:`,
    report: 'нет ежемесячного отчёта',
    orders: (count: number) => `без приказа ${count} ${plural(count, PARTICIPANTS)}`,
    noEmail: 'адрес в реестре не указан, напоминание не отправлено',
    outro: 'Напоминания ОУ отправлены автоматически.',
  },
};
