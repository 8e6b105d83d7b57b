/**
 * Russian strings of diplomas, certificates and letters of thanks: the template fields (a contract
 * with the templates staff design), the kinds of documents, the default templates' wording, and
 * the messages of generateCertificates in the sidebar, the menu and «Журнал».
 */
import type { CertificateKind } from '../../domain/certificates';

import { echo } from './echo';

const q = (text: string): string => `«${text}»`;

export const CERTIFICATES_RU = {
  /** Field names as staff write them in a template, between double braces. */
  fields: {
    fullName: 'Фамилия Имя',
    mentor: 'ФИО наставника',
    school: 'ОУ',
    event: 'Мероприятие',
    competency: 'Компетенция',
    ageCategory: 'Возрастная категория',
    place: 'Место',
    eventDate: 'Дата мероприятия',
    issueDate: 'Дата выдачи',
    signatoryPosition: 'Должность подписывающего',
    signatoryName: 'ФИО подписывающего',
    results: 'Участники и результаты',
  },

  kinds: {
    winner: { title: 'Диплом победителя', plural: 'Дипломы победителей' },
    prize: { title: 'Диплом призёра', plural: 'Дипломы призёров' },
    participant: { title: 'Сертификат участника', plural: 'Сертификаты участников' },
    mentor: { title: 'Благодарственное письмо', plural: 'Благодарственные письма' },
  } as Record<CertificateKind, { title: string; plural: string }>,

  /** {{Место}} on a diploma or a certificate. */
  places: {
    first: '1 место',
    second: '2 место',
    third: '3 место',
    medallion: 'Медальон за профессионализм',
    participant: 'участник',
  },

  /** A child's result in the list of a letter of thanks. */
  resultInList: {
    first: 'победитель (1 место)',
    second: 'призёр (2 место)',
    third: 'призёр (3 место)',
    medallion: 'медальон за профессионализм',
    participant: 'участник',
  },
  listLine: (name: string, competency: string, result: string) =>
    `${name} (${competency}) — ${result}`,
  listSeparator: '; ',

  /** «Дата мероприятия»: one day, days of one month, or a span across months. */
  sameMonthSpan: (fromDay: number, to: string) => `${fromDay}–${to}`,
  span: (from: string, to: string) => `${from} – ${to}`,

  documentName: (kindPlural: string, schoolKey: string, event: string) =>
    `${kindPlural} — ${schoolKey} — ${event}`,
  certificatesFolder: 'Грамоты',
  templatesFolder: 'Шаблоны',
  templateName: (kindTitle: string) => `Шаблон: ${kindTitle}`,

  /** The default templates: sober, centred, the centre's name on top. */
  defaults: {
    winner: {
      heading: 'ДИПЛОМ',
      subheading: 'победителя',
      lines: [
        'награждается',
        '{{Фамилия Имя}}',
        '{{ОУ}}',
        '{{занявший/занявшая}} 1 место в мероприятии',
        '«{{Мероприятие}}»',
        'компетенция «{{Компетенция}}», возрастная категория «{{Возрастная категория}}»',
        'Наставник: {{ФИО наставника}}',
      ],
    },
    prize: {
      heading: 'ДИПЛОМ',
      subheading: 'призёра',
      lines: [
        'награждается',
        '{{Фамилия Имя}}',
        '{{ОУ}}',
        '{{занявший/занявшая}} {{Место}} в мероприятии',
        '«{{Мероприятие}}»',
        'компетенция «{{Компетенция}}», возрастная категория «{{Возрастная категория}}»',
        'Наставник: {{ФИО наставника}}',
      ],
    },
    participant: {
      heading: 'СЕРТИФИКАТ',
      subheading: 'участника',
      lines: [
        'настоящим подтверждается, что',
        '{{Фамилия Имя}}',
        '{{ОУ}}',
        '{{принял/приняла}} участие в мероприятии',
        '«{{Мероприятие}}»',
        'компетенция «{{Компетенция}}», возрастная категория «{{Возрастная категория}}»',
        'Результат: {{Место}}',
      ],
    },
    mentor: {
      heading: 'БЛАГОДАРСТВЕННОЕ ПИСЬМО',
      subheading: '',
      lines: [
        'выражает благодарность',
        '{{ФИО наставника:дательный}}',
        '{{ОУ}}',
        'за подготовку участников мероприятия',
        '«{{Мероприятие}}»',
        '{{Участники и результаты}}',
      ],
    },
    eventDate: 'Дата проведения: {{Дата мероприятия}}',
    signature: '{{Должность подписывающего}}    ____________    {{ФИО подписывающего}}',
    issueDate: '{{Дата выдачи}}',
  } as Record<CertificateKind, { heading: string; subheading: string; lines: string[] }> & {
    eventDate: string;
    signature: string;
    issueDate: string;
  },

  job: 'Грамоты',
  noEventName: 'Укажите мероприятие: выберите его из списка.',
  eventNotFound: (typed: string, suggestion: string) =>
    suggestion
      ? `Мероприятие ${echo(typed)} не найдено на вкладке «Мероприятия» — возможно, ${q(suggestion)}.`
      : `Мероприятие ${echo(typed)} не найдено на вкладке «Мероприятия». Проверьте название.`,
  editionUsed: (start: string, others: string) =>
    `Использована строка «Мероприятий» с датой начала ${start}; строки с тем же названием и более ранней датой (${others}) не использованы.`,
  noStart: 'без даты',
  nothingToMake: (event: string) =>
    `Для мероприятия ${q(event)} пока не из чего делать документы: нет зарегистрированных участников с согласием на обработку данных.`,
  busy: 'Грамоты уже формируются другим запуском. Дождитесь его окончания.',
  templateMissing: (kind: string) =>
    `Шаблон «${kind}» не найден: запустите «Настроить систему» или укажите ссылку на шаблон на вкладке «Настройки».`,
  templateUnreadable: (kind: string, reference: string) =>
    `Шаблон «${kind}» не удалось открыть (${reference}): проверьте ссылку на вкладке «Настройки» и доступ к документу.`,
  templateUnsupported: (kind: string, element: string) =>
    `Шаблон «${kind}»: элемент «${element}» нельзя повторить на каждой странице; используйте абзацы, списки, таблицы и картинки в тексте.`,
  templateFieldInHeader: (kind: string, field: string) =>
    `Шаблон «${kind}»: поле ${field} стоит в колонтитуле, а колонтитул у всех страниц документа один; перенесите поле в текст страницы.`,
  stoppedOnTemplate: 'Ничего не создано: исправьте шаблон и запустите снова.',

  summary: (made: number, kept: number, pages: number) =>
    `Документов создано: ${made}, без изменений: ${kept}; страниц в созданных: ${pages}.`,
  unconfirmed: (n: number, names: string) =>
    `Результаты не подтверждены (${n}): ${names} — документы для них будут сделаны после отметки «Подтверждено» на вкладке «Результаты».`,
  unmatched: (n: number) =>
    `Результатов без зарегистрированного участника: ${n} (см. «Требует проверки»).`,
  review: (n: number) =>
    `Пол не удалось определить (${n}): имена оставлены в именительном падеже, см. «Требует проверки».`,
  pausedTime: (done: number, total: number) =>
    `Сделано ${done} из ${total} документов; остальные будут сделаны при следующем запуске (время одного запуска ограничено).`,
  pausedQuota: (done: number, total: number) =>
    `Сделано ${done} из ${total} документов; дневная квота Google на создание документов исчерпана, остальные будут сделаны завтра при ежедневном запуске.`,
  pausedError: (done: number, total: number, error: string) =>
    `Сделано ${done} из ${total} документов; работа остановлена из-за ошибки (${error}) и продолжится при следующем запуске.`,
  preview: (toMake: number, unchanged: number, pages: number) =>
    `Будет сделано документов: ${toMake} (страниц: ${pages}); без изменений останутся: ${unchanged}.`,
  finished: (event: string) => `Документы по мероприятию ${q(event)} готовы.`,
  pendingDropped: (event: string, done: number, total: number, why: string) =>
    `Грамоты по мероприятию ${q(event)} не доделаны (сделано ${done} из ${total} документов): ${why} Ежедневный запуск их больше не продолжает — выпустите документы заново в панели «Грамоты» под нынешним названием мероприятия; уже сделанные остаются в папке и на вкладке «Грамоты».`,
  progress: (event: string, done: number, total: number) =>
    `${q(event)}: сделано ${done} из ${total} документов, работа продолжится при следующем запуске.`,

  reviewForm: 'Грамоты',
  reviewProblem: (kind: string) =>
    `${kind}: пол не удалось определить по имени, отчеству и фамилии — имя оставлено в именительном падеже.`,
  reviewSuggestion: (document: string) => `Укажите пол/падеж вручную в документе «${document}».`,
};
