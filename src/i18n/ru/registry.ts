/** Russian strings of the reference tabs' checks (domain/registry.ts). */
export const REGISTRY_RU = {
  tab: (name: string) => `Вкладка «${name}»`,
  statusNew: 'Новая',
  keyColumn: 'Ключ',
  emailColumn: 'Email',
  programmeColumn: 'Программа',
  noKey: (name: string, why: string) =>
    `по названию «${name}» ключ ОУ не определяется: ${why} Пока ключа нет, ОУ нет в списках форм.`,
  noKeySuggestion:
    'Заполните «Ключ» (например, ШКОЛА-47, ДОУ-21 или ДО-ОХТА), «Тип» и «Номер» в этой строке вкладки «ОУ».',
  duplicateKey: (key: string, firstRow: number) =>
    `ключ ${key} уже есть в строке ${firstRow}: две записи слились бы в одно ОУ. Эта строка не используется.`,
  duplicateKeySuggestion:
    'Если это разные ОУ, дайте этой строке свой ключ; если одно и то же — удалите строку-повтор.',
  badAddress: (address: string, error: string) =>
    `почта не принимает адрес ${address} (${error}): письма ОУ на него не уходят.`,
  noEmail:
    'у ОУ не указан адрес электронной почты: ежемесячное письмо ОУ, напоминания и письма о грамотах ему не отправляются.',
  noEmailSuggestion:
    'Укажите адрес в столбце «Email» этой строки вкладки «ОУ» (несколько адресов — через запятую).',
  badAddressSuggestion: 'Исправьте адрес в столбце «Email» этой строки вкладки «ОУ».',
  noProgramme: (name: string) =>
    `у компетенции «${name}» не указана программа: её участники не попадут в разбивку по программам.`,
  noProgrammeSuggestion:
    'Укажите программу (KidSkills, JuniorSkills, «Профессионалы» …) в столбце «Программа».',
  filled: (n: number, rows: string) =>
    `Во вкладке «ОУ» по названиям дополнены ключ, тип и номер (только пустые ячейки): ${n} — строки ${rows}.`,
};
