/**
 * Fixed Russian phrases of the monthly analytic note and the plan execution analysis.
 * Placeholders in braces ({period}, {n}) are filled by src/domain/note.ts and plan.ts; word
 * triples are plural forms [one, few, many] for text/plural.ts.
 */
export const NOTE_RU = {
  title:
    'Аналитическая справка о результатах мониторинга участия образовательных учреждений {district} района в чемпионатах профессионального мастерства {forMonth}',
  subtitle: '{centre}, {schoolYear}',
  headings: {
    basis: 'Основание',
    goal: 'Цель',
    period: 'Отчётный период',
    sources: 'Источники данных',
    coverage: 'Охват образовательных учреждений',
    competencies: 'Участники по компетенциям и возрастным категориям',
    results: 'Результаты участия',
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
    intro: 'Сведения получены из электронного сервиса мониторинга:',
    registrations: 'регистрация участников (форма «Регистрация участников») — {participants};',
    reports: 'ежемесячные отчёты ОУ — получено {received} из {expected};',
    orders: 'приказы ОУ о направлении участников на мероприятия — получено за период: {orders};',
    results: 'протоколы и сведения о результатах участия (форма «Результаты участия»).',
  },
  participationOne: 'В отчётном периоде в чемпионатах принял участие {n} {pupils} из {schools}.',
  participationMany: 'В отчётном периоде в чемпионатах приняли участие {n} {pupils} из {schools}.',
  pupils: ['обучающийся', 'обучающихся', 'обучающихся'] as const,
  fromSchoolsOne: 'образовательного учреждения',
  fromSchoolsMany: 'образовательных учреждений',
  coverage: 'Охват составил {percent} ({taking} из {total} ОУ района).',
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
  chartSeries: 'Рисунок {n}. Участники по месяцам {schoolYear}',
  seriesParticipants: 'Участники',
  seriesWinners: 'Победители и призёры',
  participants: ['участник', 'участника', 'участников'] as const,
  /** After «на» (accusative, animate): «на 1 участника», «на 3 участников», «на 5 участников». */
  participantsAccusative: ['участника', 'участников', 'участников'] as const,
  winnersNone: 'Победителей (1 место) в отчётном периоде нет',
  winnersOne: 'Победителем (1 место) стал {n} {participants}',
  winnersMany: 'Победителями (1 место) стали {n} {participants}',
  prizeNone: 'призёров (2–3 место) нет',
  prizeOne: 'призёром (2–3 место) стал {n} {participants}',
  prizeMany: 'призёрами (2–3 место) стали {n} {participants}',
  medallionsOne: 'Медальон за профессионализм получил {n} {participants}.',
  medallionsMany: 'Медальоны за профессионализм получили {n} {participants}.',
  effectiveness:
    'Результативность участия (доля победителей и призёров от числа участников) составила {percent}.',
  winnersTable: 'Таблица {n}. Победители и призёры',
  winnersHeader: ['Участник', 'ОУ', 'Компетенция', 'Результат'],
  winnersNotNamed:
    'Поимённые списки победителей и призёров в справке не приводятся: согласие на распространение персональных данных не подтверждено настройками.',
  dynamicsMonth: 'По сравнению с предыдущим месяцем {trend}.',
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
  ratingHeader: ['ОУ', 'Участников', 'Победителей', 'Призёров', 'Результативность, %'],
  notParticipatingIntro: 'Участие в отчётном периоде не зафиксировано у {n} ОУ из {total}:',
  allParticipating: 'В отчётном периоде участие приняли все ОУ района.',
  reportsLine:
    'Получено ежемесячных отчётов: {received} из {expected} ({percent}), в том числе не в срок — {late}.',
  missingReportsIntro: 'Не представлены отчёты ({n}):',
  lateReportsIntro: 'Представлены не в срок ({n}):',
  ordersLine:
    'Приказы о направлении участников не представлены на {n} {participants} из {schools} ОУ:',
  ordersAllPresent: 'Приказы о направлении представлены на всех участников отчётного периода.',
  schoolWithCount: '{school} — {n}',
  conclusionCoverageLow:
    'Охват ОУ остаётся недостаточным: {percent} ОУ района приняли участие в чемпионатах.',
  conclusionLowestType:
    'Наименьшая доля участвующих ОУ — среди учреждений типа «{type}» ({percent}).',
  conclusionResults:
    'Результативность участия составила {percent} ({winners} победит., {prize} призёр.).',
  conclusionEffectivenessDown:
    'Результативность снизилась по сравнению с предыдущим месяцем ({change} {pp}).',
  conclusionDiscipline:
    'Не представили ежемесячные отчёты {missing} ОУ, представили не в срок — {late}.',
  conclusionOrders: 'Приказы о направлении отсутствуют на {n} {participants}.',
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
  recommendContinue: 'Продолжить ежемесячный мониторинг участия ОУ в чемпионатах.',
  schoolTypes: { ДОУ: 'ДОУ', школа: 'Школы', ДО: 'Учреждения ДО' } as Record<string, string>,
} as const;

/** Phrases of the plan execution analysis («Анализ выполнения плана работы»). */
export const PLAN_RU = {
  title: 'Анализ выполнения плана работы {centre} на {period}',
  subtitle: 'По состоянию на {date}',
  headerItems: ['№', 'Мероприятие', 'Срок', 'Ответственный', 'Отметка о выполнении'],
  sectionTable: 'Таблица {n}. {section}',
  totalsHeading: 'Итоги выполнения',
  totalsTable: 'Таблица {n}. Выполнение плана по отметкам',
  totalsHeader: ['Отметка', 'Мероприятий', 'Доля, %'],
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
  conclusionTotal:
    'Всего в плане {n} {items}; выполнено {done} ({donePercent}), выполнено частично — {partial}, не выполнено — {notDone}.',
  conclusionOverdue: 'Просрочено {n} {items}: срок истёк, отметка о выполнении отсутствует.',
  conclusionAllDone: 'Все мероприятия плана выполнены в полном объёме.',
  conclusionUnparsed: 'Срок не удалось определить для {n} {items} — уточните сроки в плане.',
  recommendNotDone:
    'Перенести невыполненные и частично выполненные мероприятия в план на следующий период с уточнёнными сроками.',
  recommendOverdue: 'Проставить отметки о выполнении по просроченным мероприятиям.',
  recommendContinue: 'Продолжить работу в соответствии с планом.',
  noSection: 'Мероприятия',
} as const;

/** Fills {placeholders} of a dictionary phrase. */
export function fillPhrase(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}
