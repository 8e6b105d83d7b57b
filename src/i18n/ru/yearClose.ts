/**
 * Russian strings of closing a school year: the archive's tabs and headers, the annual note, the
 * preview, refusals and journal lines. Placeholders in braces are filled by fillPhrase; word
 * triples are plural forms [one, few, many].
 */
import { plural } from '../../domain/text/plural';

const NAMES = ['имя', 'имени', 'имён'] as const;
const RESPONSES = ['ответ', 'ответа', 'ответов'] as const;
const IN_RESPONSES = ['ответе', 'ответах', 'ответах'] as const;
const LINES = ['строка', 'строки', 'строк'] as const;
const CELLS = ['ячейка', 'ячейки', 'ячеек'] as const;
const CELLS_ACC = ['ячейке', 'ячейках', 'ячейках'] as const;

export const ARCHIVE_RU = {
  /** «Архив 2021/2022»: the archive spreadsheet's name. */
  title: (schoolYear: string) => `Архив ${schoolYear}`,
  tabs: {
    year: 'Год',
    months: 'Месяцы',
    rating: 'Рейтинг ОУ',
    events: 'Мероприятия и результаты',
    preparation: 'Подготовка',
    participants: 'Участники (ID)',
  },
  headers: {
    indicator: 'Показатель',
    value: 'Значение',
    key: 'Ключ',
    schoolYear: 'Учебный год',
    schoolsTotal: 'ОУ в реестре',
    period: 'Месяц',
    yearToDate: 'С начала года',
    registrations: 'Заявок подано',
    reportsReceived: 'Отчётов получено',
    reportsOnTime: 'Отчётов в срок',
    sessions: 'Занятий по подготовке',
    pupils: 'Обучающихся в подготовке',
    mentors: 'Педагогов-наставников',
    ordersReceived: 'Приказов получено',
    withoutOrder: 'Участников без приказа',
    schoolKey: 'Ключ ОУ',
    school: 'ОУ',
    schoolType: 'Тип ОУ',
    event: 'Мероприятие',
    start: 'Дата начала',
    level: 'Уровень',
    competency: 'Компетенция',
    ageCategory: 'Возрастная категория',
    participantId: 'ID участника',
    result: 'Результат',
    total: 'Итого',
  },
  figures: {
    participants: 'Участников',
    schoolsParticipating: 'ОУ-участников',
    coveragePercent: 'Охват, %',
    winners: 'Победителей',
    prizeWinners: 'Призёров',
    medallions: 'Медальонов',
    medalsConfirmed: 'Медалей подтверждено',
    participantsWithResults: 'Участников с результатами',
    effectivenessPercent: 'Результативность, %',
  },
};

export const ANNUAL_RU = {
  title:
    'Аналитическая справка о результатах мониторинга участия образовательных учреждений {district} района в чемпионатах профессионального мастерства за {schoolYear}',
  subtitle: '{centre}, итоги {schoolYear}',
  headings: {
    basis: 'Основание',
    goal: 'Цель',
    period: 'Отчётный период',
    sources: 'Источники данных',
    byMonth: 'Участие по месяцам',
    events: 'Мероприятия и их результаты',
    preparation: 'Подготовка участников',
    rating: 'Рейтинг ОУ за учебный год',
    discipline: 'Исполнительская дисциплина',
    comparison: 'Сравнение с прошлым учебным годом',
  },
  goal: 'Подведение итогов участия обучающихся образовательных учреждений района в чемпионатах профессионального мастерства за учебный год, выявление достижений и проблем для планирования работы на следующий учебный год.',
  period: '{range} ({schoolYear}).',
  sources:
    'Сведения получены из электронного сервиса мониторинга: регистрация участников, ежемесячные отчёты ОУ, приказы и результаты участия. Итоги учебного года сохранены в архиве «{archive}» (только обобщённые показатели и псевдонимные идентификаторы участников, без имён).',
  yearOne:
    'За учебный год в чемпионатах принял участие {n} {pupils} из {schools} ({coverage} ОУ района).',
  yearMany:
    'За учебный год в чемпионатах приняли участие {n} {pupils} из {schools} ({coverage} ОУ района).',
  pupils: ['обучающийся', 'обучающихся', 'обучающихся'] as const,
  schools: [
    'образовательного учреждения',
    'образовательных учреждений',
    'образовательных учреждений',
  ] as const,
  medals: 'Победителями стали {winners}, призёрами — {prizes}; результативность — {effectiveness}.',
  people: ['человек', 'человека', 'человек'] as const,
  noParticipation: 'За учебный год участие обучающихся в чемпионатах не зафиксировано.',
  monthsTable: 'Таблица {n}. Участие и результаты по месяцам проведения мероприятий',
  monthsHeader: [
    'Месяц',
    'Участников',
    'ОУ-участников',
    'Охват, %',
    'Победителей',
    'Призёров',
    'Результативность, %',
  ],
  yearRow: 'За учебный год',
  monthsChart: 'Рисунок {n}. Участники и медали по месяцам учебного года',
  chartParticipants: 'Участники',
  chartMedals: 'Победители и призёры',
  chartTitle: 'Участники и медали по месяцам',
  bestMonth: 'Больше всего участников — {month} ({n} {pupils}).',
  eventsIntro: 'Результаты поступили по {n} {events}.',
  eventsWord: ['мероприятию', 'мероприятиям', 'мероприятиям'] as const,
  eventsNone: 'Результаты мероприятий учебного года в сервис не поступили.',
  eventsTable: 'Таблица {n}. Мероприятия учебного года и их результаты',
  eventsHeader: ['Мероприятие', 'Дата', 'Участников', 'Победителей', 'Призёров', 'Медальонов'],
  competencyTable: 'Таблица {n}. Медали по компетенциям за учебный год',
  competencyHeader: ['Компетенция', 'Участников', 'Победителей', 'Призёров', 'Медальонов'],
  preparationTable: 'Таблица {n}. Подготовка участников по ежемесячным отчётам ОУ',
  preparationHeader: [
    'Месяц',
    'Отчётов',
    'Занятий по подготовке',
    'Обучающихся в подготовке',
    'Педагогов-наставников',
  ],
  preparationTotal:
    'За учебный год ОУ сообщили о {sessions} занятиях по подготовке; в подготовке в среднем за месяц было {pupils} обучающихся, с ними работали в среднем {mentors} педагогов-наставников.',
  difficulties: 'О трудностях в течение года сообщали ОУ по темам: {themes}.',
  difficultyTheme: '«{theme}» — {n} ОУ',
  difficultiesNone: 'О трудностях в подготовке в течение года ОУ не сообщали.',
  ratingTable: 'Таблица {n}. Рейтинг ОУ за учебный год (первые {top})',
  ratingAppendix: 'Рейтинг ОУ за учебный год',
  ratingRest: 'Полный рейтинг ({n} ОУ) приведён в приложении {appendix}.',
  ratingHeader: ['ОУ', 'Участников', 'Победителей', 'Призёров', 'Результативность, %'],
  disciplineTable: 'Таблица {n}. Ежемесячные отчёты и приказы по месяцам',
  disciplineHeader: [
    'Месяц',
    'Отчётов получено',
    'Из них в срок',
    'Доля ОУ, %',
    'Приказов получено',
  ],
  missingTable: 'Таблица {n}. ОУ, не представившие ежемесячные отчёты (месяцев без отчёта)',
  missingHeader: ['ОУ', 'Месяцев без отчёта'],
  missingRest: 'Полный перечень ({n} ОУ) приведён в приложении {appendix}.',
  missingAppendix: 'ОУ, не представившие ежемесячные отчёты',
  disciplineAllReported: 'Все ОУ представляли ежемесячные отчёты в течение года.',
  withoutOrdersOne: 'На конец учебного года без приказа о направлении остаётся {n} {participants}.',
  withoutOrdersMany:
    'На конец учебного года без приказа о направлении остаются {n} {participants}.',
  participantsWord: ['участник', 'участника', 'участников'] as const,
  comparisonTable: 'Таблица {n}. Показатели {previous} и {current}',
  comparisonHeader: ['Показатель', '{previous}', '{current}', 'Изменение'],
  comparisonNone:
    'Архива прошлого учебного года в сервисе нет: сравнение станет возможным по итогам следующего года.',
  indicators: {
    participants: 'Участников',
    schoolsParticipating: 'ОУ-участников',
    coveragePercent: 'Охват, %',
    winners: 'Победителей',
    prizeWinners: 'Призёров',
    effectivenessPercent: 'Результативность, %',
  } as Record<string, string>,
  conclusions: {
    participationOne:
      'За {schoolYear} в чемпионатах принял участие {n} {pupils} из {schools} ОУ района; охват составил {coverage}.',
    participationMany:
      'За {schoolYear} в чемпионатах приняли участие {n} {pupils} из {schools} ОУ района; охват составил {coverage}.',
    medals:
      'Победители и призёры получили {medals} {medalWord}; результативность — {effectiveness}.',
    medalWord: ['медаль', 'медали', 'медалей'] as const,
    growth: 'По сравнению с прошлым учебным годом число участников {trend}.',
    grew: 'выросло на {n}',
    fell: 'снизилось на {n}',
    same: 'не изменилось',
    discipline: 'Ежемесячные отчёты в среднем представляли {percent} ОУ.',
    coverageLow: 'Охват ОУ района остаётся ниже половины ({coverage}).',
  },
  recommendations: {
    plan: 'Включить в план работы на {next} мероприятия по подготовке участников с учётом итогов {schoolYear}.',
    coverage:
      'Активизировать работу с ОУ, не принявшими участие в чемпионатах, — обеспечить их информирование и методическое сопровождение.',
    discipline: 'Обеспечить своевременное представление ежемесячных отчётов и приказов всеми ОУ.',
    difficulties:
      'Рассмотреть возможность адресной методической помощи по темам трудностей, названным ОУ: {themes}.',
    archive: 'Использовать архив «{archive}» для оценки динамики в {next} учебном году.',
  },
};

export const YEAR_CLOSE_RU = {
  job: 'closeSchoolYear',
  noteJob: 'Годовая справка',
  badYear: (typed: string) => `Учебный год «${typed}» не распознан. Укажите его так: «2021/2022».`,
  tooEarly: (schoolYear: string, from: string) =>
    `Закрыть ${schoolYear} учебный год можно с ${from}: до этого идут мероприятия и отчёты года.`,
  notesMissing: (months: string) =>
    `Сначала нужны справки за все месяцы учебного года. Нет справок: ${months}. Сформируйте их (меню «Сформировать справку…») и повторите.`,
  alreadyClosed: (schoolYear: string) =>
    `${schoolYear} учебный год уже закрыт: имена удалены, архив и годовая справка сохранены. Повторный запуск ничего не изменил.`,
  lateRemoved: (schoolYear: string) =>
    `${schoolYear} учебный год уже закрыт; имена в ответах за этот год, пришедших после закрытия, заменены ID.`,
  closedYearNote: (month: string, schoolYear: string) =>
    `Справка ${month} не формируется: ${schoolYear} учебный год закрыт, его показатели — в архиве и годовой справке.`,
  closedYearSkipped: (month: string) =>
    `${month}: учебный год закрыт, справка, сводка и напоминания не нужны.`,
  preview: {
    heading: (schoolYear: string) => `Закрытие ${schoolYear} учебного года — что будет сделано`,
    archive: (title: string, participants: number, medals: number, months: number) =>
      `Архив «${title}» в папке справок года: показатели ${months} мес. и года, рейтинг ОУ, мероприятия с результатами, подготовка; участников — ${participants}, победителей и призёров — ${medals}; без имён, только псевдонимные ID.`,
    note: (title: string) => `Годовая справка «${title}» в той же папке, что и справки за месяцы.`,
    registrations: (form: string, names: number, responses: number) =>
      `Лист ответов «${form}»: в ${responses} ${plural(responses, IN_RESPONSES)} года ${names} ${plural(names, NAMES)} детей заменяются ID участника; класс остаётся.`,
    lines: (form: string, lines: number, responses: number) =>
      `Лист ответов «${form}»: в ${responses} ${plural(responses, IN_RESPONSES)} года ${lines} ${plural(lines, LINES)} с именами детей заменяются ID участника (или постоянным ID для имени, не найденного среди зарегистрированных).`,
    freeText: (form: string, cells: number, responses: number) =>
      `Лист ответов «${form}»: в ${responses} ${plural(responses, IN_RESPONSES)} года имена детей в тексте заменяются ID в ${cells} ${plural(cells, CELLS_ACC)}; контактные лица остаются.`,
    form: (form: string, responses: number) =>
      `Форма «${form}»: удаляются ${responses} ${plural(responses, RESPONSES)} закрываемого года из хранилища ответов формы.`,
    tab: (tab: string, cells: number) =>
      `Вкладка «${tab}»: имена детей заменяются ID в ${cells} ${plural(cells, CELLS_ACC)}.`,
    derived:
      'Производные вкладки («Участники», «Приказы», «Отчёты ОУ», «Результаты», «Требует проверки») и «Статистика» начинают новый учебный год пустыми; строки закрытого года остаются только в архиве.',
    kept: 'Остаются: ФИО и адреса наставников и контактных лиц, справочники, «Настройки», «План работы», регистрации на мероприятия следующего учебного года (с именами), справки за месяцы.',
    cannot:
      'Скрипт не может удалить: историю версий таблицы (Google не даёт удалять версии Таблиц — при необходимости владелец делает копию таблицы без истории и удаляет прежнюю), отправленные письма, грамоты, сертификаты и другие документы с именами детей, сканы приказов в «Банке приказов» (официальные документы ОУ).',
    confirm: 'Чтобы выполнить, подтвердите закрытие учебного года.',
    resume: (steps: string) => `Закрытие уже начато; осталось: ${steps}.`,
  },
  steps: {
    archive: 'архив',
    note: 'годовая справка',
    sweep: 'имена во вкладках таблицы',
    names: 'имена в листах ответов',
    responses: 'ответы в формах',
    derived: 'чистый старт нового года',
  } as Record<string, string>,
  stepDone: (step: string, details: string) => `Закрытие года — ${step}: ${details}`,
  archiveDone: (title: string) => `архив «${title}» создан и проверен`,
  archiveMismatch: (what: string) =>
    `архив не совпал с расчётом (${what}); имена не удалялись, запустите закрытие ещё раз`,
  noteDone: (title: string) => `справка «${title}» сформирована`,
  sweepDone: (cells: number) => `заменено ${cells} ${plural(cells, CELLS)}`,
  namesDone: (form: string, cells: number) =>
    `«${form}»: заменено ${cells} ${plural(cells, CELLS)}`,
  responsesDone: (form: string, n: number) =>
    `«${form}»: удалено ${n} ${plural(n, RESPONSES)} из формы`,
  derivedDone: 'производные вкладки пересобраны без закрытого года, списки форм обновлены',
  outOfTime: (steps: string) =>
    `Не хватило времени запуска; продолжение — при следующем вызове или ежедневном запуске. Осталось: ${steps}.`,
  done: (schoolYear: string) =>
    `${schoolYear} учебный год закрыт: архив и годовая справка сохранены, имена детей удалены из таблицы и форм.`,
  failed: (step: string) =>
    `Закрытие года остановилось на шаге «${step}»; уже сделанное сохранено, следующий запуск продолжит.`,
  menu: 'Закрыть учебный год…',
  sidebar: {
    title: 'Закрытие учебного года',
    year: 'Учебный год',
    preview: 'Показать, что будет сделано',
    confirm: 'Закрыть учебный год',
    understood:
      'Я понимаю: имена детей закрываемого года будут удалены из таблицы и форм без возможности восстановления.',
    closed: (schoolYear: string) =>
      `${schoolYear} учебный год закрыт: архив и годовая справка — в папке справок года.`,
  },
};
