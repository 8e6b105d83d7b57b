/**
 * Russian phrases of the monthly letter to an ОУ (domain/schoolLetter.ts) and of the letter about
 * its certificates. Placeholders in braces are filled by fillPhrase; word triples are plural forms
 * [one, few, many] for text/plural.ts. Whole sentences: code never edits a phrase.
 */
import type { EventFormat, EventLevel, SchoolType } from '../../domain/model';
import type { ReportFigure } from '../../domain/preparation';
import { plural } from '../../domain/text/plural';
import { formatNumber } from '../../domain/text/numbers';

const LETTERS = ['письмо', 'письма', 'писем'] as const;

export const LETTERS_RU = {
  subject: 'Участие {school} в чемпионатах: {month}',
  copySubject: '{subject} (копия для опорного центра)',
  greeting: 'Уважаемые коллеги!',
  intro:
    'Опорный центр направляет сведения {forMonth} об участии {school} в чемпионатах профессионального мастерства. Участники и результаты учтены по дате начала мероприятия, как в аналитической справке района.',

  headings: {
    results: 'Участие и результаты',
    preparation: 'Подготовка участников',
    missing: 'Сведения, которые необходимо представить',
    upcoming: 'Ближайшие мероприятия',
    invitation: 'Приглашаем принять участие',
  },

  tookOne: 'В {inMonth} в чемпионатах принял участие {n} {pupils} {school}: {medals}.',
  tookMany: 'В {inMonth} в чемпионатах приняли участие {n} {pupils} {school}: {medals}.',
  pupils: ['обучающийся', 'обучающихся', 'обучающихся'] as const,
  winners: ['победитель', 'победителя', 'победителей'] as const,
  prizeWinners: ['призёр', 'призёра', 'призёров'] as const,
  medallions: ['медальон', 'медальона', 'медальонов'] as const,
  medalCount: '{n} {word}',
  medallionCount: '{n} {word} «За профессионализм»',
  noMedals: 'победителей и призёров нет',
  resultsPending: 'результаты мероприятий ещё не поступили',
  effectiveness: 'результативность — {percent}',
  medalsAndEffectiveness: '{medals}, {effectiveness}',
  place: 'Место в рейтинге образовательных учреждений района — {place} из {total}.',
  districtOne:
    'По району в чемпионатах принял участие {n} {pupils} из {schools} {schoolsWord}; в среднем на одно участвовавшее учреждение — {average}; результативность по району — {percent}.',
  districtMany:
    'По району в чемпионатах приняли участие {n} {pupils} из {schools} {schoolsWord}; в среднем на одно участвовавшее учреждение — {average}; результативность по району — {percent}.',
  fromSchools: [
    'образовательного учреждения',
    'образовательных учреждений',
    'образовательных учреждений',
  ] as const,
  districtNone: 'По району участие в чемпионатах в {inMonth} не зафиксировано.',
  notTaken: 'В {inMonth} обучающиеся {school} в чемпионатах не участвовали.',
  invitationIntro:
    'Приглашаем обучающихся и педагогов {school} принять участие в ближайших мероприятиях. Для регистрации заполните форму по ссылке: в ней уже указано ваше учреждение и мероприятие.',
  noUpcoming:
    'Ближайшие мероприятия в перечне опорного центра пока не запланированы; о новых мероприятиях сообщим дополнительно.',
  upcomingIntro:
    'Регистрация открыта на следующие мероприятия (ссылка ведёт на форму регистрации с указанным учреждением и мероприятием):',
  eventLine: '«{name}» ({dates}; {level}, {format}); {registration}',
  eventLineUndated: '«{name}» ({level}, {format}); {registration}',
  registrationUntil: 'регистрация до {deadline}',
  registrationOpen: 'регистрация открыта',
  levels: {
    ОУ: 'уровень образовательного учреждения',
    районный: 'районный уровень',
    'городской/региональный': 'городской (региональный) уровень',
    национальный: 'национальный уровень',
  } as Record<EventLevel, string>,
  formats: {
    очный: 'очно',
    дистанционный: 'дистанционно',
    'очно-дистанционный': 'очно-дистанционно',
  } as Record<EventFormat, string>,

  preparationIntro:
    'По ежемесячному отчёту {forMonth} (в скобках — медиана по {peers} {peersWord} района):',
  preparationIntroNoMedian:
    'По ежемесячному отчёту {forMonth} (медиана не приводится: отчитались менее трёх учреждений того же типа):',
  peers: {
    ДОУ: [
      'отчитавшемуся детскому саду',
      'отчитавшимся детским садам',
      'отчитавшимся детским садам',
    ],
    школа: ['отчитавшейся школе', 'отчитавшимся школам', 'отчитавшимся школам'],
    ДО: [
      'отчитавшемуся учреждению дополнительного образования',
      'отчитавшимся учреждениям дополнительного образования',
      'отчитавшимся учреждениям дополнительного образования',
    ],
  } as Record<SchoolType, readonly [string, string, string]>,
  figures: {
    sessions: 'проведено занятий по подготовке',
    pupilsInTraining: 'обучающихся в подготовке',
    mentors: 'педагогов-наставников',
  } as Record<ReportFigure, string>,
  figureLine: '{figure}: {value} ({median})',
  figureLineNoMedian: '{figure}: {value}',
  figureNotCounted: 'не учтено',
  preparationNone:
    'Ежемесячный отчёт {forMonth} пока не получен, поэтому сведения о подготовке не приводятся.',

  reportMissing: 'ежемесячный отчёт {forMonth} не представлен (срок — до {deadline} включительно)',
  reportExpected: 'ежемесячный отчёт {forMonth} ожидается до {deadline} включительно',
  ordersMissingOne:
    'приказы о направлении участников: без приказа {n} {participants} мероприятия {events}',
  ordersMissingMany:
    'приказы о направлении участников: без приказа {n} {participants} мероприятий {events}',
  participants: ['участник', 'участника', 'участников'] as const,
  eventName: '«{name}»',
  listAnd: ' и ',
  listComma: ', ',
  formLink: 'форма',
  nothingMissing: 'Все сведения {forMonth} представлены. Благодарим за своевременную работу.',
  ordersNote:
    'Приказы представляются на участников мероприятий, которые уже прошли или начнутся в ближайшие 14 дней.',

  asOf: 'Сведения сформированы по данным мониторинга на {date}.',
  asOfMissing:
    'Сведения сформированы по данным мониторинга на {date}. Если недостающие сведения уже направлены, просим не учитывать напоминание о них.',
  contact: 'По вопросам участия обращайтесь в опорный центр: {contact}.',
  closing: 'С уважением,',

  /** The letter an ОУ gets when its certificates of an event are made (setting «Отправлять грамоты в ОУ»). */
  certificates: {
    subject: 'Документы участников мероприятия «{event}» для {school}',
    intro:
      'Для {school} подготовлены документы участников мероприятия «{event}» ({dates}): {kinds}.',
    introUndated: 'Для {school} подготовлены документы участников мероприятия «{event}»: {kinds}.',
    kinds: {
      winner: 'дипломы победителей',
      prize: 'дипломы призёров',
      participant: 'сертификаты участников',
      mentor: 'благодарственные письма наставникам',
    } as Record<'winner' | 'prize' | 'participant' | 'mentor', string>,
    folder: 'Документы (Google Документы и PDF для печати) находятся в папке:',
    access:
      'Папка открыта для просмотра адресам учреждения, указанным в реестре опорного центра; для входа используйте аккаунт Google с этим адресом.',
    changes:
      'Если в документе обнаружена ошибка, сообщите в опорный центр: исправленный документ появится в той же папке.',
  },
};

/** Russian strings of the jobs that queue the letters (journal, sidebar, «Требует проверки»). */
export const LETTERS_JOB_RU = {
  job: 'Письма ОУ',
  off: (monthText: string) =>
    `Письма ОУ ${monthText} не отправлялись: они выключены в «Настройках».`,
  waitsForNote:
    'Письма ОУ ждут справку за этот месяц; будут поставлены в очередь при следующем запуске.',
  queued: (monthText: string, n: number, without: string) =>
    `Письма ОУ ${monthText}: в очередь почты поставлено ${formatNumber(n)} ${plural(n, LETTERS)}${without}.`,
  withoutEmail: (n: string) => `; без адреса в реестре — ${n} (см. «Требует проверки»)`,
  status: (monthText: string, sent: string, total: string, when: string, queued: string) =>
    `Письма ОУ ${monthText}: отправлено ${sent} из ${total}${when}${queued}.`,
  statusWhen: (from: string, to: string) => (from === to ? ` (${from})` : ` (${from}–${to})`),
  statusQueued: (n: string) => `, в очереди ${n}`,
  statusNone: 'Письма ОУ ещё не отправлялись.',
  certificatesQueued: (event: string, n: number) =>
    `Письма ОУ о грамотах мероприятия «${event}»: в очередь почты поставлено ${formatNumber(n)} ${plural(n, LETTERS)}; они уйдут с ближайшим ежедневным запуском.`,
  shareFailed: (school: string, address: string, error: string) =>
    `Папку грамот ${school} не удалось открыть адресу ${address}: ${error}. Письмо отправляется; откройте папку вручную.`,
};
