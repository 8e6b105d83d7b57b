/**
 * The synthetic centre's work plan: seed 000's items imported through the menu's «Импортировать
 * план работы…», then marks, results and comments typed into «План работы» over the year the way
 * staff would — some sections commented, one not at all, a few items left without a mark past their
 * deadline, two deadlines rewritten as a half-year and quarters.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Workspace } from '@opc/gas-emulator';
import { PLAN_TAB } from '../../src/domain/schema';

/** What staff write against an item: its mark, and optionally the result and a comment. */
interface Entry {
  mark: 'Выполнено' | 'Выполнено частично' | 'Не выполнено';
  result?: string;
  comment?: string;
  /** A deadline staff retyped. */
  deadline?: string;
}

/** Marks, results and comments by item number; items not listed stay without a mark. */
export const PLAN_ENTRIES: Record<string, Entry> = {
  '1.1': {
    mark: 'Выполнено',
    comment: 'Цели и задачи центра обсуждены на заседании рабочей группы 14.04.2021',
  },
  '1.2': {
    mark: 'Выполнено',
    result: 'Проект положения об опорном центре',
    comment: 'Кадровый состав определён: руководитель и два методиста',
  },
  '1.3': { mark: 'Выполнено', comment: 'Положение согласовано с отделом образования в июле' },
  '1.4': { mark: 'Выполнено' },
  '2.1': {
    mark: 'Выполнено',
    result: 'Аналитическая справка по итогам мониторинга',
    comment:
      'В мониторинге участвовали 86 ОУ района; наибольший интерес — к компетенциям «Сити-фермерство» и «Графический дизайн»',
  },
  '2.2': { mark: 'Выполнено' },
  '2.3': {
    mark: 'Выполнено частично',
    comment: 'Изучен опыт двух районов; опыт других регионов — в следующем году',
  },
  '2.4': { mark: 'Выполнено', result: 'Перечень из 14 конкурсов и чемпионатов' },
  '2.5': {
    mark: 'Выполнено частично',
    comment: 'Письма разосланы 22 учреждениям, откликнулись 4; работа продолжается',
  },
  '2.6': { mark: 'Не выполнено', comment: 'Соглашения не подписаны: партнёры ждут решения вузов' },
  '3.1': {
    mark: 'Выполнено',
    comment: 'Совещание проведено 16.09.2021, присутствовали представители 78 ОУ',
  },
  '3.2': { mark: 'Выполнено' },
  '3.3': {
    mark: 'Выполнено частично',
    comment:
      'Проведены два семинара из трёх; третий перенесён на январь из-за ограничений на очные мероприятия',
  },
  '3.4': { mark: 'Выполнено' },
  '4.1': { mark: 'Выполнено', result: 'Программа и пост-релиз конференции' },
  '4.2': { mark: 'Выполнено' },
  '4.3': { mark: 'Выполнено', deadline: 'первое полугодие 2021/2022 уч. г.' },
  '4.4': { mark: 'Выполнено частично', deadline: 'I–II квартал 2022' },
  '5.1': {
    mark: 'Выполнено',
    result: 'Онлайн-сервис мониторинга',
    comment: 'Сервис на Google Таблицах и Формах работает с сентября; ОУ отчитываются через формы',
  },
  '5.2': { mark: 'Выполнено' },
  '5.3': { mark: 'Выполнено', result: 'Банк приказов ОУ' },
  '5.4': {
    mark: 'Выполнено',
    comment: 'Аналитические справки формируются ежемесячно и направляются в отдел образования',
  },
  '5.5': { mark: 'Выполнено' },
  '6.1': { mark: 'Выполнено' },
  '6.2': { mark: 'Выполнено' },
  '6.3': { mark: 'Выполнено частично' },
};

/** Seed 000, the centre's plan for 2021/2022. */
export function seedPlanText(): string {
  const dir = path.resolve(__dirname, '../../seeds');
  const file = fs.readdirSync(dir).find((f) => f.startsWith('000_'));
  if (!file) throw new Error('district: seed 000 not found');
  return fs.readFileSync(path.join(dir, file), 'utf8');
}

/** Types the marks, results, comments and retyped deadlines into «План работы» in one write. */
export function fillPlanTab(ws: Workspace): void {
  const sheet = ws.spreadsheet().getSheetByName(PLAN_TAB)!;
  const values = sheet.getDataRange().getValues();
  const [header = [], ...rows] = values;
  const at = (title: string): number => {
    const i = header.indexOf(title);
    if (i < 0) throw new Error(`district: «${PLAN_TAB}» has no column «${title}»`);
    return i;
  };
  const [number, mark, result, comment, deadline] = [
    '№ п/п',
    'Отметка о выполнении',
    'Результат',
    'Комментарий',
    'Срок',
  ].map(at) as [number, number, number, number, number];
  for (const row of rows) {
    const entry = PLAN_ENTRIES[String(row[number])];
    if (!entry) continue;
    row[mark] = entry.mark;
    if (entry.result) row[result] = entry.result;
    if (entry.comment) row[comment] = entry.comment;
    if (entry.deadline) row[deadline] = entry.deadline;
  }
  sheet.getRange(2, 1, rows.length, header.length).setValues(rows);
}
