/** The «Опорный центр» menu: every item calls a function the bundle really has, and they work. */
import { registration, setUpDistrict } from './harness';

describe('menu', () => {
  test('onOpen adds every item, and each item names a global function of the bundle', () => {
    const { ws, app } = setUpDistrict();
    app.call('onOpen', { authMode: 'FULL' });
    const menu = ws.menus().find((m) => m.title === 'Опорный центр')!;
    expect(menu.items.map((i) => i.caption)).toEqual(
      expect.arrayContaining(['Настроить систему', 'Открыть панель', 'Сформировать справку…']),
    );
    for (const item of menu.items.filter((i) => i.functionName !== '')) {
      expect({ item: item.functionName, exists: app.has(item.functionName) }).toEqual({
        item: item.functionName,
        exists: true,
      });
    }
  });

  test('«Проверить данные» opens the queue and says how many new problems wait', () => {
    const { ws, app } = setUpDistrict();
    ws.submitForm(
      'Регистрация участников',
      registration({ 'Участник 1: класс / группа': '42 класс' }),
    );
    app.call('checkData');
    expect(ws.spreadsheet().getActiveSheet().getName()).toBe('Требует проверки');
    expect(ws.alerts().pop()).toMatch(/новых записей: [1-9]/);
  });

  test('«Сформировать справку…» makes the previous month’s note and gives its link', () => {
    const { ws, app } = setUpDistrict('2021-11-02T10:00:00+03:00');
    ws.submitForm('Регистрация участников', registration());
    app.call('promptMonthlyNote');
    const note = ws.documents().find((d) => !d.trashed && d.name.startsWith('Аналитическая'))!;
    expect(note.name).toContain('за октябрь 2021');
    expect(ws.alerts().pop()).toContain(note.id);
  });
});
