/**
 * Adversarial: what schools and staff really do that the other suites do not try — each test on
 * the real bundle, written before its fix.
 */
import { registration, rememberFirstEvent, setUpDistrict } from './harness';

const REG = 'Регистрация участников';
const RESULTS = 'Результаты участия';

type Ws = ReturnType<typeof setUpDistrict>['ws'];

function district(now = '2021-10-04T09:00:00+03:00') {
  const { ws, app } = setUpDistrict(now);
  rememberFirstEvent(ws.sheetValues('Мероприятия'));
  return { ws, app };
}

function column(ws: Ws, tab: string, header: string): unknown[] {
  const [head = [], ...rows] = ws.sheetValues(tab);
  const i = head.indexOf(header);
  if (i < 0) throw new Error(`no column ${header} in ${tab}`);
  return rows.map((r) => r[i]);
}

function result(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'Образовательное учреждение': 'ГБОУ СОШ № 47',
    Мероприятие: String(registration()['Мероприятие']),
    Компетенция: 'Мобильная робототехника',
    'Участник (Фамилия Имя)': 'Иванова Мария',
    Результат: 'Участник',
    Баллы: '61',
    ...overrides,
  };
}

describe('invisible direction marks pasted with a name', () => {
  test('LRM, RLM and bidi embeddings around a name are dropped like zero-width spaces: the child is one participant, the result finds her', () => {
    const { ws, app } = district();
    ws.submitForm(REG, registration());
    // The same child again, her name pasted from a web page with direction marks around it.
    ws.submitForm(
      REG,
      registration({
        'Участник 1: фамилия': 'Иванова\u200E',
        'Участник 1: имя': '\u202BМария\u202C',
      }),
    );
    ws.submitForm(RESULTS, result({ 'Участник (Фамилия Имя)': 'Иванова\u200F Мария' }));
    app.call('rebuildAll');
    expect(column(ws, 'Участники', 'Фамилия')).toEqual(['Иванова']);
    expect(column(ws, 'Участники', 'Имя')).toEqual(['Мария']);
    expect(column(ws, 'Результаты', 'Участник')).toEqual(['Иванова Мария']);
    const fields = column(ws, 'Требует проверки', 'Поле').map(String);
    expect(fields.filter((f) => f.startsWith('Участник'))).toEqual([]);
  });
});
