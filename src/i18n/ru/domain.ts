/**
 * Russian strings of the domain core: intake messages, the quality queue, tab header checks.
 * Field-level messages are fragments that `fieldMessage` prefixes with «Поле «…»: », so they
 * start lowercase and end with what the person should do.
 */

import { echo } from './echo';

const q = (text: string): string => `«${text}»`;

export const DOMAIN_RU = {
  /** «Поле «Дата приказа»: …» — the one way a field problem is worded. */
  fieldMessage: (field: string, problem: string): string => `Поле ${q(field)}: ${problem}`,

  /** «для детского сада»: after a figure judged for an ОУ of this type. */
  schoolTypeFor: {
    ДОУ: 'для детского сада',
    школа: 'для школы',
    ДО: 'для учреждения дополнительного образования',
  } as Record<string, string>,

  schoolKey: {
    empty: 'название образовательного учреждения не указано. Выберите ОУ из списка.',
    unknownType: (typed: string) =>
      `не удалось понять, школа это, детский сад или учреждение дополнительного образования: ${echo(typed)}. Выберите ОУ из списка.`,
    noNumber: (typed: string) =>
      `в названии ${echo(typed)} не найден номер учреждения. Выберите ОУ из списка.`,
    noName: (typed: string) =>
      `в названии ${echo(typed)} нет ни номера, ни названия в кавычках. Выберите ОУ из списка.`,
  },

  dates: {
    empty: 'дата не указана. Укажите дату в виде ДД.ММ.ГГГГ.',
    unreadable: (typed: string) =>
      `не удалось распознать дату ${echo(typed)}. Укажите дату в виде ДД.ММ.ГГГГ, например 05.03.2022.`,
    noSuchDay: (typed: string) =>
      `даты ${echo(typed)} нет в календаре. Проверьте число и месяц и укажите дату в виде ДД.ММ.ГГГГ.`,
    badYear: (typed: string) =>
      `в дате ${echo(typed)} указан невозможный год. Укажите дату в виде ДД.ММ.ГГГГ.`,
    noYear: (typed: string) =>
      `в дате ${echo(typed)} не указан год. Укажите дату в виде ДД.ММ.ГГГГ.`,
    badPeriod: (typed: string) =>
      `не удалось распознать месяц ${echo(typed)}. Выберите месяц из списка, например «октябрь 2021».`,
  },

  intake: {
    required: 'ответ обязателен. Заполните поле.',
    schoolUnknown: (typed: string) =>
      `образовательное учреждение ${echo(typed)} не найдено в реестре. Выберите ОУ из списка; если его там нет, сообщите в опорный центр.`,
    schoolSuggestion: (names: string[]) =>
      names.length ? `Возможно, имелось в виду: ${names.map(q).join(', ')}.` : '',
    eventUnknown: (typed: string) =>
      `мероприятие ${echo(typed)} не найдено в перечне. Выберите мероприятие из списка.`,
    eventAmbiguous: (event: string) =>
      `на вкладке «Мероприятия» несколько строк с названием ${q(event)}, и по дате ответа не понять, к какой относится регистрация (у какой-то нет даты начала или даты совпадают). Заявка принята; опорный центр уточнит даты мероприятий.`,
    registrationClosed: (event: string, deadline: string) =>
      `регистрация на мероприятие ${q(event)} закрылась ${deadline}. Заявка принята, опорный центр проверит её вручную.`,
    competencyUnknown: (typed: string) =>
      `компетенция ${echo(typed)} не найдена в перечне. Выберите компетенцию из списка.`,
    competencyInactive: (name: string) =>
      `компетенция ${q(name)} в этом году не проводится. Выберите другую компетенцию из списка.`,
    competencyNotForCategory: (name: string, category: string, allowed: string[]) =>
      `компетенция ${q(name)} не проводится в возрастной категории ${q(category)}. ` +
      (allowed.length
        ? `Выберите одну из категорий: ${allowed.map(q).join(', ')}.`
        : 'Выберите другую компетенцию.'),
    categoryOtherProgramme: (
      category: string,
      programme: string,
      event: string,
      eventProgramme: string,
    ) =>
      `категория ${q(category)} относится к программе ${programme}, а мероприятие ${q(event)} — к программе ${eventProgramme}. Проверьте выбор категории.`,
    categoryUnknown: (typed: string) =>
      `возрастная категория ${echo(typed)} не найдена. Выберите категорию из списка.`,
    gradeOutsideCategory: (classOrGroup: string, category: string) =>
      `класс ${q(classOrGroup)} не подходит для возрастной категории ${q(category)}. Проверьте класс или категорию.`,
    noChildren: 'не указан ни один участник. Укажите фамилию и имя хотя бы одного участника.',
    nameMissing: (other: string) =>
      `не заполнено, хотя заполнено поле ${q(other)}. Укажите и фамилию, и имя участника.`,
    nameMixedScript: (typed: string) =>
      `в ${echo(typed)} в одном слове смешаны русские и латинские буквы. Проверьте написание и исправьте ответ.`,
    nameImplausible: (typed: string) =>
      `${echo(typed)} не похоже на фамилию или имя. Укажите только буквы, без цифр и сокращений.`,
    classImplausible: (typed: string) =>
      `класс ${echo(typed)} не распознан. Укажите номер класса от 1 до 11 и букву, например «5А».`,
    groupTooLong:
      'название группы слишком длинное. Укажите группу коротко, например «подготовительная».',
    mentorOneWord: (typed: string) =>
      `${echo(typed)} — это не полное ФИО. Укажите фамилию, имя и отчество наставника.`,
    emailInvalid: (typed: string) =>
      `адрес ${echo(typed)} не похож на адрес электронной почты. Укажите адрес в виде name@example.ru.`,
    consentMissing:
      'без согласия законных представителей регистрация невозможна. Получите согласие и отметьте этот пункт.',
    duplicateChild: (name: string) =>
      `участник ${echo(name)} указан дважды. Во второй строке укажите другого участника или оставьте её пустой.`,
    periodFuture: (label: string) =>
      `месяц ${q(label)} ещё не закончился или не наступил. Выберите прошедший месяц.`,
    periodOutsideYear: (label: string, year: string) =>
      `месяц ${q(label)} не относится к ${year} учебному году. Выберите месяц текущего учебного года.`,
    notInteger: (typed: string) =>
      `${echo(typed)} — не целое число. Укажите число цифрами, например 12.`,
    negative: (typed: string) => `число ${echo(typed)} меньше нуля. Укажите 0 или больше.`,
    tooLarge: (typed: string, max: number) =>
      `число ${echo(typed)} слишком большое (больше ${max}). Проверьте, нет ли лишней цифры.`,
    implausible: (typed: string, max: number, forSchool: string) =>
      `число ${echo(typed)} неправдоподобно ${forSchool} (больше ${max}). Проверьте, нет ли лишней цифры.`,
    figureLeftOut:
      'Отчёт принят, но это число не учтено в суммах справки. Уточните число у ОУ и попросите отправить исправленный отчёт.',
    linkLeftOut:
      'Отчёт принят, но ссылка не включена в справку. Попросите ОУ прислать полную ссылку на пост-релиз (https://…).',
    urlInvalid: (typed: string) =>
      `${echo(typed)} не похоже на ссылку. Укажите полную ссылку, начиная с https://.`,
    orderNumberInvalid: (typed: string) =>
      `номер приказа ${echo(typed)} не распознан. Укажите номер как в приказе, например «24-ОД».`,
    orderDateFuture: (typed: string) =>
      `дата ${echo(typed)} ещё не наступила. Укажите дату подписания приказа.`,
    orderDateOld: (typed: string) =>
      `дата ${echo(typed)} относится к прошлым учебным годам. Проверьте год.`,
    orderNoParticipants:
      'не указан ни один участник. Перечислите участников по одному в строке: «Фамилия Имя».',
    orderLineNotName: (line: string) =>
      `строка ${echo(line)} не распознана как «Фамилия Имя». Укажите фамилию и имя через пробел, по одному участнику в строке.`,
    orderNoFile:
      'файл приказа не приложен и ссылка на него не указана. Приложите скан приказа или укажите ссылку на него.',
    nameRemoved:
      'имя участника удалено при закрытии учебного года: регистрация не была принята и в архив не вошла.',
    participantNotName: (typed: string) =>
      `${echo(typed)} не похоже на «Фамилия Имя». Укажите фамилию и имя участника через пробел.`,
    resultUnknown: (typed: string) =>
      `результат ${echo(typed)} не распознан. Выберите результат из списка.`,
    scoreInvalid: (typed: string) =>
      `баллы ${echo(typed)} не распознаны. Укажите число от 0 до 100, например 87,5.`,
    scoreOutOfRange: (typed: string) =>
      `баллы ${echo(typed)} вне шкалы. Оценочная схема — от 0 до 100 баллов.`,
  },

  quality: {
    statusNew: 'Новая',
    fileNotUploaded:
      'ссылка в столбце «Файл приказа» ведёт на файл, который не был загружен через форму: строку, по-видимому, вписали в лист ответов вручную. Файл не перенесён в «Банк приказов».',
    fileNotUploadedSuggestion:
      'Проверьте эту строку листа ответов и удалите её, если ответ не от ОУ. Если приказ настоящий, попросите ОУ отправить его через форму «Приказы о направлении участников».',
    changedAfterConfirmation: (was: string, now: string) =>
      `результат изменён после подтверждения: было ${echo(was)}, стало ${echo(now)}`,
    changedAfterConfirmationSuggestion:
      'Проверьте новый результат по протоколу и снова отметьте «Подтверждено» во вкладке «Результаты».',
    senderField: 'Адрес отвечающего',
    senderNotListed: 'ответ с адреса, не указанного для ОУ',
    senderSuggestion: (address: string) =>
      `Проверьте, что ответ прислало это ОУ; если адрес ${echo(address)} верный, добавьте его в столбец «Email» вкладки «ОУ».`,
    statusFixed: 'Исправлено',
    statusIgnored: 'Не требует исправления',
    mergedRegistration: (count: number) =>
      `Повторная регистрация того же участника объединена (ответов: ${count}); действуют данные последнего ответа.`,
    personUnmatched: (name: string) =>
      `участник ${echo(name)} не найден среди зарегистрированных от этого ОУ.`,
    eventUndated: (name: string) =>
      `У мероприятия ${q(name)} не указана дата начала: его участников нельзя отнести к месяцу проведения, пока они учитываются по дате регистрации.`,
    eventUndatedSuggestion:
      'Укажите на вкладке «Мероприятия» дату начала (и окончания) мероприятия в виде ДД.ММ.ГГГГ; справки и «Статистика» пересчитаются при следующем обновлении.',
    personSuggestion: (names: string[]) =>
      names.length ? `Возможно: ${names.map(q).join(', ')}.` : 'Проверьте регистрацию участника.',
  },

  schema: {
    missingColumns: (tab: string, columns: string[]) =>
      `На листе ${q(tab)} нет ${columns.length === 1 ? 'столбца' : 'столбцов'} ${columns
        .map(q)
        .join(
          ', ',
        )}. Верните ${columns.length === 1 ? 'его' : 'их'} в строку заголовков или запустите «Настроить систему».`,
    missingTab: (tab: string) => `Нет вкладки ${q(tab)}: запустите «Настроить систему».`,
    yes: 'да',
    no: 'нет',
  },
};
