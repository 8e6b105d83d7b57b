/**
 * Fixed Russian phrases of the monthly analytic note and the plan execution analysis.
 * Placeholders in braces ({period}, {n}) are filled by src/domain/note.ts and plan.ts; word
 * triples are plural forms [one, few, many] for text/plural.ts.
 */
export const NOTE_RU = {
  title:
    'Аналитическая справка о результатах мониторинга участия образовательных учреждений {district} района в чемпионатах профессионального мастерства {forMonth}',
  /** The title of a note for the month still under way (made only on demand, never mailed). */
  titlePreliminary:
    'Аналитическая справка о результатах мониторинга участия образовательных учреждений {district} района в чемпионатах профессионального мастерства {forMonth} (предварительные данные)',
  preliminaryPeriod:
    'Месяц ещё не закончился: данные предварительные, по состоянию на {date}. Итоговая справка за месяц формируется после его окончания.',
  subtitle: '{centre}, {schoolYear}',
  headings: {
    basis: 'Основание',
    goal: 'Цель',
    period: 'Отчётный период',
    sources: 'Источники данных',
    coverage: 'Охват образовательных учреждений',
    competencies: 'Участники по компетенциям и возрастным категориям',
    preparation: 'Подготовка участников',
    results: 'Результаты участия',
    analysis: 'Анализ результатов',
    dynamics: 'Динамика',
    rating: 'Рейтинг ОУ',
    notParticipating: 'ОУ, не принявшие участие',
    discipline: 'Исполнительская дисциплина',
  },
  basisDefault:
    'План работы опорного центра («{centre}») на {schoolYear}, раздел «Мониторинг и анализ деятельности образовательных учреждений и опорного центра» (мониторинг результатов участия ОУ в чемпионатах, аналитическая справка).',
  goal: 'Анализ участия обучающихся образовательных учреждений района в чемпионатах профессионального мастерства (KidSkills, JuniorSkills, «Профессионалы» и др.), выявление достижений и проблем для организации методического сопровождения.',
  period: '{range} ({schoolYear}).',
  sources: {
    intro:
      'Сведения получены из электронного сервиса мониторинга. Участники и результаты относятся к месяцу начала мероприятия (вкладка «Мероприятия»), а не к дате регистрации или ввода результатов.',
    events: 'перечень мероприятий с датами проведения (вкладка «Мероприятия»);',
    registrations:
      'регистрация участников (форма «Регистрация участников»): участники мероприятий отчётного периода — {participants}, заявки, поданные в отчётном периоде, — {registrations};',
    reports: 'ежемесячные отчёты ОУ — получено {received} из {expected};',
    orders: 'приказы ОУ о направлении участников на мероприятия — получено за период: {orders};',
    results:
      'протоколы и сведения о результатах участия (форма «Результаты участия»), включая поступившие после окончания месяца.',
    undatedOne:
      'У мероприятия {events} не указана дата начала, поэтому его участники учтены по дате регистрации.',
    undatedMany:
      'У мероприятий {events} не указаны даты начала, поэтому их участники учтены по дате регистрации.',
    undatedItem: '«{event}» ({n} {participants})',
  },
  participationOne: 'В отчётном периоде в чемпионатах принял участие {n} {pupils} из {schools}.',
  participationMany: 'В отчётном периоде в чемпионатах приняли участие {n} {pupils} из {schools}.',
  participationConclusionOne:
    'В чемпионатах отчётного периода принял участие {n} {pupils} из {schools}.',
  participationConclusionMany:
    'В чемпионатах отчётного периода приняли участие {n} {pupils} из {schools}.',
  pupils: ['обучающийся', 'обучающихся', 'обучающихся'] as const,
  fromSchoolsOne: 'образовательного учреждения',
  fromSchoolsMany: 'образовательных учреждений',
  coverage: 'Охват составил {percent} ({taking} из {total} ОУ района).',
  pipeline: 'В отчётном периоде подано заявок на {n} {participants} ({events}).',
  pipelineEvents: 'на мероприятия {months}',
  pipelineAndUndated: '{dated}, а также на мероприятия без указанной даты',
  pipelineUndatedOnly: 'на мероприятия без указанной даты',
  noParticipation:
    'В отчётном периоде участие обучающихся образовательных учреждений района в чемпионатах не зафиксировано.',
  noData: 'Данные за отчётный период отсутствуют.',
  tableByType: 'Таблица {n}. Участие ОУ по типам',
  headerByType: ['Тип ОУ', 'Всего', 'Участвуют', 'Доля, %'],
  total: 'Итого',
  tableCompetencyAge: 'Таблица {n}. Участники по компетенциям и возрастным категориям',
  headerCompetency: 'Компетенция',
  headerTotal: 'Всего',
  tableLevels: 'Таблица {n}. Участники по уровням мероприятий',
  headerLevels: ['Уровень мероприятия', 'Участников', 'Доля, %'],
  chartCompetencies: 'Рисунок {n}. Участники по компетенциям',
  chartSeries:
    'Рисунок {n}. Участники по месяцам проведения мероприятий {schoolYear} учебного года',
  seriesParticipants: 'Участники',
  seriesWinners: 'Победители и призёры',
  participants: ['участник', 'участника', 'участников'] as const,
  /**
   * After «на» (accusative, animate; pluralAnimateAccusative): «на 1 участника», «на 3 участников»,
   * «на 5 участников», «на 73 участника».
   */
  participantsAccusative: ['участника', 'участников'] as const,
  winnersNone: 'Победителей (1 место) в отчётном периоде нет',
  winnersOne: 'Победителем (1 место) стал {n} {participants}',
  winnersMany: 'Победителями (1 место) стали {n} {participants}',
  prizeNone: 'призёров (2–3 место) нет',
  prizeOne: 'призёром (2–3 место) стал {n} {participants}',
  prizeMany: 'призёрами (2–3 место) стали {n} {participants}',
  confirmed: 'Из них подтверждено сотрудниками центра {n}.',
  confirmedNone: 'Сотрудники центра эти результаты ещё не подтвердили.',
  confirmedAll: 'Все эти результаты подтверждены сотрудниками центра.',
  medallionsOne: 'Медальон за профессионализм получил {n} {participants}.',
  medallionsMany: 'Медальоны за профессионализм получили {n} {participants}.',
  effectiveness:
    'Результативность участия (доля победителей и призёров среди участников мероприятий, результаты которых поступили) составила {percent}.',
  awaitingOne:
    'Результаты мероприятия {events} ожидаются; его участники не учитываются при расчёте результативности.',
  awaitingMany:
    'Результаты мероприятий {events} ожидаются; их участники не учитываются при расчёте результативности.',
  awaitingItem: '«{event}» (начало {start})',
  awaitingItemUndated: '«{event}»',
  noResultsYet:
    'Результаты мероприятий отчётного периода ещё не поступили, результативность будет рассчитана после их поступления.',
  lateResultsIntro:
    'В отчётном периоде поступили результаты мероприятий прошлых месяцев; показатели этих месяцев и с начала учебного года уточнены:',
  lateResultsItem: '«{event}» ({month}): {outcome}',
  lateOutcomeNone: 'без призовых мест (участников: {n})',
  winnersCount: ['победитель', 'победителя', 'победителей'] as const,
  prizeCount: ['призёр', 'призёра', 'призёров'] as const,
  medallionsCount: [
    'медальон за профессионализм',
    'медальона за профессионализм',
    'медальонов за профессионализм',
  ] as const,
  winnersTable: 'Таблица {n}. Победители и призёры',
  winnersHeader: ['Участник', 'ОУ', 'Компетенция', 'Результат'],
  winnersNotNamed:
    'Поимённые списки победителей и призёров в справке не приводятся: согласие на распространение персональных данных не подтверждено настройками.',
  dynamicsMonth: 'По сравнению с предыдущим месяцем {trend}.',
  dynamicsMonthConclusion: 'По сравнению с предыдущим месяцем {trend}.',
  dynamicsYear:
    'С начала учебного года ({range}) {trend} по сравнению с аналогичным периодом прошлого учебного года.',
  dynamicsYearNoBase:
    'С начала учебного года ({range}) число участников чемпионатов — {n}; данные за аналогичный период прошлого учебного года отсутствуют.',
  trendUp: 'наблюдается положительная динамика ({details})',
  trendDown: 'наблюдается отрицательная динамика ({details})',
  trendFlat: 'количество участников не изменилось ({n})',
  tableMonthDynamics: 'Таблица {n}. Динамика к предыдущему месяцу ({previous} — {current})',
  tableYearDynamics:
    'Таблица {n}. Динамика с начала учебного года к аналогичному периоду прошлого учебного года',
  headerDynamics: ['Показатель', 'Прошлый период', 'Отчётный', 'Изменение'],
  indicators: {
    participants: 'Участники, чел.',
    schoolsParticipating: 'ОУ-участники',
    coveragePercent: 'Охват ОУ, %',
    winners: 'Победители',
    prizeWinners: 'Призёры',
    effectivenessPercent: 'Результативность, %',
  },
  percentPoints: 'п. п.',
  ratingTable: 'Таблица {n}. Рейтинг ОУ по участию и результатам',
  ratingTableTop: 'Таблица {n}. Рейтинг ОУ по участию и результатам (первые {top})',
  ratingHeader: ['ОУ', 'Участников', 'Победителей', 'Призёров', 'Результативность, %'],
  ratingRest: 'Рейтинг остальных ОУ ({rest}) приведён в приложении {appendix}.',
  ratingAppendix: 'Рейтинг ОУ по участию и результатам {forMonth}',
  notParticipatingIntro: 'Участие в отчётном периоде не зафиксировано у {n} ОУ из {total}:',
  notParticipatingAppendixLine:
    'Участие в отчётном периоде не зафиксировано у {n} ОУ из {total}; перечень приведён в приложении {appendix}.',
  notParticipatingAppendix: 'ОУ, не принявшие участие в чемпионатах {forMonth}',
  schoolHeader: ['ОУ', 'Тип ОУ'],
  allParticipating: 'В отчётном периоде участие приняли все ОУ района.',
  reportsLine:
    'Получено ежемесячных отчётов: {received} из {expected} ({percent}), в том числе не в срок — {late}.',
  missingReportsIntro: 'Не представлены отчёты ({n}):',
  missingReportsAppendixLine:
    'Не представили отчёт {n} ОУ; перечень приведён в приложении {appendix}.',
  missingReportsAppendix: 'ОУ, не представившие ежемесячный отчёт {forMonth}',
  lateReportsIntro: 'Представлены не в срок ({n}):',
  lateReportItem: '{school} — {date}',
  ordersLine:
    'На конец отчётного периода приказы о направлении не представлены на {n} {participants} из {schools} ОУ (учитываются участники мероприятий, которые уже прошли или начинаются в течение 14 дней).',
  ordersTable: 'Таблица {n}. ОУ, не представившие приказы о направлении участников',
  ordersTableTop:
    'Таблица {n}. ОУ, не представившие приказы о направлении участников (первые {top})',
  ordersHeader: ['ОУ', 'Участников без приказа'],
  ordersRest: 'Остальные ОУ ({rest}) приведены в приложении {appendix}.',
  ordersAppendix: 'ОУ, не представившие приказы о направлении участников {forMonth}',
  ordersAllPresent:
    'Приказы о направлении представлены на всех участников мероприятий, которые уже прошли или начинаются в течение 14 дней.',
  schoolWithCount: '{school} — {n}',
  appendixLabel: 'Приложение {n}',
  conclusionCoverageLow:
    'Охват ОУ остаётся недостаточным: в чемпионатах участвует менее половины ОУ района.',
  conclusionLowestType:
    'Наименьшая доля участвующих ОУ — среди учреждений типа «{type}» ({percent}).',
  conclusionResults:
    'Результативность участия составила {percent}: победителей — {winners}, призёров — {prize}.',
  conclusionResultsAwaited:
    'Результаты мероприятий отчётного периода ожидаются; результативность будет рассчитана после их поступления.',
  conclusionEffectivenessDown:
    'Результативность снизилась по сравнению с предыдущим месяцем ({change} {pp}).',
  conclusionLateResults:
    'Поступили результаты мероприятий прошлых месяцев; показатели этих месяцев и с начала учебного года уточнены.',
  conclusionDiscipline:
    'Не представили ежемесячные отчёты {missing} ОУ, представили не в срок — {late}.',
  conclusionOrders: 'Приказы о направлении отсутствуют на {n} {participants}.',
  conclusionUndated:
    'Для части мероприятий не указаны даты проведения; до их заполнения участники этих мероприятий учитываются по дате регистрации.',
  recommendCoverage:
    'Активизировать работу с ОУ, не принявшими участие в чемпионатах: провести информирование и консультации о порядке регистрации и подготовки участников.',
  recommendEmpty:
    'Активизировать информирование ОУ о предстоящих чемпионатах и порядке регистрации участников.',
  recommendReports:
    'Обеспечить своевременное представление ежемесячных отчётов ОУ в установленный срок.',
  recommendOrders:
    'Обеспечить представление приказов о направлении участников на мероприятия до начала мероприятий.',
  recommendEffectiveness:
    'Рассмотреть возможность проведения дополнительных консультаций и тренировок для наставников команд с целью повышения результативности участия.',
  recommendDecline:
    'Проанализировать причины снижения числа участников и рассмотреть возможность адресной методической помощи ОУ.',
  recommendUndated:
    'Уточнить даты проведения мероприятий в перечне мероприятий опорного центра, чтобы участники учитывались в месяце проведения.',
  recommendContinue: 'Продолжить ежемесячный мониторинг участия ОУ в чемпионатах.',
  schoolTypes: { ДОУ: 'ДОУ', школа: 'Школы', ДО: 'Учреждения ДО' } as Record<string, string>,
  /** «учреждений типа «ДОУ»» in conclusions. */
  schoolTypeNames: { ДОУ: 'ДОУ', школа: 'школа', ДО: 'ДО' } as Record<string, string>,
  listAnd: ' и ',
  listComma: ', ',
  moreSchools: '{list} и ещё {n} ОУ',
} as const;

/** Phrases of the plan execution analysis («Анализ выполнения плана работы»). */
export const PLAN_RU = {
  title: 'Анализ выполнения плана работы {centre} на {period}',
  subtitle: 'По состоянию на {date}',
  sectionHeading: '{n}. {section}',
  headerItems: ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Отметка о выполнении'],
  sectionTable: 'Таблица {n}. {section}',
  /** The paragraph of a section: marks, items named, results and comments quoted. */
  sectionMarks: 'Выполнено {done} из {total} {items}{rest}.',
  sectionAllDone: 'Все {total} {items} раздела выполнены.',
  sectionOneDone: 'Мероприятие раздела выполнено.',
  clausePartial: ', выполнено частично — {n}',
  clauseNotDone: ', не выполнено — {n}',
  clauseOverdue: ', просрочено — {n}',
  clauseInProgress: ', срок ещё не истёк — {n}',
  clauseNoMark: ', без отметки — {n}',
  sectionOverdue: 'Срок истёк, отметки о выполнении нет: {items}.',
  sectionNotDoneOne: 'Не выполнено: {items}.',
  sectionNotDoneMany: 'Не выполнены: {items}.',
  sectionPartial: 'Выполнено частично: {items}.',
  namedItem: '{number} {title}',
  namedItemDeadline: '{number} {title} (срок — {deadline})',
  sectionResults: 'Достигнутые результаты: {items}.',
  sectionComments: 'Комментарии: {items}.',
  quotedItem: '{number} — {text}',
  sectionNoComments: 'Комментарии к мероприятиям раздела не внесены.',
  listSeparator: '; ',
  totalsHeading: 'Итоги выполнения',
  totalsTable: 'Таблица {n}. Выполнение плана по отметкам',
  totalsHeader: ['Отметка', 'Мероприятий', 'Доля, %'],
  chartTotals: 'Рисунок {n}. Выполнение плана',
  chartSections: 'Рисунок {n}. Выполнение плана по разделам',
  chartSection: 'Раздел {n}',
  overdueHeading: 'Просроченные мероприятия',
  overdueIntro: 'Срок выполнения истёк, отметка о выполнении отсутствует ({n}):',
  overdueNone: 'Просроченных мероприятий нет.',
  items: ['мероприятие', 'мероприятия', 'мероприятий'] as const,
  itemsGenitive: ['мероприятия', 'мероприятий', 'мероприятий'] as const,
  status: {
    done: 'Выполнено',
    partial: 'Выполнено частично',
    notDone: 'Не выполнено',
    overdue: 'Просрочено',
    inProgress: 'Срок не истёк',
    noMark: 'Без отметки',
  },
  total: 'Итого',
  conclusionTotal:
    'Всего в плане {n} {items}; выполнено {done} ({donePercent}), выполнено частично — {partial}, не выполнено — {notDone}.',
  conclusionOverdue: 'Просрочено {n} {items}: срок истёк, отметка о выполнении отсутствует.',
  conclusionAllDone: 'Все мероприятия плана выполнены в полном объёме.',
  conclusionUnparsed: 'Срок не удалось определить для {n} {items} — уточните сроки в плане.',
  recommendNotDone:
    'Перенести невыполненные и частично выполненные мероприятия в план на следующий период с уточнёнными сроками.',
  recommendOverdue: 'Проставить отметки о выполнении по просроченным мероприятиям.',
  recommendCommentsOne:
    'Внести комментарии к мероприятиям раздела {sections} (столбец «Комментарий» вкладки «План работы»): что сделано, кем, что вызвало затруднения, что решено.',
  recommendCommentsMany:
    'Внести комментарии к мероприятиям разделов {sections} (столбец «Комментарий» вкладки «План работы»): что сделано, кем, что вызвало затруднения, что решено.',
  recommendContinue: 'Продолжить работу в соответствии с планом.',
  noSection: 'Мероприятия',
} as const;

/** Fills {placeholders} of a dictionary phrase. */
export function fillPhrase(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
