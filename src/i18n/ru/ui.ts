/** Russian strings of the menu, the sidebar and staff-facing messages. */
export const UI_RU = {
  menu: {
    title: 'Опорный центр',
    setup: 'Настроить систему',
    sidebar: 'Открыть панель',
    note: 'Сформировать справку…',
    rebuild: 'Пересобрать данные',
    check: 'Проверить данные',
  },
};
