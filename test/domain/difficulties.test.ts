import {
  classifyDifficulty,
  shortenAnswer,
  type DifficultyTheme,
} from '../../src/domain/difficulties';

/**
 * Answers to «Трудности и потребность в методической помощи» as schools and kindergartens write
 * them (typos, capitals, several problems in one answer, Latin letters, «нет» before a need),
 * with the themes a methodologist would file them under.
 */
const NEEDS: Array<[string, DifficultyTheme[]]> = [
  ['Не хватает расходных материалов для подготовки.', ['equipment']],
  ['Нужна консультация по критериям оценки компетенции.', ['methods']],
  ['Педагог-наставник на больничном, занятия перенесены.', ['staff']],
  ['нет оборудования для компетенции Сити-фермерство', ['equipment']],
  ['Отсутствует оборудывание, нужны станки с ЧПУ', ['equipment']],
  ['Нехватка наставнеков, один педагог ведёт три команды', ['staff']],
  ['Просим провести консультацию по кейс-заданиям и критериям оценивания', ['methods']],
  ['нужна метадическая помощь по подготовке к финалу', ['methods']],
  ['Мало времени на подготовку, большая нагрузка у педагогов', ['staff', 'time']],
  ['не успеваем из-за загруженности педагогов, сжатые сроки', ['staff', 'time']],
  ['Поздно узнали о чемпионате, информация пришла за 2 дня', ['information']],
  ['Положение о чемпионате опубликовано поздно, нет ссылки на регистрацию', ['information']],
  ['Нет финансирования на закупку расходников', ['equipment', 'funding']],
  ['Нет средств на оплату проезда команды на региональный этап', ['funding']],
  ['Трудностей нет, но нужна консультация по инфраструктурному листу', ['methods']],
  [
    'Не хватает ноутбуков; нужна помощь в разработке кейс-заданий; наставник в декрете',
    ['staff', 'equipment', 'methods'],
  ],
  ['НЕТ ПОМЕЩЕНИЯ ДЛЯ ЗАНЯТИЙ', ['equipment']],
  ['Нет кабинета и мебели под мастерскую', ['equipment']],
  ['требуется обучение экспертов', ['staff']],
  ['Нужны курсы повышения квалификации для воспитателей', ['staff']],
  ['Сложно совмещать подготовку с основной работой', ['time']],
  ['Неизвестны сроки проведения районного этапа', ['time', 'information']],
  ['матерьялы для флористики закончились, нужны деньги на закупку', ['equipment', 'funding']],
  ['Нет опыта участия в чемпионатах', ['methods']],
  ['Родители не дают согласие на участие', ['other']],
  ['Дети болеют, карантин в группе', ['other']],
  ['Нужна помощь', ['other']],
  ['Hет интернета в кабинете информатики', ['equipment']], // Latin «H» in «Нет»
  ['Финасирование не выделено, нужен транспорт до площадки', ['equipment', 'funding']],
  ['Оборудование есть, но не хватает педагогов', ['staff']],
  ['Не хватает времени, расписание перегружено', ['time']],
  ['Нехватка аборудования', ['equipment']], // «о» written «а», as heard
];

const NOTHING: string[] = [
  '',
  'Нет',
  'нет.',
  'нет',
  '-',
  '—',
  'Трудностей нет',
  'трудностей не испытываем',
  'Особых трудностей не возникло.',
  'В данный момент трудностей нет',
  'Трудностей и потребности в методической помощи нет',
  'в методической помощи не нуждаемся',
  'Всё хорошо, справляемся',
  'Затруднений нет',
  'Проблем нет!',
  'Оборудование есть, материалов достаточно',
  '<img src=x onerror=alert(1)>',
];

describe('classifyDifficulty: difficulties in the schools’ own words', () => {
  test.each(NEEDS)('«%s» → %j', (text, themes) => {
    expect(classifyDifficulty(text)).toEqual({ none: false, themes });
  });

  test.each(NOTHING.map((t) => [t]))('«%s» raises no difficulty', (text) => {
    expect(classifyDifficulty(text)).toEqual({ none: true, themes: [] });
  });

  test('covers at least thirty phrasings and every theme', () => {
    expect(NEEDS.length + NOTHING.length).toBeGreaterThanOrEqual(30);
    const seen = new Set(NEEDS.flatMap(([, themes]) => themes));
    expect([...seen].sort()).toEqual(
      ['equipment', 'funding', 'information', 'methods', 'other', 'staff', 'time'].sort(),
    );
  });

  test('does not mistake neighbouring words for a theme', () => {
    // «программы», «техническое описание», «становится» and «сотрудничество» are not equipment
    // or staff; «образовательный» is not «образец».
    expect(classifyDifficulty('Становится сложнее набирать детей').themes).not.toContain(
      'equipment',
    );
    expect(classifyDifficulty('Нужно сотрудничество с колледжем').themes).not.toContain('staff');
    expect(classifyDifficulty('Нет образовательной программы по компетенции').themes).toEqual([
      'other',
    ]);
  });
});

describe('shortenAnswer', () => {
  test('keeps short answers and cuts long ones at a word with an ellipsis', () => {
    expect(shortenAnswer('  Нет   оборудования ')).toBe('Нет оборудования');
    const long = 'Не хватает расходных материалов для подготовки команды, '.repeat(5);
    const short = shortenAnswer(long, 60);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short.endsWith('…')).toBe(true);
    expect(short).toBe('Не хватает расходных материалов для подготовки команды, Не…');
  });
});
